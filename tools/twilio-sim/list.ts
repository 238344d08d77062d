import { twilioError } from './errors';
import { messageResource, messagesPath } from './resource';
import type { TwilioSimState } from './state';
import type { SimMessage } from './types';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;

type Query = Record<string, unknown>;
const text = (query: Query, name: string): string | undefined =>
  typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined;

function dayOf(value: string, name: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw twilioError(20001, `Invalid ${name}: ${value}`, 400);
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Twilio's list filters: To, From, DateSent (a UTC day), DateSent< and DateSent> (inclusive). */
function filtered(state: TwilioSimState, accountSid: string, query: Query): SimMessage[] {
  const to = text(query, 'To');
  const from = text(query, 'From');
  const on = text(query, 'DateSent');
  const before = text(query, 'DateSent<');
  const after = text(query, 'DateSent>');
  const day = on === undefined ? undefined : dayOf(on, 'DateSent');
  const until = before === undefined ? undefined : dayOf(before, 'DateSent<') + DAY_MS;
  const since = after === undefined ? undefined : dayOf(after, 'DateSent>');
  return state.messages
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => {
      if (m.accountSid !== accountSid) return false;
      if (to !== undefined && m.to !== to) return false;
      if (from !== undefined && m.from !== from) return false;
      const sent = m.sentMs;
      if (day === undefined && until === undefined && since === undefined) return true;
      if (sent === null) return false;
      if (day !== undefined && (sent < day || sent >= day + DAY_MS)) return false;
      if (until !== undefined && sent >= until) return false;
      return since === undefined || sent >= since;
    })
    .sort((a, b) => b.m.createdMs - a.m.createdMs || b.index - a.index)
    .map(({ m }) => m);
}

function pageSizeOf(query: Query): number {
  const raw = text(query, 'PageSize');
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1)
    throw twilioError(20001, `Invalid PageSize: ${raw}`, 400);
  return Math.min(size, MAX_PAGE_SIZE);
}

/**
 * `GET /Messages.json`: newest first, paged like Twilio — `Page` and `PageSize`, and a
 * `PageToken` (`PA` + the last SID of the previous page, `PB` + the first SID of the next one)
 * in the `next_page_uri` / `previous_page_uri` it hands out, so pages stay stable while new
 * messages arrive.
 */
export function listMessages(
  state: TwilioSimState,
  accountSid: string,
  query: Query,
): Record<string, unknown> {
  const all = filtered(state, accountSid, query);
  const size = pageSizeOf(query);
  const page = Math.max(0, Number(text(query, 'Page') ?? 0) || 0);
  const token = text(query, 'PageToken');
  let start = page * size;
  if (token) {
    const at = all.findIndex((m) => m.sid === token.slice(2));
    if (at === -1) throw twilioError(20001, `Invalid PageToken: ${token}`, 400);
    start = token.startsWith('PB') ? Math.max(0, at - size) : at + 1;
  }
  const items = all.slice(start, start + size);
  const base = messagesPath(accountSid);
  const filters = new URLSearchParams();
  for (const name of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
    const value = text(query, name);
    if (value !== undefined) filters.set(name, value);
  }
  const uri = (p: number, pageToken?: string): string => {
    const params = new URLSearchParams(filters);
    params.set('PageSize', String(size));
    params.set('Page', String(p));
    if (pageToken) params.set('PageToken', pageToken);
    return `${base}?${params.toString()}`;
  };
  const last = items[items.length - 1];
  const hasNext = start + size < all.length && last !== undefined;
  return {
    first_page_uri: uri(0),
    end: start + Math.max(items.length - 1, 0),
    previous_page_uri: page > 0 && items[0] ? uri(page - 1, `PB${items[0].sid}`) : null,
    messages: items.map(messageResource),
    uri: uri(page, token),
    page_size: size,
    start,
    next_page_uri: hasNext ? uri(page + 1, `PA${last.sid}`) : null,
    page,
  };
}
