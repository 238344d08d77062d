import type { WorkOrderKind, WorkOrderServiceTypeOptionsQuery } from '../generated/graphql';
import { fromMinor } from '../shared/format';

export type ServiceTypeOption = WorkOrderServiceTypeOptionsQuery['serviceTypes'][number];

/**
 * The types a work order of this kind can take: active ones for its kind (or for any kind), plus
 * the one it already has even when it was deactivated since.
 */
export function serviceTypeChoices(
  types: readonly ServiceTypeOption[],
  kind: WorkOrderKind,
  currentId: string,
): ServiceTypeOption[] {
  return types.filter(
    (t) => t.id === currentId || (t.active && (t.kind === null || t.kind === kind)),
  );
}

/** Values a chosen service type fills in: its duration, and its price when it has one. */
export function prefillOf(type: ServiceTypeOption): {
  estimatedMinutes: number;
  price?: string;
  currency?: string;
} {
  if (!type.price) return { estimatedMinutes: type.defaultMinutes };
  return {
    estimatedMinutes: type.defaultMinutes,
    price: fromMinor(type.price.amountMinor, type.price.currency),
    currency: type.price.currency,
  };
}

/** "Requires Plumbing (level 3+), Gas safety (level 1+)"; null without required skills. */
export function requiredSkillsText(
  type: Pick<ServiceTypeOption, 'requiredSkills'> | null | undefined,
): string | null {
  const skills = type?.requiredSkills ?? [];
  if (skills.length === 0) return null;
  return `Requires ${skills.map((s) => `${s.skill.name} (level ${s.minLevel}+)`).join(', ')}`;
}
