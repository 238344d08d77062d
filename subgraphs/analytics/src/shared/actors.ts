import { hasTenant, KitError, KitErrorCode, type Actor, type TenantActor } from '@attendant/kit';

/** Who may read metric series. */
export const METRIC_READERS = ['ADMIN', 'MANAGER', 'ANALYST'] as const;
/** Who may see how busy technicians are. */
export const UTILIZATION_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;

export function tenant(actor: Actor): TenantActor {
  if (!hasTenant(actor)) throw new KitError(KitErrorCode.Unauthenticated, 'Sign in to do this');
  return actor;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a row (and would make PostgreSQL fail the cast). */
export const isUuid = (id: string) => UUID.test(id);

/** The actor an event consumer works as: the event's organization, no user and no roles. */
export function eventActor(organizationId: string): TenantActor {
  return { kind: 'user', organizationId, userId: null, apiKeyId: null, roles: [], scopes: [] };
}
