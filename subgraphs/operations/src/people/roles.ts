export const READERS = [
  'ADMIN',
  'MANAGER',
  'DISPATCHER',
  'TECHNICIAN',
  'ANALYST',
  'INTEGRATOR',
] as const;
/** Technicians and teams are settings: managed by admins and managers. */
export const SETTINGS = ['ADMIN', 'MANAGER'] as const;
