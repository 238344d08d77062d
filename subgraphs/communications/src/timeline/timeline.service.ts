import type { Channel } from '@attendant/db';
import {
  decodeCursor,
  invalidInput,
  pageSize,
  toPage,
  type Actor,
  type DbOrTx,
  type Page,
  type TenantActor,
} from '@attendant/kit';
import { AlertRepository, type AlertRow } from '../alert/alert.repository';
import { MessageRepository, type MessageRow } from '../message/message.repository';
import { NoteRepository, type NoteRow } from '../note/note.repository';
import { isUuid, messageReader } from '../shared/actors';
import { ref } from '../shared/references';
import {
  TimelineRepository,
  type TimelineEventRow,
  type TimelineQuery,
  type TimelineRef,
} from './timeline.repository';
import { TimelineChannel, type TimelineEntry, type TimelineFilter } from './timeline.type';

const DETAIL_LENGTH = 280;

const CHANNEL_NOUN: Record<Channel, string> = {
  SMS: 'SMS',
  EMAIL: 'Email',
  WHATSAPP: 'WhatsApp',
  IN_APP: 'In-app message',
};

const OUTCOME: Record<string, string> = {
  ANSWERED: 'answered',
  NO_ANSWER: 'no answer',
  VOICEMAIL: 'voicemail',
  BUSY: 'busy',
  WRONG_NUMBER: 'wrong number',
};

export interface TimelineArgs {
  first?: number | null;
  after?: string | null;
  filter?: TimelineFilter | null;
}

/**
 * A guest's timeline: every message either way, logged call, internal note, change from other
 * domains and alert, in one feed ordered by (time, id), newest first, paged by keyset cursor.
 */
export class TimelineService {
  private readonly repo: TimelineRepository;
  private readonly messages: MessageRepository;
  private readonly notes: NoteRepository;
  private readonly alerts: AlertRepository;

  constructor(db: DbOrTx) {
    this.repo = new TimelineRepository(db);
    this.messages = new MessageRepository(db);
    this.notes = new NoteRepository(db);
    this.alerts = new AlertRepository(db);
  }

  /** One page of each guest's timeline (guests of one request load together). */
  async forGuests(
    actor: Actor,
    guestIds: readonly string[],
    args: TimelineArgs,
  ): Promise<{ id: string; page: Page<TimelineEntry> }[]> {
    const t = messageReader(actor);
    const size = pageSize(args.first);
    const q = queryOf(args);
    const ids = guestIds.filter(isUuid);
    const refs = ids.length ? await this.repo.page(t, ids, q, size + 1) : [];
    const entries = await this.load(t, refs);
    return guestIds.map((id) => ({
      id,
      page: toPage(
        entries.filter((e) => e.guestId === id),
        size,
        'at',
        () => (isUuid(id) ? this.repo.count(t, id, q) : Promise.resolve(0)),
      ),
    }));
  }

  /** The rows behind the refs, one query per source, in the refs' order. */
  private async load(
    t: TenantActor,
    refs: TimelineRef[],
  ): Promise<(TimelineEntry & { guestId: string })[]> {
    const idsOf = (source: TimelineRef['source']) =>
      refs.filter((r) => r.source === source).map((r) => r.id);
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const [messages, notes, events, alerts] = await Promise.all([
      this.messages.findByIds(t, idsOf('MESSAGE')).then(byId),
      this.notes.findByIds(t, idsOf('NOTE')).then(byId),
      this.repo.events(t, idsOf('EVENT')).then(byId),
      this.alerts.findByIds(t, idsOf('ALERT')).then(byId),
    ]);
    return refs.flatMap((r) => {
      const entry = (() => {
        switch (r.source) {
          case 'MESSAGE': {
            const m = messages.get(r.id);
            return m && fromMessage(m);
          }
          case 'NOTE': {
            const n = notes.get(r.id);
            return n && fromNote(n);
          }
          case 'EVENT': {
            const e = events.get(r.id);
            return e && fromEvent(e);
          }
          case 'ALERT': {
            const a = alerts.get(r.id);
            return a && fromAlert(a);
          }
        }
      })();
      // A row deleted between the two queries is simply left out.
      return entry ? [{ ...entry, guestId: r.guestId }] : [];
    });
  }
}

function queryOf(args: TimelineArgs): TimelineQuery {
  const f = args.filter ?? {};
  if (f.from && f.to && f.from >= f.to)
    throw invalidInput('The start of the date range must be before its end', 'from');
  if (f.userId && !isUuid(f.userId)) throw invalidInput('userId is not a user id', 'userId');
  let before: TimelineQuery['before'] = null;
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const at = typeof cursor.v === 'string' ? new Date(cursor.v) : null;
    if (!at || Number.isNaN(at.getTime()) || !isUuid(cursor.id))
      throw invalidInput('The cursor is not valid; start again from the first page', 'after');
    before = { at, id: cursor.id };
  }
  return { channels: f.channels, from: f.from, to: f.to, userId: f.userId, before };
}

function fromMessage(m: MessageRow): TimelineEntry {
  const outbound = m.direction === 'OUTBOUND';
  const noun = CHANNEL_NOUN[m.channel];
  return {
    id: m.id,
    at: m.createdAt,
    kind: outbound ? 'MESSAGE_OUT' : 'MESSAGE_IN',
    channel: TimelineChannel[m.channel],
    title:
      m.subject ??
      (outbound
        ? `${noun} to ${m.toAddress}`
        : `${noun} from ${m.fromAddress ?? 'unknown sender'}`),
    detail: shorten(m.body),
    body: m.body,
    message: m as unknown as TimelineEntry['message'],
    note: null,
    author: ref('User', m.createdById),
  };
}

function fromNote(n: NoteRow): TimelineEntry {
  const call = n.kind === 'CALL';
  return {
    id: n.id,
    at: n.createdAt,
    kind: call ? 'CALL' : 'NOTE',
    channel: call ? TimelineChannel.CALL : TimelineChannel.NOTE,
    title: call ? callTitle(n) : 'Internal note',
    detail: shorten(n.body),
    body: n.body,
    message: null,
    note: n as unknown as TimelineEntry['note'],
    author: ref('User', n.authorId),
  };
}

/** "Call from the guest · 4 min · answered". */
function callTitle(n: NoteRow): string {
  const parts = [n.callDirection === 'INBOUND' ? 'Call from the guest' : 'Call to the guest'];
  if (n.callDurationSeconds !== null) parts.push(duration(n.callDurationSeconds));
  if (n.callOutcome) parts.push(OUTCOME[n.callOutcome] ?? n.callOutcome);
  return parts.join(' · ');
}

const duration = (s: number) =>
  s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;

function fromEvent(e: TimelineEventRow): TimelineEntry {
  return {
    id: e.id,
    at: e.occurredAt,
    kind: 'SYSTEM',
    channel: TimelineChannel.SYSTEM,
    title: e.title,
    detail: e.detail ? shorten(e.detail) : null,
    body: e.detail,
    message: null,
    note: null,
    author: ref('User', e.actorId),
  };
}

function fromAlert(a: AlertRow): TimelineEntry {
  return {
    id: a.id,
    at: a.createdAt,
    kind: 'ALERT',
    channel: TimelineChannel.ALERT,
    title: a.title,
    detail: a.body ? shorten(a.body) : null,
    body: a.body,
    message: null,
    note: null,
    author: null,
  };
}

const shorten = (text: string) =>
  text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text;
