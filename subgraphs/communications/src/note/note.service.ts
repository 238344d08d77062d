import { Prisma } from '@attendant/db';
import {
  recordEvent,
  requireRoles,
  type Actor,
  type Db,
  type TenantActor,
  type Tx,
} from '@attendant/kit';
import { isUuid, NOTE_MODERATORS, NOTE_WRITERS } from '../shared/actors';
import { recordTimelineChange, type TimelineChange } from '../timeline/timeline-changed';
import { NoteError, NoteErrorCode } from './note.errors';
import { NoteRepository, type NoteRow } from './note.repository';
import {
  MAX_CALL_SECONDS,
  MAX_NOTE_LENGTH,
  type AddGuestNoteInput,
  type EditGuestNoteInput,
} from './note.type';

type CallFields = Pick<AddGuestNoteInput, 'callDirection' | 'callDurationSeconds' | 'callOutcome'>;
type Author = TenantActor & { userId: string };

const invalid = (message: string, field: string) =>
  new NoteError(NoteErrorCode.Invalid, message, { field });

/** Call notes and internal notes on a guest: written by staff, edited by their author or a manager. */
export class NoteService {
  private readonly repo: NoteRepository;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new NoteRepository(db);
  }

  /** Adds a note; the same idempotency key again answers with the first note. */
  async add(actor: Actor, input: AddGuestNoteInput): Promise<NoteRow> {
    const t = author(actor);
    if (!isUuid(input.guestId)) throw invalid('guestId is not a guest id', 'guestId');
    const body = bodyOf(input.body);
    const call = callFields(input.kind === 'CALL', input);
    const key = input.idempotencyKey ?? null;
    if (key) {
      const earlier = await this.repo.findByKey(t, t.userId, key);
      if (earlier) return sameRequest(earlier, input);
    }
    try {
      return await this.db.$transaction(async (tx) => {
        const row = await this.repo.with(tx).create({
          organizationId: t.organizationId,
          guestId: input.guestId,
          kind: input.kind,
          body,
          ...call,
          authorId: t.userId,
          idempotencyKey: key,
          createdAt: this.now(),
        });
        await noteEvent(tx, 'GuestNoteAdded', row);
        return row;
      });
    } catch (error) {
      // Two concurrent requests with one key: the loser answers with the winner's note.
      if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const earlier = await this.repo.findByKey(t, t.userId, key);
        if (earlier) return sameRequest(earlier, input);
      }
      throw error;
    }
  }

  async edit(actor: Actor, input: EditGuestNoteInput): Promise<NoteRow> {
    const t = author(actor);
    const current = await this.owned(t, input.id);
    if (current.deletedAt)
      throw new NoteError(NoteErrorCode.Deleted, 'This note was deleted; restore it to edit it', {
        id: current.id,
      });
    const body =
      input.body === undefined || input.body === null ? current.body : bodyOf(input.body);
    const isCall = current.kind === 'CALL';
    const call = callFields(isCall, {
      callDirection: input.callDirection ?? current.callDirection,
      callDurationSeconds:
        input.callDurationSeconds === undefined
          ? current.callDurationSeconds
          : input.callDurationSeconds,
      callOutcome: input.callOutcome ?? current.callOutcome,
    });
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, current.id, {
        body,
        ...call,
        editedAt: this.now(),
        editedById: t.userId,
      });
      await noteEvent(tx, 'GuestNoteEdited', row);
      return row;
    });
  }

  /** Soft delete, so it can be undone; deleting a deleted note changes nothing. */
  async remove(actor: Actor, id: string): Promise<NoteRow> {
    const t = author(actor);
    const current = await this.owned(t, id);
    if (current.deletedAt) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo
        .with(tx)
        .update(t, current.id, { deletedAt: this.now(), deletedById: t.userId });
      await noteEvent(tx, 'GuestNoteDeleted', row);
      return row;
    });
  }

  /** Undoes a delete; restoring a note that is not deleted changes nothing. */
  async restore(actor: Actor, id: string): Promise<NoteRow> {
    const t = author(actor);
    const current = await this.owned(t, id);
    if (!current.deletedAt) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo
        .with(tx)
        .update(t, current.id, { deletedAt: null, deletedById: null });
      await noteEvent(tx, 'GuestNoteRestored', row);
      return row;
    });
  }

  /** The note, if the actor wrote it or moderates notes. */
  private async owned(t: Author, id: string): Promise<NoteRow> {
    const row = isUuid(id) ? await this.repo.findById(t, id) : null;
    if (!row) throw new NoteError(NoteErrorCode.NotFound, `Note ${id} was not found`, { id });
    if (row.authorId !== t.userId && !t.roles.some((r) => NOTE_MODERATORS.includes(r as never)))
      throw new NoteError(
        NoteErrorCode.NotYours,
        'Only the author of a note or a manager can change it',
        { id },
      );
    return row;
  }
}

