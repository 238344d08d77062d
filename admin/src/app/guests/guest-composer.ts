import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
  type ElementRef,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { messageOf } from '../core/errors';
import { SmsSegmentsPreviewGQL, type MessagePurpose } from '../generated/graphql';
import { formatDateTime } from '../shared/format';
import {
  CHANNEL_LABEL,
  channelsFor,
  consentSummary,
  consentText,
  consentWarning,
  emailAddress,
  isE164,
  phoneAddress,
  type ComposerChannel,
} from './guest-messages';
import type { GuestMessagesState } from './guest-messages.state';

/**
 * Reply inline under the timeline: SMS or WhatsApp to the guest's phone, or an email (subject and
 * text; the server makes the HTML part) to their email address, with the consent in force per
 * channel and a live segment count for SMS. Nothing is disabled silently: an opted-out guest
 * gets a warning, and the manager may still try; the server's refusal then shows in the timeline.
 */
@Component({
  selector: 'att-guest-composer',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './guest-composer.html',
  styleUrl: './guest-composer.scss',
})
export class GuestComposer {
  readonly guestId = input.required<string>();
  readonly phone = input<string | null>(null);
  readonly email = input<string | null>(null);
  readonly state = input.required<GuestMessagesState>();

  protected readonly label = CHANNEL_LABEL;
  protected readonly channels = computed(() => channelsFor(this.phone(), this.email()));
  private readonly picked = signal<ComposerChannel | null>(null);
  /** The picked channel while the guest has it, else their first one (email only: EMAIL). */
  protected readonly channel = computed<ComposerChannel>(() => {
    const picked = this.picked();
    const all = this.channels();
    return picked && all.includes(picked) ? picked : (all[0] ?? 'SMS');
  });
  protected readonly address = computed(() =>
    this.channel() === 'EMAIL' ? emailAddress(this.email()) : phoneAddress(this.phone()),
  );
  protected readonly subject = signal('');
  protected readonly purpose = signal<MessagePurpose>('TRANSACTIONAL');
  protected readonly body = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The refusal of the last send, repeated beside the composer. */
  protected readonly refused = signal<string | null>(null);
  // A retry of the very same message after a lost answer reuses its key: never sent twice.
  private pending: { payload: string; key: string } | null = null;

  protected readonly consents = computed(() =>
    this.channels().map((channel) => {
      const ledger = this.ledger(channel);
      const summary = consentSummary(ledger);
      return { channel, status: summary.status, text: consentText(summary, formatDateTime) };
    }),
  );

  protected readonly warnings = computed(() => {
    const out: string[] = [];
    const channel = this.channel();
    const consent = consentWarning(this.ledger(channel), this.purpose(), channel);
    if (consent) out.push(consent);
    const address = this.address();
    if (address && channel !== 'EMAIL' && !isE164(address))
      out.push(`${address} is not an international number (+…); the send will likely fail.`);
    if (channel === 'WHATSAPP') {
      const closes = this.state().whatsappWindowClosesAt();
      if (!closes || Date.parse(closes) < Date.now())
        out.push(
          'The guest has not written on WhatsApp in the last 24 hours; free-form messages will be refused.',
        );
    }
    return out;
  });

  private readonly segmentsGql = inject(SmsSegmentsPreviewGQL);
  protected readonly segments = toSignal(
    toObservable(this.body).pipe(
      debounceTime(250),
      map((b) => b.trim()),
      distinctUntilChanged(),
      switchMap((body) =>
        body
          ? this.segmentsGql.fetch({ variables: { body } }).pipe(
              map((r) => r.data?.smsSegments ?? null),
              catchError(() => of(null)),
              startWith(undefined),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );

  protected readonly canSend = computed(
    () =>
      !this.busy() &&
      this.body().trim().length > 0 &&
      !!this.address() &&
      (this.channel() !== 'EMAIL' || this.subject().trim().length > 0),
  );

  private readonly bodyBox = viewChild<ElementRef<HTMLTextAreaElement>>('bodyBox');

  /** Reply from a timeline entry: on the message's channel, with the cursor in the body. */
  replyOn(channel: ComposerChannel): void {
    if (this.channels().includes(channel)) this.picked.set(channel);
    const box = this.bodyBox()?.nativeElement;
    box?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    box?.focus();
  }

  protected pick(channel: ComposerChannel): void {
    this.picked.set(channel);
  }

  private ledger(channel: ComposerChannel) {
    const state = this.state();
    if (channel === 'EMAIL') return state.emailConsent();
    return channel === 'SMS' ? state.smsConsent() : state.whatsappConsent();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  }

  protected async send(): Promise<void> {
    const to = this.address();
    if (!this.canSend() || !to) return;
    this.busy.set(true);
    this.error.set(null);
    this.refused.set(null);
    const channel = this.channel();
    const input = {
      guestId: this.guestId(),
      channel,
      purpose: this.purpose(),
      to,
      body: this.body().trim(),
      ...(channel === 'EMAIL' ? { subject: this.subject().trim() } : {}),
    };
    const payload = JSON.stringify(input);
    if (this.pending?.payload !== payload) this.pending = { payload, key: newKey() };
    try {
      const sent = await this.state().send({ ...input, idempotencyKey: this.pending.key });
      this.pending = null;
      if (sent.status === 'REFUSED') {
        // Kept, so the manager can change channel or purpose and try again.
        this.refused.set(sent.refusedReason ?? 'The platform refused to send this message.');
      } else {
        this.body.set('');
        this.subject.set('');
      }
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}

/** A random key; `crypto.randomUUID` exists only in secure contexts (https or localhost). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
