import { requireRoles, type Actor, type TenantActor } from '@attendant/kit';

export { eventActor, isUuid, tenant } from '@attendant/kit';

/** Who may read invoices and payments: everyone but field technicians. */
export const FINANCE_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'] as const;
/** Who may draft invoices. */
export const FINANCE_WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;

/** A tenant actor allowed to read finance data (references skip `@Authorized`). */
export const financeReader = (actor: Actor): TenantActor => requireRoles(actor, FINANCE_READERS);
