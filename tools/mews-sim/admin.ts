import type { Express, Request, Response } from 'express';
import { isObject, SimHttpError, type Body } from './operations/common';
import type { SimState } from './state';
import type { ReservationState, ResourceState, SimCustomer, SimReservation } from './types';

/*
 * Admin endpoints for demos and tests (not part of the Mews API, so no tokens; the simulator
 * listens on 127.0.0.1 only). They change the hotel "in Mews" through the SimState helpers, so
 * the WebSocket and the webhooks see the change like a change made in Mews itself.
 *
 *   POST /_sim/reservations/:id      {State?, ScheduledStartUtc?, ScheduledEndUtc?,
 *                                     AssignedResourceId?, CancellationReason?}
 *   POST /_sim/resources/:id/state   {State, StateReason?}
 *   POST /_sim/customers/:id         {FirstName?, LastName?, Email?, …, Address?: {Line1, …}}
 */

const RESERVATION_STATES = new Set<ReservationState>([
  'Inquired',
  'Confirmed',
  'Started',
  'Processed',
  'Canceled',
  'Optional',
  'Requested',
]);
const RESOURCE_STATES = new Set<ResourceState>([
  'Dirty',
  'Clean',
  'Inspected',
  'OutOfService',
  'OutOfOrder',
]);
const RESERVATION_FIELDS = new Set([
  'State',
  'ScheduledStartUtc',
  'ScheduledEndUtc',
  'AssignedResourceId',
  'CancellationReason',
]);
const CUSTOMER_STRINGS = [
  'FirstName',
  'LastName',
  'Email',
  'Phone',
  'LanguageCode',
  'NationalityCode',
  'BirthDate',
  'Notes',
  'CompanyId',
] as const;
const CUSTOMER_FIELDS = new Set<string>([
  ...CUSTOMER_STRINGS,
  'Title',
  'Sex',
  'Classifications',
  'Options',
  'IsActive',
  'Address',
]);
const ADDRESS_FIELDS = ['Line1', 'Line2', 'City', 'PostalCode', 'CountryCode'] as const;

const bad = (message: string): SimHttpError => new SimHttpError(400, message);
const notFound = (message: string): SimHttpError => new SimHttpError(404, message);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function onlyFields(body: Body, allowed: Set<string>): void {
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length) throw bad(`Unknown fields: ${unknown.join(', ')}.`);
}

function time(body: Body, name: string): string | undefined {
  if (body[name] === undefined) return undefined;
  const ms = typeof body[name] === 'string' ? Date.parse(body[name]) : NaN;
  if (Number.isNaN(ms)) throw bad(`Invalid ${name}: expected an ISO-8601 UTC time.`);
  return iso(ms);
}

function nullableString(body: Body, name: string): string | null | undefined {
  const value = body[name];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw bad(`Invalid ${name}: expected a string or null.`);
  return value;
}

export function patchReservation(state: SimState, id: string, body: Body): SimReservation {
  const current = state.reservation(id);
  if (!current) throw notFound(`Reservation ${id} not found.`);
  onlyFields(body, RESERVATION_FIELDS);
  const patch: Partial<SimReservation> = {};
  const start = time(body, 'ScheduledStartUtc');
  const end = time(body, 'ScheduledEndUtc');
  if (start) patch.ScheduledStartUtc = start;
  if (end) patch.ScheduledEndUtc = end;
  if (
    Date.parse(patch.ScheduledEndUtc ?? current.ScheduledEndUtc) <=
    Date.parse(patch.ScheduledStartUtc ?? current.ScheduledStartUtc)
  ) {
    throw bad('Invalid interval: ScheduledEndUtc must follow ScheduledStartUtc.');
  }
  const resourceId = nullableString(body, 'AssignedResourceId');
  if (resourceId !== undefined) {
    if (resourceId !== null && !state.resource(resourceId))
      throw bad(`Invalid AssignedResourceId: resource ${resourceId} not found.`);
    patch.AssignedResourceId = resourceId;
  }
  const reason = nullableString(body, 'CancellationReason');
  if (body['State'] !== undefined) {
    const next = body['State'] as ReservationState;
    if (!RESERVATION_STATES.has(next)) throw bad(`Invalid State: ${String(body['State'])}.`);
    const now = state.now();
    const checkedIn = next === 'Started' || next === 'Processed';
    patch.State = next;
    patch.ActualStartUtc = checkedIn ? (current.ActualStartUtc ?? now) : null;
    patch.ActualEndUtc = next === 'Processed' ? (current.ActualEndUtc ?? now) : null;
    patch.Options = {
      ...current.Options,
      OwnerCheckedIn: checkedIn,
      AllCompanionsCheckedIn: checkedIn,
      AnyCompanionCheckedIn: checkedIn,
    };
    if (next === 'Canceled') {
      patch.CancellationReason = reason ?? current.CancellationReason ?? 'Other';
    } else {
      patch.CancellationReason = null;
      patch.CancelledUtc = null;
    }
  } else if (reason !== undefined) {
    if (current.State !== 'Canceled')
      throw bad('Invalid CancellationReason: the reservation is not canceled.');
    patch.CancellationReason = reason;
  }
  return state.updateReservation(id, patch);
}

