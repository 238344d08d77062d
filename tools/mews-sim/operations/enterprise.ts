import type { SimState } from '../state';
import type { ResourceState } from '../types';
import { badRequest, idFilter, isObject, paginate, wrapped, type Body } from './common';

/** `companies/getAll` */
export function getAllCompanies(state: SimState, body: Body): unknown {
  const ids = idFilter(body, 'Ids');
  const names = idFilter(body, 'Names');
  const matches = state.companies.filter(
    (c) => (!ids || ids.has(c.Id)) && (!names || names.has(c.Name)),
  );
  const { page, cursor } = paginate(matches, (c) => c.Id, body);
  return { Companies: page, Cursor: cursor };
}

/** `services/getAll`: `ServiceType` (Bookable|Additional) narrows by `Data.Discriminator`. */
export function getAllServices(state: SimState, body: Body): unknown {
  const ids = idFilter(body, 'ServiceIds');
  const type = body['ServiceType'];
  if (type !== undefined && type !== null && type !== 'Bookable' && type !== 'Additional') {
    throw badRequest('Invalid ServiceType: expected Bookable or Additional.');
  }
  const matches = state.services.filter(
    (s) => (!ids || ids.has(s.Id)) && (!type || s.Data.Discriminator === type),
  );
  const { page, cursor } = paginate(matches, (s) => s.Id, body);
  return { Services: page, Cursor: cursor };
}

const STATES = new Set<ResourceState>([
  'Dirty',
  'Clean',
  'Inspected',
  'OutOfService',
  'OutOfOrder',
]);

/** `resources/getAll`: `Extent{Resources, Inactive}`. */
export function getAllResources(state: SimState, body: Body): unknown {
  const extent = body['Extent'];
  if (!isObject(extent)) throw badRequest('Invalid Extent: the Extent is required.');
  const ids = idFilter(body, 'ResourceIds');
  const matches = state.resources.filter(
    (r) => (!ids || ids.has(r.Id)) && (r.IsActive || extent['Inactive'] === true),
  );
  const { page, cursor } = paginate(matches, (r) => r.Id, body);
  return { Resources: extent['Resources'] === true ? page : null, Cursor: cursor };
}

/** `resources/update`: `ResourceUpdates[{ResourceId, State:{Value}, StateReason:{Value}}]`. */
export function updateResources(state: SimState, body: Body): unknown {
  const updates = body['ResourceUpdates'];
  if (!Array.isArray(updates) || updates.length === 0 || updates.length > 1000) {
    throw badRequest('Invalid ResourceUpdates: 1 to 1000 updates are required.');
  }
  const planned = updates.map((update: unknown) => {
    if (!isObject(update) || typeof update['ResourceId'] !== 'string') {
      throw badRequest('Invalid ResourceUpdates: ResourceId is required.');
    }
    if (!state.resource(update['ResourceId'])) {
      throw badRequest(`Invalid ResourceId: resource ${update['ResourceId']} not found.`);
    }
    const stateValue = wrapped(update, 'State');
    if (stateValue.set && !STATES.has(stateValue.value as ResourceState)) {
      throw badRequest(
        'Invalid State: expected Dirty, Clean, Inspected, OutOfService or OutOfOrder.',
      );
    }
    return { id: update['ResourceId'], state: stateValue, reason: wrapped(update, 'StateReason') };
  });
  for (const { id, state: s, reason } of planned) {
    const current = state.resource(id)!;
    state.setResourceState(
      id,
      s.set ? (s.value as ResourceState) : current.State,
      reason.set ? ((reason.value as string | null) ?? null) : undefined,
    );
  }
  return {};
}
