import type { SlaState, WorkOrderPriority, WorkOrderSlaFieldsFragment } from '../generated/graphql';
import { formatDuration } from './work-order-format';

export type SlaTone = 'neutral' | 'success' | 'warning' | 'danger';

const TONE: Record<SlaState, SlaTone> = {
  NONE: 'neutral',
  ON_TRACK: 'success',
  AT_RISK: 'warning',
  BREACHED: 'danger',
  MET: 'success',
  MISSED: 'danger',
};

const LABEL: Record<SlaState, string> = {
  NONE: 'No SLA',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  BREACHED: 'Breached',
  MET: 'Met',
  MISSED: 'Missed',
};

/** The colour family of an SLA state's chip. */
export function slaTone(state: SlaState): SlaTone {
  return TONE[state] ?? 'neutral';
}

/** "AT_RISK" → "At risk", for tooltips and screen readers. */
export function slaLabel(state: SlaState): string {
  return LABEL[state] ?? state;
}

/** Closed states report what was left at completion rather than a running clock. */
const isFinal = (state: SlaState) => state === 'MET' || state === 'MISSED';

/**
 * The resolution clock in words: "2 h 15 min left", "overdue by 45 min", or for a completed
 * order "finished 30 min early" / "finished 2 h late". Minutes are business minutes.
 */
export function remainingText(
  sla: Pick<WorkOrderSlaFieldsFragment, 'state' | 'minutesRemaining'>,
): string {
  const m = sla.minutesRemaining;
  if (m == null || sla.state === 'NONE') return '—';
  if (isFinal(sla.state)) {
    return m >= 0 ? `finished ${formatDuration(m)} early` : `finished ${formatDuration(m)} late`;
  }
  return m >= 0 ? `${formatDuration(m)} left` : `overdue by ${formatDuration(m)}`;
}

/** Width of the "time used" bar in percent (0–100), and whether it overflowed. */
export function usedBar(percentUsed: number | null | undefined): {
  width: number;
  over: boolean;
} {
  if (percentUsed == null || !Number.isFinite(percentUsed)) return { width: 0, over: false };
  return { width: Math.min(100, Math.max(0, percentUsed)), over: percentUsed > 100 };
}

/** What the form needs of an SLA policy to say which one would apply. */
export interface PolicyLike {
  id: string;
  name: string;
  serviceTypeId: string | null;
  priority: WorkOrderPriority | null;
  responseMinutes: number;
  resolutionMinutes: number;
  businessHours: readonly unknown[] | null;
  active: boolean;
  createdAt: string;
}

/**
 * The policy a new work order would get, as the server chooses it: service type and priority >
 * service type > priority > catch-all; among equals the strictest, then the oldest.
 */
export function applicablePolicy<P extends PolicyLike>(
  policies: readonly P[],
  serviceTypeId: string | null,
  priority: WorkOrderPriority,
): P | null {
  const rank = (p: PolicyLike) => (p.serviceTypeId ? 2 : 0) + (p.priority ? 1 : 0);
  const candidates = policies.filter(
    (p) =>
      p.active &&
      (p.serviceTypeId === null || p.serviceTypeId === serviceTypeId) &&
      (p.priority === null || p.priority === priority),
  );
  candidates.sort(
    (a, b) =>
      rank(b) - rank(a) ||
      a.resolutionMinutes - b.resolutionMinutes ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
  return candidates[0] ?? null;
}

/** "SLA (Plumbing urgent): respond within 1 h, resolve within 4 h (business hours)". */
export function slaHint(policy: PolicyLike | null): string | null {
  if (!policy) return null;
  const clock = policy.businessHours ? ' (business hours)' : '';
  return (
    `SLA (${policy.name}): respond within ${formatDuration(policy.responseMinutes)}, ` +
    `resolve within ${formatDuration(policy.resolutionMinutes)}${clock}`
  );
}