export function setResourceState(state: SimState, id: string, body: Body) {
  if (!state.resource(id)) throw notFound(`Resource ${id} not found.`);
  onlyFields(body, new Set(['State', 'StateReason']));
  const next = body['State'] as ResourceState;
  if (!RESOURCE_STATES.has(next)) throw bad(`Invalid State: ${String(body['State'])}.`);
  return state.setResourceState(id, next, nullableString(body, 'StateReason'));
}

export function patchCustomer(state: SimState, id: string, body: Body): SimCustomer {
  const current = state.customer(id);
  if (!current) throw notFound(`Customer ${id} not found.`);
  onlyFields(body, CUSTOMER_FIELDS);
  const patch: Partial<SimCustomer> = {};
  for (const name of CUSTOMER_STRINGS) {
    const value = nullableString(body, name);
    if (value !== undefined) patch[name] = value as never;
  }
  if ('LastName' in patch && !patch.LastName) throw bad('Invalid LastName: cannot be empty.');
  if (patch.Email) {
    const email = patch.Email.toLowerCase();
    if (state.customers.some((c) => c.Id !== id && c.Email?.toLowerCase() === email))
      throw bad('Invalid Email: used by another customer profile.');
  }
  if (patch.CompanyId && !state.companies.some((c) => c.Id === patch.CompanyId))
    throw bad(`Invalid CompanyId: company ${patch.CompanyId} not found.`);
  const title = body['Title'];
  if (title !== undefined) {
    if (title !== null && title !== 'Mister' && title !== 'Misses' && title !== 'Miss')
      throw bad('Invalid Title: expected Mister, Misses, Miss or null.');
    patch.Title = title;
  }
  const sex = body['Sex'];
  if (sex !== undefined) {
    if (sex !== null && sex !== 'Male' && sex !== 'Female')
      throw bad('Invalid Sex: expected Male, Female or null.');
    patch.Sex = sex;
  }
  for (const name of ['Classifications', 'Options'] as const) {
    const value = body[name];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw bad(`Invalid ${name}: expected an array of strings.`);
    patch[name] = value as string[];
  }
  if (body['IsActive'] !== undefined) {
    if (typeof body['IsActive'] !== 'boolean') throw bad('Invalid IsActive: expected a boolean.');
    patch.IsActive = body['IsActive'];
  }
  const address = body['Address'];
  if (address !== undefined) {
    if (address === null) patch.AddressId = null;
    else if (!isObject(address)) throw bad('Invalid Address: expected an object or null.');
    else {
      onlyFields(address, new Set(ADDRESS_FIELDS));
      const values = Object.fromEntries(
        ADDRESS_FIELDS.filter((f) => address[f] !== undefined).map((f) => [
          f,
          nullableString(address, f),
        ]),
      );
      const existing = state.addresses.find((a) => a.Id === current.AddressId);
      if (existing) Object.assign(existing, values);
      else {
        const created = {
          Id: state.newId(),
          Line1: null,
          Line2: null,
          City: null,
          PostalCode: null,
          CountryCode: null,
          CountrySubdivisionCode: null,
          ...values,
        };
        state.addresses.push(created);
        patch.AddressId = created.Id;
      }
    }
  }
  return state.updateCustomer(id, patch);
}

/** Registers the `/_sim` data endpoints on the simulator's app. */
export function attachAdminRoutes(app: Express, state: SimState): void {
  const route =
    (handler: (id: string, body: Body) => unknown) =>
    (req: Request<{ id: string }>, res: Response): void => {
      try {
        res.json(handler(req.params.id, isObject(req.body) ? req.body : {}));
      } catch (error) {
        const status = error instanceof SimHttpError ? error.status : 500;
        res.status(status).json({ Message: (error as Error).message });
      }
    };
  app.post(
    '/_sim/reservations/:id',
    route((id, body) => patchReservation(state, id, body)),
  );
  app.post(
    '/_sim/resources/:id/state',
    route((id, body) => setResourceState(state, id, body)),
  );
  app.post(
    '/_sim/customers/:id',
    route((id, body) => patchCustomer(state, id, body)),
  );
}