/** A staff member who may write notes; API keys cannot (a note needs an author). */
function author(actor: Actor): Author {
  const t = requireRoles(actor, NOTE_WRITERS);
  if (!t.userId)
    throw new NoteError(NoteErrorCode.NotYours, 'Notes are written by a signed-in staff member');
  return t as Author;
}

function bodyOf(raw: string): string {
  const body = raw.trim();
  if (!body) throw invalid('Write something in the note', 'body');
  if (body.length > MAX_NOTE_LENGTH)
    throw invalid(
      `A note can be at most ${MAX_NOTE_LENGTH} characters (this one has ${body.length})`,
      'body',
    );
  return body;
}

function callFields(isCall: boolean, input: CallFields) {
  const duration = input.callDurationSeconds ?? null;
  if (!isCall) {
    if (input.callDirection || input.callOutcome || duration !== null)
      throw invalid(
        'Only call notes have a direction, duration or outcome',
        input.callDirection
          ? 'callDirection'
          : input.callOutcome
            ? 'callOutcome'
            : 'callDurationSeconds',
      );
    return {};
  }
  if (!input.callDirection)
    throw invalid('Say whether the guest called or you called them', 'callDirection');
  if (
    duration !== null &&
    (!Number.isInteger(duration) || duration < 0 || duration > MAX_CALL_SECONDS)
  )
    throw invalid(
      `The call duration must be between 0 and ${MAX_CALL_SECONDS / 3600} hours, in whole seconds`,
      'callDurationSeconds',
    );
  return {
    callDirection: input.callDirection,
    callDurationSeconds: duration,
    callOutcome: input.callOutcome ?? null,
  };
}

/** A reused key must carry the same note: otherwise it is a client bug, not a retry. */
function sameRequest(earlier: NoteRow, input: AddGuestNoteInput): NoteRow {
  if (earlier.guestId !== input.guestId || earlier.kind !== input.kind)
    throw new NoteError(
      NoteErrorCode.KeyReused,
      'This idempotency key was already used for another note',
      { field: 'idempotencyKey', id: earlier.id },
    );
  return earlier;
}

const NOTE_CHANGE = {
  GuestNoteAdded: 'ADDED',
  GuestNoteEdited: 'CHANGED',
  GuestNoteDeleted: 'REMOVED',
  GuestNoteRestored: 'ADDED',
} as const satisfies Record<string, TimelineChange>;

async function noteEvent(tx: Tx, type: keyof typeof NOTE_CHANGE, row: NoteRow): Promise<void> {
  // No body in the event: it reaches every subscriber of the bus.
  await recordEvent(tx, 'communications', {
    type,
    entityType: 'GuestNote',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: { guestId: row.guestId, kind: row.kind, authorId: row.authorId },
  });
  await recordTimelineChange(tx, {
    organizationId: row.organizationId,
    guestId: row.guestId,
    entryId: row.id,
    change: NOTE_CHANGE[type],
  });
}
