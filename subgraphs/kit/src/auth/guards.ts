import { KitError, KitErrorCode } from '../errors';
import { hasTenant, type Actor, type Role, type TenantActor } from './actor';

/** The actor as a member of an organization; anyone else is asked to sign in. */
export function tenant(actor: Actor): TenantActor {
  if (!hasTenant(actor)) throw new KitError(KitErrorCode.Unauthenticated, 'Sign in to do this');
  return actor;
}

/**
 * A tenant actor holding one of `roles`. Entity references (`_entities`) skip `@Authorized`, so
 * services that expose sensitive entities check this themselves.
 */
export function requireRoles(actor: Actor, roles: readonly Role[]): TenantActor {
  const t = tenant(actor);
  if (!t.roles.some((r) => roles.includes(r))) {
    throw new KitError(KitErrorCode.Forbidden, `This needs one of the roles ${roles.join(', ')}`);
  }
  return t;
}

/** The actor an event consumer works as: the event's organization, no user and no roles. */
export function eventActor(organizationId: string): TenantActor {
  return { kind: 'user', organizationId, userId: null, apiKeyId: null, roles: [], scopes: [] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a row (and would make PostgreSQL fail the cast). */
export const isUuid = (id: string): boolean => UUID.test(id);
