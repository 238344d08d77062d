import type { Channel } from '@attendant/db';
import { invalidInput, type Actor } from '@attendant/kit';
import type { AlertRow } from '../alert/alert.repository';
import type { AlertService } from '../alert/alert.service';
import type { MessageRow } from '../message/message.repository';
import type { MessageService } from '../message/message.service';
import type { TimelineEntry } from './timeline.type';

export const MAX_TIMELINE_ENTRIES = 100;
const DETAIL_LENGTH = 280;

const CHANNEL_NOUN: Record<Channel, string> = {
  SMS: 'SMS',
  EMAIL: 'Email',
  WHATSAPP: 'WhatsApp',
  IN_APP: 'In-app message',
};

/** A guest's timeline: their messages and the alerts about them, merged newest first. */
export class TimelineService {
  constructor(
    private readonly messages: MessageService,
    private readonly alerts: AlertService,
  ) {}

  async forGuests(
    actor: Actor,
    guestIds: readonly string[],
    first: number,
  ): Promise<{ id: string; entries: TimelineEntry[] }[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_TIMELINE_ENTRIES) {
      throw invalidInput(`first must be between 1 and ${MAX_TIMELINE_ENTRIES}`, 'first');
    }
    const [messages, alerts] = await Promise.all([
      this.messages.latestForGuests(actor, guestIds, first),
      this.alerts.latestForGuests(actor, guestIds, first),
    ]);
    return guestIds.map((id) => ({
      id,
      entries: [
        ...messages.filter((m) => m.guestId === id).map(fromMessage),
        ...alerts.filter((a) => a.entityId === id).map(fromAlert),
      ]
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .slice(0, first),
    }));
  }
}

function fromMessage(m: MessageRow): TimelineEntry {
  const outbound = m.direction === 'OUTBOUND';
  const noun = CHANNEL_NOUN[m.channel];
  return {
    at: m.createdAt,
    kind: outbound ? 'MESSAGE_OUT' : 'MESSAGE_IN',
    title:
      m.subject ??
      (outbound
        ? `${noun} to ${m.toAddress}`
        : `${noun} from ${m.fromAddress ?? 'unknown sender'}`),
    detail: shorten(m.body),
    channel: m.channel,
  };
}

function fromAlert(a: AlertRow): TimelineEntry {
  return {
    at: a.createdAt,
    kind: 'ALERT',
    title: a.title,
    detail: a.body ? shorten(a.body) : null,
    channel: null,
  };
}

const shorten = (text: string) =>
  text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text;
