import type {
  CatalogServiceTypeFragment,
  CreateServiceTypeInput,
  UpdateServiceTypeInput,
  WorkOrderKind,
} from '../../generated/graphql';
import { fromMinor, toMinor } from '../../shared/format';

/** The server's limits, mirrored so the form says so before saving. */
export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const MINUTES_MIN = 5;
export const MINUTES_MAX = 1440;
export const CHECKLIST_MAX_ITEMS = 30;
export const CHECKLIST_ITEM_MAX = 200;
export const SKILLS_MAX = 20;
export const DESCRIPTION_MAX = 2000;

export const SKILL_LEVELS = [
  { level: 1, label: '1 · basic' },
  { level: 2, label: '2 · skilled' },
  { level: 3, label: '3 · expert' },
] as const;

/** '' stands for "any kind" in the select (a null value would read as "nothing chosen"). */
export type KindChoice = WorkOrderKind | '';

export const KIND_CHOICES: readonly { value: KindChoice; label: string }[] = [
  { value: 'HOTEL_SERVICE', label: 'Hotel service' },
  { value: 'FIELD_JOB', label: 'Field job' },
  { value: '', label: 'Any' },
];

export function kindLabel(kind: WorkOrderKind | null | undefined): string {
  return KIND_CHOICES.find((k) => k.value === (kind ?? ''))?.label ?? 'Any';
}

export interface SkillRow {
  skillId: string;
  minLevel: number;
}

export interface ServiceTypeFormValue {
  name: string;
  description: string;
  kind: KindChoice;
  defaultMinutes: number | null;
  /** Decimal, e.g. "49.90"; empty for no price. */
  price: string;
  currency: string;
  skills: SkillRow[];
  checklist: string[];
}

/** A type (or a new one) → what the form holds. */
export function serviceTypeFormValueOf(
  type: CatalogServiceTypeFragment | null,
  defaultCurrency: string,
): ServiceTypeFormValue {
  const currency = type?.price?.currency ?? defaultCurrency;
  return {
    name: type?.name ?? '',
    description: type?.description ?? '',
    kind: type?.kind ?? '',
    defaultMinutes: type?.defaultMinutes ?? 60,
    price: type?.price ? fromMinor(type.price.amountMinor, currency) : '',
    currency,
    skills: (type?.requiredSkills ?? []).map((s) => ({
      skillId: s.skill.id,
      minLevel: s.minLevel,
    })),
    checklist: [...(type?.checklist ?? [])],
  };
}

/**
 * The form → the whole type. Create and update send every field, so an edit replaces the
 * skills and checklist; an empty price sends null, which removes the price.
 */
export function serviceTypeInputOf(
  v: ServiceTypeFormValue,
): CreateServiceTypeInput & UpdateServiceTypeInput {
  const currency = v.currency.trim().toUpperCase();
  const priceMinor = toMinor(v.price, currency || 'EUR');
  return {
    name: v.name.trim().replace(/\s+/g, ' '),
    description: v.description.trim() || null,
    kind: v.kind || null,
    defaultMinutes: v.defaultMinutes ?? 60,
    priceMinor,
    currency: priceMinor === null ? null : currency,
    checklist: v.checklist.map((c) => c.trim()).filter(Boolean),
    requiredSkills: v.skills
      .filter((s) => s.skillId)
      .map((s) => ({ skillId: s.skillId, minLevel: s.minLevel })),
  };
}

/** A copy of the list with the item at `index` moved by `delta` places (clamped). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list];
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  if (index < 0 || index >= list.length || to === index) return next;
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Skill ids chosen more than once. */
export function duplicateSkills(rows: readonly SkillRow[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of rows) {
    if (!r.skillId) continue;
    if (seen.has(r.skillId)) twice.add(r.skillId);
    seen.add(r.skillId);
  }
  return [...twice];
}

/** "Plumbing ≥ 2, Electrical ≥ 1" for the list; "—" without skills. */
export function skillsSummary(type: Pick<CatalogServiceTypeFragment, 'requiredSkills'>): string {
  if (type.requiredSkills.length === 0) return '—';
  return type.requiredSkills.map((s) => `${s.skill.name} ≥ ${s.minLevel}`).join(', ');
}

/** Matches the list's search box on the client too (the server answers by name or description). */
export function matchesSearch(
  type: Pick<CatalogServiceTypeFragment, 'name' | 'description'>,
  search: string,
): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return `${type.name} ${type.description ?? ''}`.toLowerCase().includes(q);
}

/** Where the server's `field` of a refused save belongs in the form. */
export function catalogControlOf(field: string): string | null {
  const head = field.replace(/^input\./, '').split('.')[0] ?? '';
  const map: Record<string, string> = {
    name: 'name',
    description: 'description',
    kind: 'kind',
    defaultMinutes: 'defaultMinutes',
    priceMinor: 'price',
    currency: 'currency',
    checklist: 'checklist',
    requiredSkills: 'skills',
  };
  return map[head] ?? null;
}
