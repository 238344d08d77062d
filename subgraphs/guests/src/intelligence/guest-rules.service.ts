import { requireRoles, type Actor, type Db, type Role } from '@attendant/kit';
import { GuestRulesError, GuestRulesErrorCode } from './guest-rules.errors';
import type { GuestIntelligence } from './guest-intelligence.service';
import { GuestRulesRepository } from './guest-rules.repository';
import { checkGuestRuleSet, effectiveRules, type GuestRuleSet } from './guest-rules';
import type {
  GuestProfileField,
  GuestRuleSettings,
  GuestRuleSettingsInput,
} from './guest-rules.type';

/** Who may read the rules; only admins change them. */
export const RULE_READERS: Role[] = ['ADMIN', 'MANAGER', 'ANALYST'];
export const RULE_WRITERS: Role[] = ['ADMIN'];

/** Reads and changes an organization's guest rules; a change recomputes every guest. */
export class GuestRulesService {
  private readonly repo: GuestRulesRepository;

  constructor(
    db: Db,
    private readonly intelligence: GuestIntelligence,
  ) {
    this.repo = new GuestRulesRepository(db);
  }

  async get(actor: Actor): Promise<GuestRuleSettings> {
    const t = requireRoles(actor, RULE_READERS);
    const row = await this.repo.find(t.organizationId);
    return view(effectiveRules(row), row?.updatedAt ?? null, row === null, null);
  }

  async update(actor: Actor, input: GuestRuleSettingsInput): Promise<GuestRuleSettings> {
    const t = requireRoles(actor, RULE_WRITERS);
    const check = checkGuestRuleSet(fromInput(input));
    if (!check.ok) {
      const [first] = check.issues;
      throw new GuestRulesError(
        GuestRulesErrorCode.InvalidRules,
        check.issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        { field: first?.field, issues: check.issues },
      );
    }
    const row = await this.repo.save(t.organizationId, check.rules, t.userId);
    // After the save commits: each batch of guests is its own transaction.
    const recomputed = await this.intelligence.refreshAll(t.organizationId, t.userId);
    return view(check.rules, row.updatedAt, false, recomputed);
  }

  async reset(actor: Actor): Promise<GuestRuleSettings> {
    const t = requireRoles(actor, RULE_WRITERS);
    await this.repo.remove(t.organizationId);
    const recomputed = await this.intelligence.refreshAll(t.organizationId, t.userId);
    return view(effectiveRules(null), null, true, recomputed);
  }
}

function fromInput(input: GuestRuleSettingsInput): unknown {
  const { phonePattern, ...validation } = input.validation;
  return {
    completeness: input.completeness,
    validation: { ...validation, ...(phonePattern?.trim() ? { phonePattern } : {}) },
    enrichment: input.enrichment,
    vip: {
      ...input.vip,
      minStays: input.vip.minStays ?? null,
      minSpendMinor: input.vip.minSpendMinor ?? null,
    },
  };
}

function view(
  rules: GuestRuleSet,
  updatedAt: Date | null,
  isDefault: boolean,
  recomputedGuests: number | null,
): GuestRuleSettings {
  return {
    completeness: rules.completeness.map((r) => ({
      ...r,
      field: r.field as GuestProfileField,
    })),
    validation: {
      emailFormat: rules.validation.emailFormat,
      phoneFormat: rules.validation.phoneFormat,
      phonePattern: rules.validation.phonePattern ?? null,
      required: rules.validation.required.map((r) => ({
        guestKind: r.guestKind,
        fields: r.fields as GuestProfileField[],
      })),
    },
    enrichment: rules.enrichment,
    vip: rules.vip,
    isDefault,
    updatedAt,
    recomputedGuests,
  };
}
