import {
  hasTenant,
  KitError,
  KitErrorCode,
  type Actor,
  type Role,
  type TenantActor,
} from '@attendant/kit';

/** Who may read messages and consent: office staff and integrations, not field technicians. */
export const MESSAGE_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'] as const;
/** Who may record messages. */
export const MESSAGE_WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;
/** Who may acknowledge alerts. */
export const ALERT_HANDLERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;

export function tenant(actor: Actor): TenantActor {
  if (!hasTenant(actor)) throw new KitError(KitErrorCode.Unauthenticated, 'Sign in to do this');
  return actor;
}

/** A tenant actor allowed to read messages. Entity references skip `@Authorized`, so services check this. */
export function messageReader(actor: Actor): TenantActor {
  const t = tenant(actor);
  if (!t.roles.some((r) => (MESSAGE_READERS as readonly Role[]).includes(r))) {
    throw new KitError(
      KitErrorCode.Forbidden,
      `This needs one of the roles ${MESSAGE_READERS.join(', ')}`,
    );
  }
  return t;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a row (and would make PostgreSQL fail the cast). */
export const isUuid = (id: string) => UUID.test(id);
