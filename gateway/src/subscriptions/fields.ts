import type { DomainEvent, Role } from '@attendant/kit';

/** How a `Subscription` field maps to domain events and to the query that resolves its entity. */
export interface SubscriptionField {
  entityType: string;
  /** Root query field taking `id: ID!` that returns the entity. */
  queryField: string;
  roles: readonly Role[];
  matches(filter: Record<string, unknown> | undefined, event: DomainEvent): boolean;
}

const eq = (want: unknown, got: unknown) => want === undefined || want === null || want === got;

export const SUBSCRIPTION_FIELDS: Record<string, SubscriptionField> = {
  workOrderChanged: {
    entityType: 'WorkOrder',
    queryField: 'workOrder',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) =>
      eq(f?.['id'], e.entityId) &&
      eq(f?.['technicianId'], e.payload['technicianId']) &&
      eq(f?.['guestId'], e.payload['guestId']) &&
      (!Array.isArray(f?.['status']) ||
        f['status'].length === 0 ||
        f['status'].includes(e.payload['status'])),
  },
  guestChanged: {
    entityType: 'Guest',
    queryField: 'guest',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) => eq(f?.['id'], e.entityId) && eq(f?.['vip'], e.payload['vip']),
  },
};
