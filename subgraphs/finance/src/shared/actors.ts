import {
  hasTenant,
  KitError,
  KitErrorCode,
  type Actor,
  type Role,
  type TenantActor,
} from '@attendant/kit';

/** Who may read invoices and payments: everyone but field technicians. */
export const FINANCE_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'] as const;
/** Who may draft invoices. */
export const FINANCE_WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;

export function tenant(actor: Actor): TenantActor {
  if (!hasTenant(actor)) throw new KitError(KitErrorCode.Unauthenticated, 'Sign in to do this');
  return actor;
}

/**
 * A tenant actor allowed to read finance data. Entity references skip `@Authorized`, so services
 * check this themselves.
 */
export function financeReader(actor: Actor): TenantActor {
  const t = tenant(actor);
  if (!t.roles.some((r) => (FINANCE_READERS as readonly Role[]).includes(r))) {
    throw new KitError(
      KitErrorCode.Forbidden,
      `This needs one of the roles ${FINANCE_READERS.join(', ')}`,
    );
  }
  return t;
}

/** The actor an event consumer works as: the event's organization, no user and no roles. */
export function eventActor(organizationId: string): TenantActor {
  return { kind: 'user', organizationId, userId: null, apiKeyId: null, roles: [], scopes: [] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a row (and would make PostgreSQL fail the cast). */
export const isUuid = (id: string) => UUID.test(id);
