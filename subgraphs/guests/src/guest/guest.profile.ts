import type { GuestKind, Prisma } from '@attendant/db';
import { toLocalDate } from '../shared/ids';
import type { GuestRow } from './guest.repository';

/**
 * The profile columns staff edit. A change to one is stamped in `fieldChangedAt` (for the
 * newest-wins sync rule), named in the GuestUpdated event and, for PMS-linked guests, audited.
 */
export const PROFILE_COLUMNS = [
  'kind',
  'firstName',
  'lastName',
  'title',
  'email',
  'phone',
  'language',
  'nationality',
  'birthDate',
  'addressLine1',
  'city',
  'postalCode',
  'countryCode',
  'preferences',
  'notes',
  'companyId',
  'vipManual',
] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];

export interface ProfileValues {
  kind: GuestKind;
  firstName: string;
  lastName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  nationality: string | null;
  birthDate: Date | null;
  addressLine1: string | null;
  city: string | null;
  postalCode: string | null;
  countryCode: string | null;
  preferences: string[];
  notes: string | null;
  companyId: string | null;
  vipManual: boolean;
}

export interface ProfileChange {
  field: ProfileColumn;
  from: unknown;
  to: unknown;
}

/** Trimmed text, null when blank; undefined (not given) stays undefined. */
export function text(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value?.trim() || null;
}

export function upper(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : (text(value)?.toUpperCase() ?? null);
}

/** Trimmed, without blanks or repeats (case-insensitive), in the order given. */
export function preferenceList(values: string[] | null | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values ?? []) {
    const v = value.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

/** A value as it is compared and audited: dates as YYYY-MM-DD, absent as null. */
function plain(field: ProfileColumn, value: unknown): unknown {
  if (value instanceof Date)
    return field === 'birthDate' ? toLocalDate(value) : value.toISOString();
  return value ?? null;
}

/** The given columns whose value differs from the stored row. */
export function profileChanges(
  current: GuestRow | null,
  next: Partial<ProfileValues>,
): ProfileChange[] {
  const changes: ProfileChange[] = [];
  for (const field of PROFILE_COLUMNS) {
    if (next[field] === undefined) continue;
    const from = plain(field, current ? current[field] : null);
    const to = plain(field, next[field]);
    const empty = to === null || to === false || (Array.isArray(to) && to.length === 0);
    // On create, only the fields actually filled in count as changes.
    if (current === null ? !empty : JSON.stringify(from) !== JSON.stringify(to))
      changes.push({ field, from, to });
  }
  return changes;
}

/** `fieldChangedAt` with each of `fields` stamped `at`. */
export function stampFields(
  stored: Prisma.JsonValue | undefined,
  fields: readonly string[],
  at: Date,
): Record<string, string> {
  const stamps: Record<string, string> = {};
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    for (const [field, value] of Object.entries(stored))
      if (typeof value === 'string') stamps[field] = value;
  }
  for (const field of fields) stamps[field] = at.toISOString();
  return stamps;
}
