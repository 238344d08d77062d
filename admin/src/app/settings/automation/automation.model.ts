import type {
  AutomationConditionsInput,
  AutomationRuleFieldsFragment,
  CreateAutomationRuleInput,
  UpdateAutomationRuleInput,
  WorkOrderPriority,
} from '../../generated/graphql';
import { clockOf, fromTimeInput, toTimeInput } from '../../shared/time-of-day';

/** The server's limits, mirrored so the form says so before saving. */
export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const HOURS_MAX = 168;
export const PRODUCTS_MAX = 20;
export const PRODUCT_MAX = 100;
/** 15:00, the server's default for "early". */
export const DEFAULT_EARLY_BEFORE = 900;
export const PLACEHOLDERS = ['guest', 'room', 'arrival'] as const;

type Conditions = AutomationRuleFieldsFragment['conditions'];

/** "VIP", "Product: Champagne on arrival", "Early check-in before 14:00", "Special request". */
export function conditionChips(c: Conditions): string[] {
  return [
    ...(c.vip ? ['VIP'] : []),
    ...c.products.map((p) => `Product: ${p}`),
    ...(c.earlyCheckIn ? [`Early check-in before ${clockOf(c.earlyCheckInBefore)}`] : []),
    ...(c.specialRequest ? ['Special request'] : []),
  ];
}

/** "3 h before arrival", "At arrival". */
export function hoursBeforeLabel(hours: number): string {
  return hours === 0 ? 'At arrival' : `${hours} h before arrival`;
}

/** Trimmed, without blanks, the first spelling of each name kept (the server matches case-insensitively). */
export function normalizeProducts(products: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const p of products) {
    const name = p.trim().replace(/\s+/g, ' ');
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

/** Placeholders a title uses that rules do not know, e.g. ["gest"] for "{gest}". */
export function unknownPlaceholders(title: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...title.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '').filter((n) => !known.has(n));
}

export interface ConditionsFormValue {
  vip: boolean;
  products: string[];
  earlyCheckIn: boolean;
  /** "HH:mm" */
  earlyBefore: string;
  specialRequest: boolean;
}

export interface RuleFormValue {
  name: string;
  conditions: ConditionsFormValue;
  serviceTypeId: string;
  title: string;
  priority: WorkOrderPriority;
  hoursBeforeArrival: number | null;
  teamId: string | null;
}

export function ruleFormValueOf(rule: AutomationRuleFieldsFragment | null): RuleFormValue {
  const c = rule?.conditions;
  return {
    name: rule?.name ?? '',
    conditions: {
      vip: c?.vip ?? false,
      products: [...(c?.products ?? [])],
      earlyCheckIn: c?.earlyCheckIn ?? false,
      earlyBefore: toTimeInput(c?.earlyCheckInBefore ?? DEFAULT_EARLY_BEFORE),
      specialRequest: c?.specialRequest ?? false,
    },
    serviceTypeId: rule?.serviceType?.id ?? '',
    title: rule?.title ?? '',
    priority: rule?.priority ?? 'NORMAL',
    hoursBeforeArrival: rule?.hoursBeforeArrival ?? 2,
    teamId: rule?.team?.id ?? null,
  };
}

/** The conditions part of the form, as the API takes them (also for the preview). */
export function conditionsOf(v: ConditionsFormValue): Required<AutomationConditionsInput> {
  return {
    vip: v.vip,
    products: normalizeProducts(v.products),
    earlyCheckIn: v.earlyCheckIn,
    earlyCheckInBefore: fromTimeInput(v.earlyBefore) ?? DEFAULT_EARLY_BEFORE,
    specialRequest: v.specialRequest,
  };
}

export function hasAnyCondition(c: AutomationConditionsInput): boolean {
  return !!(c.vip || (c.products?.length ?? 0) > 0 || c.earlyCheckIn || c.specialRequest);
}

/** The form → the whole rule (edits replace conditions; no team sends null to remove it). */
export function ruleInputOf(
  v: RuleFormValue,
): CreateAutomationRuleInput & UpdateAutomationRuleInput {
  return {
    name: v.name.trim().replace(/\s+/g, ' '),
    conditions: conditionsOf(v.conditions),
    serviceTypeId: v.serviceTypeId,
    title: v.title.trim(),
    priority: v.priority,
    hoursBeforeArrival: v.hoursBeforeArrival ?? 0,
    teamId: v.teamId || null,
  };
}

/** Where the server's `field` of a refused save belongs in the form. */
export function ruleControlOf(field: string): string | null {
  const path = field.replace(/^input\./, '');
  const [head, sub] = path.split('.');
  if (head === 'conditions') {
    if (sub === 'products') return 'conditions.products';
    if (sub === 'earlyCheckInBefore') return 'conditions.earlyBefore';
    return 'conditions';
  }
  const map: Record<string, string> = {
    name: 'name',
    serviceTypeId: 'serviceTypeId',
    title: 'title',
    priority: 'priority',
    hoursBeforeArrival: 'hoursBeforeArrival',
    teamId: 'teamId',
  };
  return map[head ?? ''] ?? null;
}

/** "Created 2, skipped 1" after Run now. */
export function runSummary(result: { created: number; skipped: number }): string {
  return `Created ${result.created}, skipped ${result.skipped}`;
}
