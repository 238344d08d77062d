import type { AlertKind } from '../generated/graphql';

/** How each kind of alert reads in the console. */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  SLA_AT_RISK: 'SLA at risk',
  VIP_ARRIVAL_OPEN_ORDERS: 'VIP arrival with open orders',
  SYNC_FAILED: 'Failed PMS sync',
  MESSAGE_DELIVERY_FAILED: 'Message delivery failure',
  LOW_COMPLETENESS_BEFORE_ARRIVAL: 'Low completeness before arrival',
};

export const ALERT_KINDS = Object.keys(ALERT_KIND_LABELS) as AlertKind[];
