import { requireRoles, type Actor, type TenantActor } from '@attendant/kit';

export { isUuid, tenant } from '@attendant/kit';

/** Who may read messages and consent: office staff and integrations, not field technicians. */
export const MESSAGE_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'] as const;
/** Who may record messages. */
export const MESSAGE_WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;
/** Who may acknowledge alerts. */
export const ALERT_HANDLERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
/** Who may list the organization's alerts (technicians see only what is routed to them). */
export const ALERT_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;

/** A tenant actor allowed to read messages. Entity references skip `@Authorized`, so services check this. */
export const messageReader = (actor: Actor): TenantActor => requireRoles(actor, MESSAGE_READERS);
/** Who may log calls and write internal notes on a guest (signed-in staff; notes have an author). */
export const NOTE_WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
/** Who may edit or delete anyone's note, not just their own. */
export const NOTE_MODERATORS = ['ADMIN', 'MANAGER'] as const;
