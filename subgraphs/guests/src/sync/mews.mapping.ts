import type { ReservationStatus, RoomState } from '@attendant/db';
import type {
  Address,
  Customer,
  Reservation,
  ReservationState,
  Resource,
  ResourceState,
  UpdateCustomerInput,
} from '../mews/mews.types';

/*
 * Mews ⇄ platform field mapping. The demo exporter (tools/scripts/demo-hotel.ts) maps the other
 * way with the same rules; keep both in step.
 */

/** Guest profile fields that Mews also holds; both sides may edit them (newest change wins). */
export const SYNCED_GUEST_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'language',
  'nationality',
  'birthDate',
  'notes',
  'title',
  'classifications',
  'companyId',
  'addressLine1',
  'city',
  'postalCode',
  'countryCode',
] as const;
export type SyncedGuestField = (typeof SYNCED_GUEST_FIELDS)[number];
export type GuestValue = string | string[] | null;
export type GuestProfile = Record<SyncedGuestField, GuestValue>;

/** Fields `customers/update` can write (the address is a separate Mews entity: read-only here). */
export const PUSHABLE_GUEST_FIELDS: readonly SyncedGuestField[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'language',
  'nationality',
  'birthDate',
  'notes',
  'title',
  'classifications',
  'companyId',
];

const blank = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** A Mews customer (with its address) as platform profile values; companyId is the Mews id. */
export function profileFromCustomer(c: Customer, address: Address | null): GuestProfile {
  return {
    firstName: c.FirstName ?? '',
    lastName: c.LastName,
    email: blank(c.Email)?.toLowerCase() ?? null,
    phone: blank(c.Phone),
    language: blank(c.LanguageCode),
    nationality: blank(c.NationalityCode)?.toUpperCase() ?? null,
    birthDate: blank(c.BirthDate)?.slice(0, 10) ?? null,
    notes: blank(c.Notes),
    title: blank(c.Title),
    classifications: [...c.Classifications].sort(),
    companyId: c.CompanyId,
    addressLine1: blank(address?.Line1),
    city: blank(address?.City),
    postalCode: blank(address?.PostalCode),
    countryCode: blank(address?.CountryCode)?.toUpperCase() ?? null,
  };
}

/** Comparable form: arrays sorted, so ordering never counts as a change. */
export function sameValue(a: GuestValue, b: GuestValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? [...a].sort() : [];
    const y = Array.isArray(b) ? [...b].sort() : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** The Mews customer field behind each profile field `customers/update` can write. */
const CUSTOMER_FIELD: Partial<Record<SyncedGuestField, keyof UpdateCustomerInput>> = {
  firstName: 'FirstName',
  lastName: 'LastName',
  email: 'Email',
  phone: 'Phone',
  language: 'LanguageCode',
  nationality: 'NationalityCode',
  birthDate: 'BirthDate',
  notes: 'Notes',
  title: 'Title',
  classifications: 'Classifications',
  companyId: 'CompanyId',
  // The address is its own Mews entity: not written through customers/update.
};

/** The body of `customers/update` for the given platform values (Mews company id resolved). */
export function customerUpdate(
  customerId: string,
  values: Partial<GuestProfile>,
): UpdateCustomerInput {
  const update: Record<string, { Value: unknown }> = {};
  for (const field of Object.keys(values) as SyncedGuestField[]) {
    const name = CUSTOMER_FIELD[field];
    if (!name) continue;
    const v = values[field];
    const value =
      field === 'classifications'
        ? Array.isArray(v)
          ? v
          : []
        : typeof v === 'string' && v !== ''
          ? v
          : field === 'lastName'
            ? ''
            : null;
    update[name] = { Value: value };
  }
  return { ...update, CustomerId: customerId } as UpdateCustomerInput;
}

export function reservationStatus(r: Pick<Reservation, 'State' | 'CancellationReason'>) {
  const map: Record<ReservationState, ReservationStatus> = {
    Inquired: 'INQUIRED',
    Requested: 'INQUIRED',
    Optional: 'INQUIRED',
    Confirmed: 'CONFIRMED',
    Started: 'CHECKED_IN',
    Processed: 'CHECKED_OUT',
    Canceled: 'CANCELLED',
  };
  if (r.State === 'Canceled' && r.CancellationReason === 'NoShow') return 'NO_SHOW';
  return map[r.State];
}

const ROOM_STATES: Record<ResourceState, RoomState> = {
  Clean: 'CLEAN',
  Dirty: 'DIRTY',
  Inspected: 'INSPECTED',
  OutOfService: 'OUT_OF_SERVICE',
  OutOfOrder: 'OUT_OF_ORDER',
};

export const roomState = (s: ResourceState): RoomState => ROOM_STATES[s];

export function resourceState(s: RoomState): ResourceState {
  const found = (Object.keys(ROOM_STATES) as ResourceState[]).find((k) => ROOM_STATES[k] === s);
  if (!found) throw new Error(`No Mews state for ${s}`);
  return found;
}

/** Adults are the first person count (see the mapping notes), everyone else children. */
export function personCounts(r: Pick<Reservation, 'PersonCounts'>) {
  const [first, ...rest] = r.PersonCounts;
  return {
    adults: Math.max(1, first?.Count ?? 1),
    children: rest.reduce((sum, p) => sum + p.Count, 0),
  };
}

export function floorOf(resource: Resource): number {
  const floor = Number(resource.Data.Value['FloorNumber']);
  return Number.isInteger(floor) ? floor : 0;
}
