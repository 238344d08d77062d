import type { GuestRuleSettings as GuestRuleSettingsRow, Prisma } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import type { GuestRuleSet } from './guest-rules';

export type { GuestRuleSettingsRow };

/** The organization's stored guest rules (one row per organization). */
export class GuestRulesRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): GuestRulesRepository {
    return new GuestRulesRepository(tx);
  }

  find(organizationId: string): Promise<GuestRuleSettingsRow | null> {
    return this.db.guestRuleSettings.findUnique({ where: { organizationId } });
  }

  save(
    organizationId: string,
    rules: GuestRuleSet,
    updatedById: string | null,
  ): Promise<GuestRuleSettingsRow> {
    const data = {
      completeness: rules.completeness as Prisma.InputJsonValue,
      validation: rules.validation as Prisma.InputJsonValue,
      enrichment: rules.enrichment as Prisma.InputJsonValue,
      vip: rules.vip as Prisma.InputJsonValue,
      updatedById,
    };
    return this.db.guestRuleSettings.upsert({
      where: { organizationId },
      create: { organizationId, ...data },
      update: data,
    });
  }

  /** Back to the platform defaults: the organization's own rules are removed. */
  async remove(organizationId: string): Promise<void> {
    await this.db.guestRuleSettings.deleteMany({ where: { organizationId } });
  }
}
