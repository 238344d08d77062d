/** What a template can say: the data of one trigger firing (or a preview's sample). */
export interface MergeContext {
  guest?: { firstName?: string | null; lastName?: string | null } | null;
  technician?: { name?: string | null } | null;
  job?: {
    number?: number | null;
    title?: string | null;
    windowStart?: string | null;
    windowEnd?: string | null;
    eta?: string | null;
    trackingLink?: string | null;
  } | null;
  invoice?: {
    number?: string | null;
    amountMinor?: number | null;
    balanceMinor?: number | null;
    currency?: string | null;
    dueAt?: string | null;
    paymentLink?: string | null;
  } | null;
  room?: { number?: string | null } | null;
  reservation?: { arrivalAt?: string | null } | null;
  property?: { name?: string | null } | null;
  organization?: { name?: string | null } | null;
}

export interface RenderOptions {
  /** IANA zone the organization works in: windows and ETAs are shown in it. */
  timeZone: string;
  /** Language tag of the template; picks month and weekday names. */
  language: string;
}

type Field = (ctx: MergeContext, opts: RenderOptions) => string;

const text = (v: string | number | null | undefined): string => (v == null ? '' : String(v));
const firstWord = (v: string | null | undefined) => text(v).trim().split(/\s+/)[0] ?? '';

const parts = (iso: string, opts: RenderOptions, withDate: boolean) => {
  const f = new Intl.DateTimeFormat(opts.language, {
    timeZone: opts.timeZone,
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return {
    date: withDate ? `${p['weekday']} ${p['day']} ${p['month']}` : '',
    time: `${p['hour']}:${p['minute']}`,
  };
};

/**
 * "Tue 24 Nov, 09:00-11:00" in the organization's zone; both dates when it spans midnight. A plain
 * hyphen, not an en dash: the en dash is not GSM-7 and would make every SMS with it Unicode
 * (70 characters a segment instead of 160).
 */
export function formatWindow(
  start: string | null | undefined,
  end: string | null | undefined,
  opts: RenderOptions,
): string {
  if (!start) return '';
  const a = parts(start, opts, true);
  if (!end) return `${a.date}, ${a.time}`;
  const b = parts(end, opts, true);
  return a.date === b.date
    ? `${a.date}, ${a.time}-${b.time}`
    : `${a.date}, ${a.time} - ${b.date}, ${b.time}`;
}

/** "Tue 24 Nov" in the organization's zone. */
export const formatDay = (iso: string | null | undefined, opts: RenderOptions): string =>
  iso ? parts(iso, opts, true).date : '';

/** "14:35" in the organization's zone. */
export const formatEta = (iso: string | null | undefined, opts: RenderOptions): string =>
  iso ? parts(iso, opts, false).time : '';

export function formatAmount(
  minor: number | null | undefined,
  currency: string | null | undefined,
  opts: RenderOptions,
): string {
  if (minor == null) return '';
  const amount = minor / 100;
  if (!currency) return amount.toFixed(2);
  return new Intl.NumberFormat(opts.language, { style: 'currency', currency }).format(amount);
}

/** Every merge field a template may use. */
export const MERGE_FIELDS: Readonly<Record<string, Field>> = {
  'guest.firstName': (c) => text(c.guest?.firstName),
  'guest.fullName': (c) =>
    [c.guest?.firstName, c.guest?.lastName].filter((v) => v && v.trim()).join(' '),
  'technician.firstName': (c) => firstWord(c.technician?.name),
  'job.number': (c) => text(c.job?.number),
  'job.title': (c) => text(c.job?.title),
  'job.window': (c, o) => formatWindow(c.job?.windowStart, c.job?.windowEnd, o),
  'job.eta': (c, o) => formatEta(c.job?.eta, o),
  'job.trackingLink': (c) => text(c.job?.trackingLink),
  'invoice.amount': (c, o) => formatAmount(c.invoice?.amountMinor, c.invoice?.currency, o),
  'invoice.paymentLink': (c) => text(c.invoice?.paymentLink),
  'invoice.number': (c) => text(c.invoice?.number),
  'invoice.balance': (c, o) => formatAmount(c.invoice?.balanceMinor, c.invoice?.currency, o),
  'invoice.dueDate': (c, o) => formatDay(c.invoice?.dueAt, o),
  'room.number': (c) => text(c.room?.number),
  'reservation.arrival': (c, o) => formatDay(c.reservation?.arrivalAt, o),
  'property.name': (c) => text(c.property?.name),
  'organization.name': (c) => text(c.organization?.name),
};

export const MERGE_FIELD_NAMES = Object.keys(MERGE_FIELDS);

/** One `{{ field }}`, spaces allowed inside the braces. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Field names the text uses that do not exist, plus braces that do not form a field. */
export function unknownFields(body: string): string[] {
  const unknown = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!(name in MERGE_FIELDS)) unknown.add(`{{${name}}}`);
  }
  // A "{{" or "}}" left over after removing the fields is a typo like "{{guest.firstName}".
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) unknown.add('unbalanced "{{" or "}}"');
  return [...unknown];
}

export const unknownFieldsMessage = (unknown: readonly string[]): string =>
  `Unknown merge fields: ${unknown.join(', ')}. Use one of: ${MERGE_FIELD_NAMES.map(
    (n) => `{{${n}}}`,
  ).join(', ')}`;

/**
 * The text with every field replaced. Values are inserted as they are (SMS is plain text) unless
 * an `escape` is given (HTML email); a field without data renders empty. Callers validate first:
 * an unknown field here renders empty too.
 */
export function renderTemplate(
  body: string,
  ctx: MergeContext,
  opts: RenderOptions,
  escape: (value: string) => string = (v) => v,
): string {
  return body.replace(PLACEHOLDER, (_all, name: string) =>
    escape(MERGE_FIELDS[name]?.(ctx, opts) ?? ''),
  );
}

/** Fields the text uses that had no data in this context (shown by the preview). */
export function emptyFields(body: string, ctx: MergeContext, opts: RenderOptions): string[] {
  const empty = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) {
    const f = MERGE_FIELDS[m[1] ?? ''];
    if (f && f(ctx, opts) === '') empty.add(m[1]!);
  }
  return [...empty];
}

/**
 * The numbered variables of a WhatsApp Content template made from this body: `{"1": …}` is the
 * first distinct merge field of the body, `{"2": …}` the next, and so on (the approved template
 * has the same placeholders in the same order). A field without data is sent as a dash, since
 * WhatsApp refuses empty variables.
 */
export function contentVariables(
  body: string,
  ctx: MergeContext,
  opts: RenderOptions,
): Record<string, string> {
  const names = [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
  return Object.fromEntries(
    names.map((name, i) => [String(i + 1), MERGE_FIELDS[name]?.(ctx, opts) || '-']),
  );
}
