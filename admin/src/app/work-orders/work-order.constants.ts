import type { WorkOrderKind, WorkOrderPriority, WorkOrderStatus } from '../generated/graphql';

/** The enum values, in the order the console lists them (types come from the generated schema). */
export const WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = [
  'NEW',
  'SCHEDULED',
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
  'CANCELLED',
];

export const WORK_ORDER_PRIORITIES: readonly WorkOrderPriority[] = [
  'EMERGENCY',
  'HIGH',
  'NORMAL',
  'LOW',
];

export const WORK_ORDER_KINDS: readonly WorkOrderKind[] = ['FIELD_JOB', 'HOTEL_SERVICE'];

/** Statuses that need a reason (the server refuses them without one). */
export const NEEDS_REASON: readonly WorkOrderStatus[] = ['ON_HOLD', 'CANCELLED'];

/** Who may create, edit and move work orders in the console. */
export const WORK_ORDER_EDITORS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;

/** Shown when the server refuses a change because someone else changed the work order first. */
export const CONFLICT_MESSAGE = 'Someone else changed this work order; reload';
