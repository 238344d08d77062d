import type { Prisma, WorkOrderStatus } from '@attendant/db';
import { businessMinutesBetween, type BusinessCalendar } from './sla.engine';
import { SlaState } from './sla.type';

/** What SLA status and risk read from a work order. */
export interface SlaRowLike {
  status: WorkOrderStatus;
  createdAt: Date;
  /** When the SLA clock starts (automatic orders: when the work is due); null = createdAt. */
  slaStartsAt?: Date | null;
  slaDueAt: Date | null;
  responseDueAt: Date | null;
  respondedAt: Date | null;
  completedAt: Date | null;
  slaPolicyId: string | null;
}

/** A policy as the clock needs it: its calendar (zone resolved) and warning threshold. */
export interface SlaPolicyView {
  id: string;
  name: string;
  warnAt: number;
  calendar: BusinessCalendar;
}

export interface SlaStatusView {
  state: SlaState;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  respondedAt: Date | null;
  responseBreached: boolean;
  minutesRemaining: number | null;
  percentUsed: number | null;
  policyName: string | null;
}

export const DEFAULT_WARN_AT = 0.8;
// A deadline set by hand (no policy) runs on the real clock.
export const AROUND_THE_CLOCK: BusinessCalendar = {
  businessHours: null,
  timezone: 'UTC',
  holidays: [],
};

type Range = { day: number; start: number; end: number };

/** Business hours as stored (JSON); anything malformed is dropped rather than trusted. */
export function parseBusinessHours(value: Prisma.JsonValue | null): Range[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((v) => {
    const r = v as Partial<Range> | null;
    return r && Number.isInteger(r.day) && Number.isInteger(r.start) && Number.isInteger(r.end)
      ? [{ day: r.day!, start: r.start!, end: r.end! }]
      : [];
  });
}

export function policyView(
  row: {
    id: string;
    name: string;
    warnAt: number;
    businessHours: Prisma.JsonValue | null;
    timezone: string | null;
    holidays: string[];
  },
  organizationTimezone: string,
): SlaPolicyView {
  return {
    id: row.id,
    name: row.name,
    warnAt: row.warnAt,
    calendar: {
      businessHours: parseBusinessHours(row.businessHours),
      timezone: row.timezone ?? organizationTimezone,
      holidays: row.holidays,
    },
  };
}

/** When the order's SLA clock starts: its own start if it has one, else its creation. */
export function slaClockStart(row: Pick<SlaRowLike, 'createdAt' | 'slaStartsAt'>): Date {
  return row.slaStartsAt ?? row.createdAt;
}

/**
 * Share of the resolution time used at `at`, on the policy's business clock: 0..1 before the
 * deadline (0 until the clock starts), above 1 from the deadline on (growing with the business
 * time overdue, and above 1 even when the deadline passed outside business hours). Never NaN or
 * Infinity.
 */
export function shareUsed(
  startsAt: Date,
  dueAt: Date,
  at: Date,
  calendar: BusinessCalendar,
): number {
  const total = businessMinutesBetween(startsAt, dueAt, calendar);
  if (at >= dueAt) {
    const overdue = Math.max(businessMinutesBetween(dueAt, at, calendar), 0);
    return 1 + Math.max(overdue, 1) / Math.max(total, 1);
  }
  if (total <= 0 || at <= startsAt) return 0;
  const used = businessMinutesBetween(startsAt, at, calendar);
  return Math.min(Math.max(used / total, 0), 1);
}

export function slaStatus(
  row: SlaRowLike,
  now: Date = new Date(),
  policy?: SlaPolicyView | null,
): SlaStatusView {
  const calendar = policy?.calendar ?? AROUND_THE_CLOCK;
  const view: SlaStatusView = {
    state: SlaState.NONE,
    responseDueAt: row.responseDueAt,
    resolutionDueAt: row.slaDueAt,
    respondedAt: row.respondedAt,
    responseBreached: responseBreached(row, now),
    minutesRemaining: null,
    percentUsed: null,
    policyName: policy?.name ?? null,
  };
  const due = row.slaDueAt;
  if (!due || row.status === 'CANCELLED') return view;
  const completed = row.status === 'COMPLETED';
  const at = completed ? (row.completedAt ?? now) : now;
  const share = shareUsed(slaClockStart(row), due, at, calendar);
  view.minutesRemaining = Math.floor(businessMinutesBetween(at, due, calendar));
  view.percentUsed = Math.round(share * 1000) / 10;
  if (completed) view.state = at <= due ? SlaState.MET : SlaState.MISSED;
  else if (at >= due) view.state = SlaState.BREACHED;
  else if (share >= (policy?.warnAt ?? DEFAULT_WARN_AT)) view.state = SlaState.AT_RISK;
  else view.state = SlaState.ON_TRACK;
  return view;
}

/** Share of the resolution time used (see shareUsed); 0 for orders without an SLA or closed. */
export function slaRisk(
  row: SlaRowLike,
  now: Date = new Date(),
  policy?: SlaPolicyView | null,
): number {
  if (!row.slaDueAt || row.status === 'CANCELLED' || row.status === 'COMPLETED') return 0;
  return shareUsed(slaClockStart(row), row.slaDueAt, now, policy?.calendar ?? AROUND_THE_CLOCK);
}

function responseBreached(row: SlaRowLike, now: Date): boolean {
  if (!row.responseDueAt || row.status === 'CANCELLED') return false;
  const respondedAt = row.respondedAt ?? row.completedAt;
  if (respondedAt) return respondedAt > row.responseDueAt;
  return now > row.responseDueAt;
}
