import type { SimState } from '../state';
import type { SimCustomer } from '../types';
import {
  badRequest,
  idFilter,
  intervalFilter,
  isObject,
  paginate,
  SimHttpError,
  within,
  wrapped,
  type Body,
} from './common';

const EMAIL_TAKEN = 'The email address is already used by another customer profile.';

/** `customers/getAll` */
export function getAllCustomers(state: SimState, body: Body): unknown {
  const extent = body['Extent'];
  if (!isObject(extent)) throw badRequest('Invalid Extent: the Extent is required.');
  const ids = idFilter(body, 'CustomerIds');
  const emails = idFilter(body, 'Emails');
  const firstNames = idFilter(body, 'FirstNames');
  const lastNames = idFilter(body, 'LastNames');
  const activity = idFilter(body, 'ActivityStates');
  const created = intervalFilter(body, 'CreatedUtc');
  const updated = intervalFilter(body, 'UpdatedUtc');
  const lower = emails && new Set([...emails].map((e) => e.toLowerCase()));
  const matches = state.customers.filter(
    (c) =>
      (!ids || ids.has(c.Id)) &&
      (!lower || (c.Email !== null && lower.has(c.Email.toLowerCase()))) &&
      (!firstNames || (c.FirstName !== null && firstNames.has(c.FirstName))) &&
      (!lastNames || lastNames.has(c.LastName)) &&
      (!activity || activity.has(c.IsActive ? 'Active' : 'Deleted')) &&
      within(c.CreatedUtc, created) &&
      within(c.UpdatedUtc, updated),
  );
  const { page, cursor } = paginate(matches, (c) => c.Id, body);
  const addressIds = new Set(page.map((c) => c.AddressId).filter((a) => a !== null));
  return {
    Customers: extent['Customers'] === true ? page : null,
    Addresses:
      extent['Addresses'] === true ? state.addresses.filter((a) => addressIds.has(a.Id)) : null,
    Cursor: cursor,
  };
}

const FIELDS = [
  'Title',
  'Sex',
  'FirstName',
  'LastName',
  'Email',
  'Phone',
  'LanguageCode',
  'NationalityCode',
  'BirthDate',
  'Notes',
  'Classifications',
  'Options',
  'CompanyId',
] as const;

function emailOwner(state: SimState, email: unknown, except?: string): SimCustomer | undefined {
  if (typeof email !== 'string') return undefined;
  return state.customers.find(
    (c) => c.Id !== except && c.Email?.toLowerCase() === email.toLowerCase(),
  );
}

/** `customers/add`: plain values; `OverwriteExisting` updates the profile that owns the email. */
export function addCustomer(state: SimState, body: Body): unknown {
  if (typeof body['LastName'] !== 'string' || body['LastName'] === '') {
    throw badRequest('Invalid LastName: the LastName is required.');
  }
  if (typeof body['OverwriteExisting'] !== 'boolean') {
    throw badRequest('Invalid OverwriteExisting: the OverwriteExisting is required.');
  }
  const fields: Partial<SimCustomer> = {};
  for (const name of FIELDS) {
    if (body[name] !== undefined) Object.assign(fields, { [name]: body[name] });
  }
  const existing = emailOwner(state, body['Email']);
  if (existing) {
    if (!body['OverwriteExisting']) throw new SimHttpError(403, EMAIL_TAKEN);
    return state.updateCustomer(existing.Id, fields);
  }
  return state.addCustomer({ ...fields, LastName: body['LastName'] });
}

/** `customers/update`: `{Value}` wrappers; an omitted or null wrapper leaves the field alone. */
export function updateCustomer(state: SimState, body: Body): unknown {
  const id = body['CustomerId'];
  if (typeof id !== 'string') throw badRequest('Invalid CustomerId: the CustomerId is required.');
  if (!state.customer(id)) throw badRequest(`Invalid CustomerId: customer ${id} not found.`);
  const patch: Partial<SimCustomer> = {};
  for (const name of FIELDS) {
    const { set, value } = wrapped(body, name);
    if (set) Object.assign(patch, { [name]: value });
  }
  if (patch.LastName === null || patch.LastName === '') {
    throw badRequest('Invalid LastName: the LastName cannot be cleared.');
  }
  if (emailOwner(state, patch.Email, id)) throw new SimHttpError(403, EMAIL_TAKEN);
  return state.updateCustomer(id, patch);
}
