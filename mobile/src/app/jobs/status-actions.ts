import type { WorkOrderPriority, WorkOrderStatus } from '../generated/graphql';

/** How a status reads on a chip. */
export const STATUS_LABEL: Readonly<Record<WorkOrderStatus, string>> = {
  NEW: 'New',
  SCHEDULED: 'Scheduled',
  DISPATCHED: 'Dispatched',
  EN_ROUTE: 'En route',
  ARRIVED: 'Arrived',
  IN_PROGRESS: 'In progress',
  ON_HOLD: 'On hold',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** Ionic colour of a status chip. */
export const STATUS_COLOR: Readonly<Record<WorkOrderStatus, string>> = {
  NEW: 'medium',
  SCHEDULED: 'medium',
  DISPATCHED: 'primary',
  EN_ROUTE: 'tertiary',
  ARRIVED: 'tertiary',
  IN_PROGRESS: 'warning',
  ON_HOLD: 'danger',
  COMPLETED: 'success',
  CANCELLED: 'dark',
};

export const PRIORITY_LABEL: Readonly<Record<WorkOrderPriority, string>> = {
  EMERGENCY: 'Emergency',
  HIGH: 'High',
  NORMAL: 'Normal',
  LOW: 'Low',
};

export const PRIORITY_COLOR: Readonly<Record<WorkOrderPriority, string>> = {
  EMERGENCY: 'danger',
  HIGH: 'warning',
  NORMAL: 'medium',
  LOW: 'light',
};

/**
 * The statuses a technician may set, in the order of a visit. Everything else (scheduling,
 * dispatching, cancelling) belongs to dispatch, so the app never offers it.
 */
export const TECHNICIAN_FLOW: readonly WorkOrderStatus[] = [
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'COMPLETED',
  'ON_HOLD',
];

/** One status button on the job page. */
export interface StatusAction {
  status: WorkOrderStatus;
  label: string;
  /** The server refuses this status without a reason, so ask for one first. */
  needsReason: boolean;
  /** The main next step (filled button) rather than a side exit like putting on hold. */
  primary: boolean;
  color: string;
}

const ACTION_LABEL: Partial<Record<WorkOrderStatus, string>> = {
  EN_ROUTE: 'On my way',
  ARRIVED: 'Arrived',
  IN_PROGRESS: 'Start work',
  COMPLETED: 'Complete job',
  ON_HOLD: 'Put on hold',
};

/**
 * The status buttons to show for a job: the server's allowed next statuses, kept to the ones a
 * technician may set, in visit order.
 */
export function statusActions(
  current: WorkOrderStatus,
  allowedTransitions: readonly WorkOrderStatus[],
): StatusAction[] {
  const allowed = new Set(allowedTransitions);
  return TECHNICIAN_FLOW.filter((status) => status !== current && allowed.has(status)).map(
    (status) => ({
      status,
      label:
        status === 'IN_PROGRESS' && current === 'ON_HOLD' ? 'Resume work' : ACTION_LABEL[status]!,
      needsReason: status === 'ON_HOLD',
      primary: status !== 'ON_HOLD',
      color: status === 'ON_HOLD' ? 'danger' : status === 'COMPLETED' ? 'success' : 'primary',
    }),
  );
}
