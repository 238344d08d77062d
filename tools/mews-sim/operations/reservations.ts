import type { SimState } from '../state';
import type { SimReservation } from '../types';
import {
  badRequest,
  idFilter,
  intervalFilter,
  paginate,
  within,
  type Body,
  type Interval,
} from './common';

const INTERVALS = [
  'CreatedUtc',
  'UpdatedUtc',
  'CollidingUtc',
  'ScheduledStartUtc',
  'ActualStartUtc',
  'ScheduledEndUtc',
  'ActualEndUtc',
] as const;
const STATES = new Set([
  'Inquired',
  'Confirmed',
  'Started',
  'Processed',
  'Canceled',
  'Optional',
  'Requested',
]);

const collides = (r: SimReservation, interval: Interval | undefined): boolean =>
  !interval ||
  (Date.parse(r.ScheduledStartUtc) <= interval.end &&
    Date.parse(r.ScheduledEndUtc) >= interval.start);

/** `reservations/getAll/2023-06-06` */
export function getAllReservations(state: SimState, body: Body): unknown {
  const intervals = Object.fromEntries(
    INTERVALS.map((name) => [name, intervalFilter(body, name, 3)]),
  );
  const ids = {
    EnterpriseIds: idFilter(body, 'EnterpriseIds'),
    ReservationIds: idFilter(body, 'ReservationIds'),
    ServiceIds: idFilter(body, 'ServiceIds'),
    AccountIds: idFilter(body, 'AccountIds'),
    Numbers: idFilter(body, 'Numbers'),
    AssignedResourceIds: idFilter(body, 'AssignedResourceIds'),
    States: idFilter(body, 'States'),
  };
  for (const s of ids.States ?? []) if (!STATES.has(s)) throw badRequest(`Invalid States: ${s}.`);
  const has = (set: Set<string> | undefined, value: string | null): boolean =>
    !set || (value !== null && set.has(value));
  const matches = state.reservations.filter(
    (r) =>
      has(ids.EnterpriseIds, r.EnterpriseId) &&
      has(ids.ReservationIds, r.Id) &&
      has(ids.ServiceIds, r.ServiceId) &&
      has(ids.AccountIds, r.AccountId) &&
      has(ids.Numbers, r.Number) &&
      has(ids.AssignedResourceIds, r.AssignedResourceId) &&
      has(ids.States, r.State) &&
      within(r.CreatedUtc, intervals['CreatedUtc']) &&
      within(r.UpdatedUtc, intervals['UpdatedUtc']) &&
      collides(r, intervals['CollidingUtc']) &&
      within(r.ScheduledStartUtc, intervals['ScheduledStartUtc']) &&
      within(r.ActualStartUtc, intervals['ActualStartUtc']) &&
      within(r.ScheduledEndUtc, intervals['ScheduledEndUtc']) &&
      within(r.ActualEndUtc, intervals['ActualEndUtc']),
  );
  const { page, cursor } = paginate(matches, (r) => r.Id, body);
  return { Reservations: page, Cursor: cursor };
}
