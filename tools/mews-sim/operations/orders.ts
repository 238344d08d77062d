import type { SimState } from '../state';
import { badRequest, isObject, type Body } from './common';

function lines(body: Body): Body[] {
  const items = body['Items'];
  const products = body['ProductOrders'];
  const all = [
    ...(Array.isArray(items) ? items : []),
    ...(Array.isArray(products) ? products : []),
  ] as unknown[];
  if (all.length === 0) throw badRequest('Invalid order: Items or ProductOrders are required.');
  return all.map((line) => {
    if (!isObject(line)) throw badRequest('Invalid order line.');
    return line;
  });
}

/**
 * `orders/add`: a line whose `ExternalIdentifier` was already posted for the same account returns
 * the original `OrderId` and creates nothing, so a retried post never bills twice.
 */
export function addOrder(state: SimState, body: Body): unknown {
  const serviceId = body['ServiceId'];
  const accountId = body['AccountId'];
  if (typeof serviceId !== 'string')
    throw badRequest('Invalid ServiceId: the ServiceId is required.');
  if (typeof accountId !== 'string')
    throw badRequest('Invalid AccountId: the AccountId is required.');
  if (!state.services.some((s) => s.Id === serviceId)) {
    throw badRequest(`Invalid ServiceId: service ${serviceId} not found.`);
  }
  if (!state.customer(accountId) && !state.companies.some((c) => c.Id === accountId)) {
    throw badRequest(`Invalid AccountId: account ${accountId} not found.`);
  }
  const orderLines = lines(body);
  for (const line of orderLines) {
    const isItem = 'Name' in line;
    if (isItem && (typeof line['UnitCount'] !== 'number' || !isObject(line['UnitAmount']))) {
      throw badRequest('Invalid Items: Name, UnitCount and UnitAmount are required.');
    }
    if (!isItem && (typeof line['ProductId'] !== 'string' || typeof line['Count'] !== 'number')) {
      throw badRequest('Invalid ProductOrders: ProductId and Count are required.');
    }
  }
  const externalIds = orderLines
    .map((line) => line['ExternalIdentifier'])
    .filter((id): id is string => typeof id === 'string' && id !== '');
  const previous = state.orders.find(
    (o) =>
      o.AccountId === accountId && o.ExternalIdentifiers.some((id) => externalIds.includes(id)),
  );
  if (previous) return { OrderId: previous.OrderId };
  const str = (name: string): string | null =>
    typeof body[name] === 'string' ? (body[name] as string) : null;
  const order = {
    OrderId: state.newId(),
    ServiceId: serviceId,
    AccountId: accountId,
    LinkedReservationId: str('LinkedReservationId'),
    ConsumptionUtc: str('ConsumptionUtc'),
    Notes: str('Notes'),
    BillId: str('BillId'),
    Lines: orderLines,
    ExternalIdentifiers: externalIds,
    CreatedUtc: state.now(),
  };
  state.addOrder(order);
  return { OrderId: order.OrderId };
}
