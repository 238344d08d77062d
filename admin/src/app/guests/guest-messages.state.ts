import { computed, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { catchError, EMPTY, firstValueFrom, map, switchMap, tap } from 'rxjs';
import { Reconnects } from '../core/reconnects';
import {
  GuestMessageChangedGQL,
  GuestMessagesGQL,
  SendGuestMessageGQL,
  type GuestMessageFragment,
  type SendMessageInput,
} from '../generated/graphql';
import { liveQuery } from '../shared/query-state';
import { sameJson } from '../shared/same-json';
import { emailAddress, mergeMessages, phoneAddress } from './guest-messages';

export interface GuestRef {
  id: string;
  phone: string | null;
  email?: string | null;
}

export type GuestMessagesState = ReturnType<typeof guestMessagesState>;

/**
 * A guest's messages, threads and consent, kept live (call in an injection context): the list
 * query, plus every message sent from here or pushed by `messageChanged` since. An inbound
 * message may be a STOP/START keyword, so it refetches the consent ledger too; after the live
 * connection comes back everything is refetched (events may have been missed meanwhile).
 */
export function guestMessagesState(guest: Signal<GuestRef>) {
  const list = inject(GuestMessagesGQL);
  const sendGql = inject(SendGuestMessageGQL);
  const changed = inject(GuestMessageChangedGQL);

  const variables = computed(
    () => {
      const phone = phoneAddress(guest().phone);
      const email = emailAddress(guest().email);
      return {
        guestId: guest().id,
        phone: phone ?? '',
        withPhone: !!phone,
        email: email ?? '',
        withEmail: !!email,
      };
    },
    { equal: sameJson },
  );
  const query = liveQuery(variables, (v) =>
    list.watch({ variables: v, notifyOnNetworkStatusChange: true }),
  );
  const pushed = signal<GuestMessageFragment[]>([]);
  const liveError = signal(false);
  const push = (m: GuestMessageFragment) => pushed.update((all) => [...all, m]);

  toObservable(computed(() => guest().id))
    .pipe(
      tap(() => pushed.set([])),
      switchMap((guestId) =>
        changed.subscribe({ variables: { guestId } }).pipe(
          tap(() => liveError.set(false)),
          catchError(() => {
            liveError.set(true);
            return EMPTY;
          }),
        ),
      ),
      map((r) => r.data?.messageChanged),
      takeUntilDestroyed(),
    )
    .subscribe((m) => {
      if (!m) return;
      push(m);
      if (m.direction === 'INBOUND') query.refetch();
    });
  inject(Reconnects)
    .events.pipe(takeUntilDestroyed())
    .subscribe(() => query.refetch());

  const data = query.data;
  return {
    /** Every message of the guest, one per id, in its most advanced state. */
    messages: computed(() => mergeMessages(data()?.messages.nodes ?? [], pushed())),
    /** Messages sent from here or pushed live since the guest was opened (newest last). */
    pushed: pushed.asReadonly(),
    /** True until the first result arrives. */
    loading: computed(() => !data() && query.loading()),
    /** Refetching while something is shown. */
    refreshing: computed(() => !!data() && query.loading()),
    error: computed(() => (data() ? null : query.error())),
    liveError: liveError.asReadonly(),
    smsConsent: computed(() => data()?.smsConsent ?? []),
    whatsappConsent: computed(() => data()?.whatsappConsent ?? []),
    emailConsent: computed(() => data()?.emailConsent ?? []),
    /** Until when WhatsApp free-form messages are allowed; null when the window is closed. */
    whatsappWindowClosesAt: computed(
      () =>
        data()?.conversations.nodes.find((c) => c.channel === 'WHATSAPP')?.whatsappWindowClosesAt ??
        null,
    ),
    refetch: () => query.refetch(),

    /** Sends (or is refused); the answer shows in the timeline at once. */
    async send(input: SendMessageInput): Promise<GuestMessageFragment> {
      const answer = await firstValueFrom(sendGql.mutate({ variables: { input } }));
      const res = answer.data?.sendMessage;
      if (!res) throw answer.error ?? new Error('The server did not answer the send');
      push(res);
      // A refusal may come from a ledger change we have not seen: show the consent in force.
      if (res.status === 'REFUSED') query.refetch();
      return res;
    },
  };
}
