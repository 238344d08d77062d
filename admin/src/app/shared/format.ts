/** Formatting helpers shared by the console's features (money in minor units, dates, numbers). */

export interface MoneyLike {
  amountMinor: number;
  currency: string;
}

/** How many minor units a currency has (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** 12345 EUR → "€123.45" in the browser's locale. */
export function formatMoney(money: MoneyLike | null | undefined): string {
  if (!money) return '—';
  const digits = minorDigits(money.currency);
  const value = money.amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(
      value,
    );
  } catch {
    return `${value.toFixed(digits)} ${money.currency}`;
  }
}

/** "120.5" in EUR → 12050; null for an empty or malformed amount. */
export function toMinor(decimal: string | null | undefined, currency: string): number | null {
  const text = (decimal ?? '').trim().replace(',', '.');
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 10 ** minorDigits(currency));
}

/** 12050 in EUR → "120.50", for an input field. */
export function fromMinor(amountMinor: number | null | undefined, currency: string): string {
  if (amountMinor == null) return '';
  const digits = minorDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** An ISO date-time in the browser's locale and time zone; "—" when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateTimeFormat.format(d);
}

/** An ISO date (or date-time) as a date only; "—" when absent. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateFormat.format(d);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO → "YYYY-MM-DDTHH:mm" in local time, for `<input type="datetime-local">`. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) → ISO at UTC; null when empty or invalid. */
export function fromLocalInput(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A `date` input value "YYYY-MM-DD" → ISO of local midnight that day, plus `addDays`. */
export function fromDateInput(value: string | null | undefined, addDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays).toISOString();
}

/** Work order numbers are shown as WO-<number>. */
export const woNumber = (n: number | null | undefined): string => (n == null ? '' : `WO-${n}`);

/** "EN_ROUTE" → "En route", for labels of enum values. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const s = value.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
