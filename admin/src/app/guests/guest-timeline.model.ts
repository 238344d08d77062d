import type {
  CallDirection,
  CallOutcome,
  GuestTimelineEntryFragment,
  TimelineChannel,
  TimelineFilter,
} from '../generated/graphql';

export type TimelineItem = GuestTimelineEntryFragment;

/** How each channel looks: its filter chip's label, an entry's noun, and the glyph of its icon. */
export const TIMELINE_CHANNELS: readonly {
  channel: TimelineChannel;
  label: string;
  noun: string;
  icon: string;
}[] = [
  { channel: 'SMS', label: 'SMS', noun: 'SMS', icon: '✆' },
  { channel: 'WHATSAPP', label: 'WhatsApp', noun: 'WhatsApp', icon: 'W' },
  { channel: 'EMAIL', label: 'Email', noun: 'Email', icon: '@' },
  { channel: 'CALL', label: 'Calls', noun: 'Call', icon: '☎' },
  { channel: 'NOTE', label: 'Notes', noun: 'Internal note', icon: '✎' },
  { channel: 'SYSTEM', label: 'System', noun: 'System', icon: '⚙' },
  { channel: 'ALERT', label: 'Alerts', noun: 'Alert', icon: '!' },
  { channel: 'IN_APP', label: 'In-app', noun: 'In-app', icon: '◉' },
];
const BY_CHANNEL = new Map(TIMELINE_CHANNELS.map((c) => [c.channel, c]));
export const channelIcon = (c: TimelineChannel) => BY_CHANNEL.get(c)?.icon ?? '•';
export const channelNoun = (c: TimelineChannel) => BY_CHANNEL.get(c)?.noun ?? c;

export type DateRange = 'ANY' | 'TODAY' | 'WEEK' | 'MONTH';
export const DATE_RANGES: readonly { range: DateRange; label: string }[] = [
  { range: 'ANY', label: 'Any time' },
  { range: 'TODAY', label: 'Today' },
  { range: 'WEEK', label: 'Last 7 days' },
  { range: 'MONTH', label: 'Last 30 days' },
];

/** What the manager picked in the filter chips. */
export interface TimelineFilters {
  channels: readonly TimelineChannel[];
  range: DateRange;
  /** Only what this staff member sent or wrote; null for everyone. */
  userId: string | null;
}
export const NO_FILTERS: TimelineFilters = { channels: [], range: 'ANY', userId: null };

const DAY = 86_400_000;

/** The API filter for the chips (dates from local midnight), or null when nothing is filtered. */
export function filterOf(f: TimelineFilters, now = new Date()): TimelineFilter | null {
  const from = (() => {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    switch (f.range) {
      case 'ANY':
        return null;
      case 'TODAY':
        return midnight;
      case 'WEEK':
        return new Date(midnight.getTime() - 6 * DAY);
      case 'MONTH':
        return new Date(midnight.getTime() - 29 * DAY);
    }
  })();
  const filter: TimelineFilter = {
    ...(f.channels.length ? { channels: [...f.channels] } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
  };
  return Object.keys(filter).length ? filter : null;
}

/** Feed order: newest first, ties by id (descending), as the server pages it. */
export function byFeedOrder(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return Date.parse(b.at) - Date.parse(a.at);
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Entries loaded so far plus a newer copy of some, one per id, in feed order. */
export function mergeEntries(
  known: readonly TimelineItem[],
  incoming: readonly TimelineItem[],
): TimelineItem[] {
  const byId = new Map(known.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort(byFeedOrder);
}

/**
 * Entries loaded so far, brought up to date by a fresh first page. The page is the whole truth
 * from the newest entry down to its last one (to the very end when nothing is older), so a known
 * entry in that stretch that the page lacks is gone (a note deleted by someone else); older
 * entries, loaded by "load more", stay.
 */
export function mergeFirstPage(
  known: readonly TimelineItem[],
  page: { nodes: readonly TimelineItem[]; pageInfo: { hasNextPage: boolean } },
): TimelineItem[] {
  const fresh = new Set(page.nodes.map((e) => e.id));
  const last = page.nodes.at(-1);
  const covered = (e: TimelineItem) =>
    !page.pageInfo.hasNextPage || (last !== undefined && byFeedOrder(e, last) <= 0);
  return mergeEntries(
    known.filter((e) => fresh.has(e.id) || !covered(e)),
    page.nodes,
  );
}

/** Staff who appear in the loaded entries, for the author filter (the signed-in user first). */
export function authorsOf(
  entries: readonly TimelineItem[],
  me: { id: string; name: string } | null,
): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  if (me) byId.set(me.id, `${me.name} (me)`);
  for (const e of entries)
    if (e.author && !byId.has(e.author.id)) byId.set(e.author.id, e.author.name);
  return [...byId].map(([id, name]) => ({ id, name }));
}

/** Whether the body says more than the short detail (so the entry can expand). */
export const expandable = (e: TimelineItem) => !!e.body && e.body !== e.detail;

export const CALL_OUTCOMES: readonly { value: CallOutcome; label: string }[] = [
  { value: 'ANSWERED', label: 'Answered' },
  { value: 'NO_ANSWER', label: 'No answer' },
  { value: 'VOICEMAIL', label: 'Voicemail' },
  { value: 'BUSY', label: 'Busy' },
  { value: 'WRONG_NUMBER', label: 'Wrong number' },
];
export const CALL_DIRECTIONS: readonly { value: CallDirection; label: string }[] = [
  { value: 'INBOUND', label: 'Guest called' },
  { value: 'OUTBOUND', label: 'We called' },
];

/** "4:05" → 245 seconds; "12" → 12 minutes; empty → null; anything else → NaN. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (/^\d{1,3}$/.test(t)) return Number(t) * 60;
  return Number.NaN;
}

/** 245 → "4:05", for editing a logged call. */
export const formatDuration = (s: number | null | undefined) =>
  s === null || s === undefined ? '' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
