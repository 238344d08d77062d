export { eventActor, isUuid, tenant } from '@attendant/kit';

/** Who may read metric series. */
export const METRIC_READERS = ['ADMIN', 'MANAGER', 'ANALYST'] as const;
/** Who may see how busy technicians are. */
export const UTILIZATION_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;
