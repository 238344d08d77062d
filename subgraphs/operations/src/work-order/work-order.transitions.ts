import type { WorkOrderStatus } from '@attendant/db';

/*
 * The work order status machine. Field staff move a job along
 * SCHEDULED → DISPATCHED → EN_ROUTE → ARRIVED → IN_PROGRESS → COMPLETED; dispatch can step back
 * (unschedule, recall) until the technician arrives. ON_HOLD parks a job with a reason and
 * resumes it where it makes sense. COMPLETED and CANCELLED are final.
 */
export const TRANSITIONS: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  NEW: ['SCHEDULED', 'ON_HOLD', 'CANCELLED'],
  SCHEDULED: ['DISPATCHED', 'NEW', 'ON_HOLD', 'CANCELLED'],
  DISPATCHED: ['EN_ROUTE', 'SCHEDULED', 'NEW', 'ON_HOLD', 'CANCELLED'],
  EN_ROUTE: ['ARRIVED', 'DISPATCHED', 'ON_HOLD', 'CANCELLED'],
  ARRIVED: ['IN_PROGRESS', 'ON_HOLD', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD'],
  ON_HOLD: ['NEW', 'SCHEDULED', 'IN_PROGRESS', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Statuses a technician may set on a job assigned to them; the rest belong to dispatch. */
export const TECHNICIAN_STATUSES: ReadonlySet<WorkOrderStatus> = new Set([
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'COMPLETED',
  'ON_HOLD',
]);

export const STATUSES_NEEDING_REASON: ReadonlySet<WorkOrderStatus> = new Set([
  'ON_HOLD',
  'CANCELLED',
]);
export const OPEN_STATUSES: readonly WorkOrderStatus[] = [
  'NEW',
  'SCHEDULED',
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
];

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
