import type { Role } from '@attendant/kit';

/** Who may change guest data; every staff role (technicians too) may read it. */
export const WRITERS: Role[] = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'];
