import type {
  CreateMaintenancePlanInput,
  MaintenancePlanFieldsFragment,
  UpdateMaintenancePlanInput,
  WorkOrderPriority,
} from '../../generated/graphql';
import { buildRule, defaultRuleBuilder, parseRule, type RuleBuilder } from './schedule.model';

/** The server's limits, mirrored so the form says so before saving. */
export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const INTERVAL_MAX = 3650;
export const LEAD_MAX = 90;
export const ASSET_MAX = 120;

export type ScheduleMode = 'interval' | 'rule';

export interface PlanFormValue {
  name: string;
  serviceTypeId: string;
  priority: WorkOrderPriority;
  mode: ScheduleMode;
  intervalDays: number | null;
  rule: RuleBuilder;
  /** YYYY-MM-DD */
  startsOn: string;
  leadDays: number | null;
  asset: string;
  roomId: string | null;
  siteId: string | null;
  technicianId: string | null;
  teamId: string | null;
}

/** Today as YYYY-MM-DD in the browser's zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A plan (or a new one) → what the form holds. */
export function planFormValueOf(
  plan: MaintenancePlanFieldsFragment | null,
  today: string,
): PlanFormValue {
  return {
    name: plan?.name ?? '',
    serviceTypeId: plan?.serviceType?.id ?? '',
    priority: plan?.priority ?? 'NORMAL',
    mode: plan?.rrule ? 'rule' : 'interval',
    intervalDays: plan ? (plan.intervalDays ?? null) : 30,
    rule: plan?.rrule ? parseRule(plan.rrule) : defaultRuleBuilder(),
    startsOn: plan?.startsOn ?? today,
    leadDays: plan?.leadDays ?? 7,
    asset: plan?.asset ?? '',
    roomId: plan?.room?.id ?? null,
    siteId: plan?.site?.id ?? null,
    technicianId: plan?.technician?.id ?? null,
    teamId: plan?.team?.id ?? null,
  };
}

/**
 * The form → the whole plan. One kind of schedule is sent and the other cleared; empty optional
 * fields are sent as null so an edit removes them.
 */
export function planInputOf(
  v: PlanFormValue,
): CreateMaintenancePlanInput & UpdateMaintenancePlanInput {
  const byRule = v.mode === 'rule';
  return {
    name: v.name.trim().replace(/\s+/g, ' '),
    serviceTypeId: v.serviceTypeId,
    priority: v.priority,
    intervalDays: byRule ? null : v.intervalDays,
    rrule: byRule ? buildRule(v.rule) : null,
    startsOn: v.startsOn,
    leadDays: v.leadDays ?? 0,
    asset: v.asset.trim() || null,
    roomId: v.roomId || null,
    siteId: v.siteId || null,
    technicianId: v.technicianId || null,
    teamId: v.teamId || null,
  };
}

/** Something to maintain is required: an asset, a room or a site. */
export function hasTarget(v: Pick<PlanFormValue, 'asset' | 'roomId' | 'siteId'>): boolean {
  return !!(v.asset.trim() || v.roomId || v.siteId);
}

/** "Boiler 2 · Room 101 · Main office, Brno" for the list. */
export function targetSummary(
  plan: Pick<MaintenancePlanFieldsFragment, 'asset' | 'room' | 'site'>,
): string {
  const parts = [
    plan.asset,
    plan.room ? `Room ${plan.room.number}` : null,
    plan.site ? (plan.site.city ? `${plan.site.name}, ${plan.site.city}` : plan.site.name) : null,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : '—';
}

/** Where the server's `field` of a refused save belongs in the form. */
export function planControlOf(field: string): string | null {
  const head = field.replace(/^input\./, '').split('.')[0] ?? '';
  const map: Record<string, string> = {
    name: 'name',
    serviceTypeId: 'serviceTypeId',
    priority: 'priority',
    intervalDays: 'intervalDays',
    rrule: 'rule',
    startsOn: 'startsOn',
    leadDays: 'leadDays',
    asset: 'asset',
    roomId: 'roomId',
    siteId: 'siteId',
    technicianId: 'technicianId',
    teamId: 'teamId',
  };
  return map[head] ?? null;
}

/** "Created 3, skipped 1" after Generate now. */
export function runSummary(result: { created: number; skipped: number }): string {
  return `Created ${result.created}, skipped ${result.skipped}`;
}
