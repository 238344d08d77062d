import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { loadErrorOf, messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import {
  DeleteGuestNoteGQL,
  RestoreGuestNoteGQL,
  type GuestNoteFieldsFragment,
  type GuestNoteKind,
  type TimelineChannel,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { GuestComposer } from './guest-composer';
import { channelsFor, type ComposerChannel } from './guest-messages';
import { guestMessagesState } from './guest-messages.state';
import { GuestNoteForm } from './guest-note-form';
import { GuestTimelineEntry } from './guest-timeline-entry';
import {
  authorsOf,
  DATE_RANGES,
  NO_FILTERS,
  TIMELINE_CHANNELS,
  type DateRange,
  type TimelineFilters,
  type TimelineItem,
} from './guest-timeline.model';
import { guestTimelineState } from './guest-timeline.state';

const NOTE_WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER'];
const NOTE_MODERATORS = ['ADMIN', 'MANAGER'];

/**
 * Everything that happened with a guest in one feed, newest first: messages either way (live
 * delivery status, reply inline with the composer below), logged calls and internal notes (add,
 * edit, delete with undo), work order and reservation changes, alerts. Filter chips narrow it by
 * channel, date and author; older entries load on demand.
 */
@Component({
  selector: 'att-guest-timeline',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    ErrorBanner,
    GuestComposer,
    GuestNoteForm,
    GuestTimelineEntry,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './guest-timeline.html',
  styleUrl: './guest-timeline.scss',
})
export class GuestTimeline {
  readonly guestId = input.required<string>();
  readonly phone = input<string | null>(null);
  readonly email = input<string | null>(null);

  private readonly session = inject(SessionStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly deleteGql = inject(DeleteGuestNoteGQL);
  private readonly restoreGql = inject(RestoreGuestNoteGQL);
  private readonly composer = viewChild(GuestComposer);

  protected readonly channelChips = TIMELINE_CHANNELS.filter((c) => c.channel !== 'IN_APP');
  protected readonly ranges = DATE_RANGES;
  protected readonly filters = signal<TimelineFilters>(NO_FILTERS);
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return f.channels.length > 0 || f.range !== 'ANY' || f.userId !== null;
  });
  /** The note form open at the top: a new call or note. */
  protected readonly adding = signal<GuestNoteKind | null>(null);
  /** The entry whose note is being edited in place. */
  protected readonly editing = signal<string | null>(null);

  protected readonly state = guestMessagesState(
    computed(() => ({ id: this.guestId(), phone: this.phone(), email: this.email() })),
  );
  protected readonly timeline = guestTimelineState(this.guestId, this.filters, this.state);

  protected readonly me = computed(() => this.session.user());
  protected readonly canWrite = computed(() => this.session.hasAnyRole(NOTE_WRITERS));
  /** The channels the guest can be answered on (phone: SMS/WhatsApp; email address: email). */
  protected readonly replyChannels = computed(() => channelsFor(this.phone(), this.email()));
  protected readonly authors = computed(() => {
    const me = this.me();
    return authorsOf(this.timeline.entries(), me ? { id: me.id, name: me.name } : null);
  });
  protected readonly loadError = computed(() => {
    const err = this.timeline.error() ?? this.state.error();
    return err ? loadErrorOf(err, 'The timeline of this guest could not be found.') : null;
  });

  protected canChange(e: TimelineItem): boolean {
    if (!e.note) return false;
    return e.note.author.id === this.me()?.id || this.session.hasAnyRole(NOTE_MODERATORS);
  }

  protected setChannels(channels: TimelineChannel[] | null): void {
    this.filters.update((f) => ({ ...f, channels: channels ?? [] }));
  }
  protected setRange(range: DateRange | null): void {
    this.filters.update((f) => ({ ...f, range: range ?? 'ANY' }));
  }
  protected setUser(userId: string | null): void {
    this.filters.update((f) => ({ ...f, userId }));
  }
  protected clearFilters(): void {
    this.filters.set(NO_FILTERS);
  }

  protected reply(channel: ComposerChannel): void {
    this.composer()?.replyOn(channel);
  }

  protected noteAdded(): void {
    this.adding.set(null);
    this.snackBar.open('Saved to the timeline', undefined, { duration: 3000 });
    this.timeline.refetch();
  }

  protected noteEdited(entry: TimelineItem, note: GuestNoteFieldsFragment): void {
    this.editing.set(null);
    this.timeline.patch({ ...entry, note, body: note.body, detail: note.body });
    this.timeline.refetch();
  }

  /** Deletes at once and offers Undo, which restores the note. */
  protected async remove(entry: TimelineItem): Promise<void> {
    const note = entry.note;
    if (!note) return;
    this.timeline.hide(entry.id);
    try {
      await firstValueFrom(this.deleteGql.mutate({ variables: { id: note.id } }));
    } catch (err) {
      this.timeline.show(entry.id);
      this.snackBar.open(`Not deleted: ${messageOf(err)}`, 'Dismiss', { duration: 6000 });
      return;
    }
    const label = note.kind === 'CALL' ? 'Call deleted' : 'Note deleted';
    const ref = this.snackBar.open(label, 'Undo', { duration: 8000 });
    ref.onAction().subscribe(() => void this.restore(entry));
  }

  private async restore(entry: TimelineItem): Promise<void> {
    if (!entry.note) return;
    try {
      await firstValueFrom(this.restoreGql.mutate({ variables: { id: entry.note.id } }));
      // A refetch meanwhile may have dropped it: put it back until the next page confirms it.
      this.timeline.patch(entry);
      this.timeline.show(entry.id);
      this.snackBar.open('Restored', undefined, { duration: 3000 });
    } catch (err) {
      this.snackBar.open(`Not restored: ${messageOf(err)}`, 'Dismiss', { duration: 6000 });
    }
  }
}
