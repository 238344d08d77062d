import type {
  CreateVendorInput,
  UpdateVendorInput,
  VendorDetailFragment,
  VendorOfferInput,
  VendorWindowInput,
} from '../generated/graphql';
import { fromMinor, toMinor } from '../shared/format';
import type { FieldErrors } from '../shared/form-rules';
import { clockRange, fromTimeInput, toTimeInput } from '../shared/time-of-day';
import { weekdayName, WEEKDAYS } from '../shared/weekdays';

/** Vendors are settings: admins and managers change them, dispatchers read. */
export const VENDOR_EDITORS = ['ADMIN', 'MANAGER'] as const;

// --- Vendor fields ---------------------------------------------------------------------------

export interface VendorFormValue {
  name: string;
  email: string;
  phone: string;
  baseLat: number | null;
  baseLng: number | null;
  serviceRadiusKm: number | null;
}

export type VendorField = keyof VendorFormValue;

export const newVendorForm = (): VendorFormValue => ({
  name: '',
  email: '',
  phone: '',
  baseLat: null,
  baseLng: null,
  serviceRadiusKm: null,
});

export function vendorFormOf(v: VendorDetailFragment): VendorFormValue {
  return {
    name: v.name,
    email: v.email ?? '',
    phone: v.phone ?? '',
    baseLat: v.baseLat ?? null,
    baseLng: v.baseLng ?? null,
    serviceRadiusKm: v.serviceRadiusKm ?? null,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{5,30}$/;

/** The server's rules for a vendor (vendor.type.ts and vendor.service.ts), with its messages. */
export function validateVendor(v: VendorFormValue): FieldErrors<VendorField> {
  const e: FieldErrors<VendorField> = {};
  const name = v.name.trim();
  if (name.length < 2 || name.length > 80) e.name = 'Give a name of 2 to 80 characters';
  if (v.email.trim() && !EMAIL.test(v.email.trim())) e.email = 'Give a valid email address';
  if (v.phone.trim() && !PHONE.test(v.phone.trim()))
    e.phone = 'Give a phone number of 5 to 30 digits, spaces or ( ) - . /';
  if ((v.baseLat == null) !== (v.baseLng == null)) {
    e[v.baseLat == null ? 'baseLat' : 'baseLng'] = 'Give the base latitude and longitude together';
  }
  if (v.baseLat != null && !(v.baseLat >= -90 && v.baseLat <= 90))
    e.baseLat = 'Latitude must be between -90 and 90';
  if (v.baseLng != null && !(v.baseLng >= -180 && v.baseLng <= 180))
    e.baseLng = 'Longitude must be between -180 and 180';
  if (v.serviceRadiusKm != null) {
    if (!(v.serviceRadiusKm >= 0.1 && v.serviceRadiusKm <= 1000))
      e.serviceRadiusKm = 'The service radius must be between 0.1 and 1000 km';
    else if (v.baseLat == null || v.baseLng == null)
      e.serviceRadiusKm = 'A service radius needs a base location to measure from';
  }
  return e;
}

const text = (s: string): string | null => s.trim() || null;

export function createVendorInput(v: VendorFormValue): CreateVendorInput {
  const input: CreateVendorInput = { name: v.name.trim(), active: true };
  const email = text(v.email);
  if (email) input.email = email;
  const phone = text(v.phone);
  if (phone) input.phone = phone;
  if (v.baseLat != null && v.baseLng != null) {
    input.baseLat = v.baseLat;
    input.baseLng = v.baseLng;
  }
  if (v.serviceRadiusKm != null) input.serviceRadiusKm = v.serviceRadiusKm;
  return input;
}

/** Only what changed; null clears an optional field. */
export function updateVendorInput(v: VendorFormValue, before: VendorFormValue): UpdateVendorInput {
  const input: UpdateVendorInput = {};
  if (v.name.trim() !== before.name.trim()) input.name = v.name.trim();
  if (v.email.trim() !== before.email.trim()) input.email = text(v.email);
  if (v.phone.trim() !== before.phone.trim()) input.phone = text(v.phone);
  if (v.baseLat !== before.baseLat || v.baseLng !== before.baseLng) {
    input.baseLat = v.baseLat;
    input.baseLng = v.baseLng;
  }
  if (v.serviceRadiusKm !== before.serviceRadiusKm) input.serviceRadiusKm = v.serviceRadiusKm;
  return input;
}

export function vendorFieldOf(field: string): VendorField | null {
  const name = field.replace(/^input\./, '');
  return name in newVendorForm() ? (name as VendorField) : null;
}

// --- Offers ----------------------------------------------------------------------------------

/** One offer row as edited: the price as typed ("120.50"). */
export interface OfferDraft {
  serviceTypeId: string;
  price: string;
  currency: string;
  leadTimeHours: number | null;
}

export type OfferField = keyof OfferDraft;

export function offerDraftsOf(v: Pick<VendorDetailFragment, 'offers'>): OfferDraft[] {
  return v.offers.map((o) => ({
    serviceTypeId: o.serviceTypeId,
    price: fromMinor(o.price.amountMinor, o.price.currency),
    currency: o.price.currency,
    leadTimeHours: o.leadTimeHours,
  }));
}

export const newOfferDraft = (currency: string): OfferDraft => ({
  serviceTypeId: '',
  price: '',
  currency,
  leadTimeHours: 24,
});

const MAX_PRICE_MINOR = 100_000_000;

/** Errors per row (same index as the drafts); an empty object for a valid row. */
export function validateOffers(drafts: readonly OfferDraft[]): FieldErrors<OfferField>[] {
  return drafts.map((d, i) => {
    const e: FieldErrors<OfferField> = {};
    if (!d.serviceTypeId) e.serviceTypeId = 'Choose a service type';
    else if (drafts.findIndex((o) => o.serviceTypeId === d.serviceTypeId) < i)
      e.serviceTypeId = 'Give each service type once; it is offered at one price';
    const currency = d.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) e.currency = 'Currency must be a 3-letter ISO code';
    const minor = toMinor(d.price, /^[A-Z]{3}$/.test(currency) ? currency : 'EUR');
    if (minor === null) e.price = 'Enter a price like 120.50';
    else if (minor >= MAX_PRICE_MINOR) e.price = 'Prices must be below 1,000,000.00';
    const lead = d.leadTimeHours;
    if (lead == null || !Number.isInteger(lead) || lead < 0 || lead > 720)
      e.leadTimeHours = 'Lead time must be between 0 and 720 hours';
    return e;
  });
}

export const hasErrors = (rows: readonly object[]) => rows.some((r) => Object.keys(r).length > 0);

export function offersInput(drafts: readonly OfferDraft[]): VendorOfferInput[] {
  return drafts.map((d) => {
    const currency = d.currency.trim().toUpperCase();
    return {
      serviceTypeId: d.serviceTypeId,
      priceMinor: toMinor(d.price, currency) ?? 0,
      currency,
      leadTimeHours: d.leadTimeHours ?? 24,
    };
  });
}

// --- Availability windows --------------------------------------------------------------------

/** One weekly window as edited: times as "HH:mm" (an end of 00:00 is the end of the day). */
export interface WindowDraft {
  weekday: number;
  start: string;
  end: string;
}

export type WindowField = keyof WindowDraft;

export function windowDraftsOf(v: Pick<VendorDetailFragment, 'availability'>): WindowDraft[] {
  return sortWindows(
    v.availability.map((w) => ({
      weekday: w.weekday,
      start: toTimeInput(w.startMin),
      end: toTimeInput(w.endMin),
    })),
  );
}

function sortWindows(drafts: WindowDraft[]): WindowDraft[] {
  return [...drafts].sort(
    (a, b) =>
      a.weekday - b.weekday || (fromTimeInput(a.start) ?? 0) - (fromTimeInput(b.start) ?? 0),
  );
}

/** A copy of a window on each of the given weekdays, e.g. Monday's hours for Tuesday–Friday. */
export function copyWindow(drafts: readonly WindowDraft[], from: WindowDraft, weekdays: number[]) {
  return sortWindows([
    ...drafts,
    ...weekdays.filter((d) => d !== from.weekday).map((weekday) => ({ ...from, weekday })),
  ]);
}

/**
 * The server's window rules: a valid weekday, an end after the start, and no overlap with
 * another window of the same day. Errors per row, same index as the drafts.
 */
export function validateWindows(drafts: readonly WindowDraft[]): FieldErrors<WindowField>[] {
  const parsed = drafts.map((d) => ({
    start: fromTimeInput(d.start),
    end: fromTimeInput(d.end, true),
  }));
  return drafts.map((d, i) => {
    const e: FieldErrors<WindowField> = {};
    const { start, end } = parsed[i]!;
    if (!Number.isInteger(d.weekday) || d.weekday < 1 || d.weekday > 7)
      e.weekday = 'Weekday must be 1 (Monday) to 7 (Sunday)';
    if (start === null) e.start = 'Give the start as HH:mm';
    if (end === null) e.end = 'Give the end as HH:mm';
    if (start === null || end === null) return e;
    if (end <= start) {
      e.end = 'A window must end after it starts';
      return e;
    }
    const clash = drafts.findIndex((o, j) => {
      const other = parsed[j]!;
      return (
        j !== i &&
        o.weekday === d.weekday &&
        other.start !== null &&
        other.end !== null &&
        other.end > other.start &&
        start < other.end &&
        other.start < end
      );
    });
    if (clash >= 0) {
      const other = parsed[clash]!;
      e.start = `Overlaps ${weekdayName(d.weekday)} ${clockRange(other.start!, other.end!)}`;
    }
    return e;
  });
}

export function windowsInput(drafts: readonly WindowDraft[]): VendorWindowInput[] {
  return sortWindows([...drafts]).map((d) => ({
    weekday: d.weekday,
    startMin: fromTimeInput(d.start) ?? 0,
    endMin: fromTimeInput(d.end, true) ?? 0,
  }));
}

/** "Mon 08:00–12:00, 13:00–17:00" lines, one per weekday that has windows. */
export function windowSummary(
  windows: readonly { weekday: number; startMin: number; endMin: number }[],
): string[] {
  return WEEKDAYS.flatMap((day) => {
    const own = windows
      .filter((w) => w.weekday === day.iso)
      .sort((a, b) => a.startMin - b.startMin)
      .map((w) => clockRange(w.startMin, w.endMin));
    return own.length ? [`${day.short} ${own.join(', ')}`] : [];
  });
}

// --- Quality ---------------------------------------------------------------------------------

export type QualityTone = 'good' | 'fair' | 'poor' | 'none';

/** Colour family of a 0–100 score: ≥ 80 good, ≥ 60 fair, else poor; none without jobs. */
export function qualityTone(score: number | null | undefined): QualityTone {
  if (score == null) return 'none';
  if (score >= 80) return 'good';
  return score >= 60 ? 'fair' : 'poor';
}

/** 0.923 → "92%"; null → "—". */
export function percent(share: number | null | undefined): string {
  return share == null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`;
}

/** 12.345 → "+12.3"; the points a factor adds to the score. */
export function points(contribution: number): string {
  return `${contribution >= 0 ? '+' : ''}${contribution.toFixed(1)}`;
}

// --- List filters ----------------------------------------------------------------------------

/** The list's filters as kept in the URL (`?q=…&type=<serviceTypeId>&inactive=1`). */
export interface VendorFilters {
  search: string;
  serviceTypeId: string;
  includeInactive: boolean;
}

export function vendorFiltersOf(params: {
  q?: string | null;
  type?: string | null;
  inactive?: string | null;
}): VendorFilters {
  return {
    search: (params.q ?? '').trim(),
    serviceTypeId: params.type ?? '',
    includeInactive: params.inactive === '1' || params.inactive === 'true',
  };
}

export function vendorParamsOf(f: VendorFilters): Record<string, string | null> {
  return {
    q: f.search || null,
    type: f.serviceTypeId || null,
    inactive: f.includeInactive ? '1' : null,
  };
}

export const sameVendorFilters = (a: VendorFilters, b: VendorFilters) =>
  a.search === b.search &&
  a.serviceTypeId === b.serviceTypeId &&
  a.includeInactive === b.includeInactive;
