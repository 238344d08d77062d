import type { AutomationRule as AutomationRuleRow, Prisma } from '@attendant/db';
import { isUuid, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { AutomationRuleRow };

/** Automation rule queries; every one is scoped to the actor's organization. */
export class AutomationRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): AutomationRepository {
    return new AutomationRepository(tx);
  }

  list(actor: TenantActor): Promise<AutomationRuleRow[]> {
    return this.db.automationRule.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  findById(actor: TenantActor, id: string): Promise<AutomationRuleRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.automationRule.findFirst({
      where: { id, organizationId: actor.organizationId },
    });
  }

  findByName(actor: TenantActor, name: string): Promise<AutomationRuleRow | null> {
    return this.db.automationRule.findFirst({
      where: { organizationId: actor.organizationId, name: { equals: name, mode: 'insensitive' } },
    });
  }

  create(data: Prisma.AutomationRuleUncheckedCreateInput): Promise<AutomationRuleRow> {
    return this.db.automationRule.create({ data });
  }

  update(
    actor: TenantActor,
    id: string,
    data: Prisma.AutomationRuleUncheckedUpdateInput,
  ): Promise<AutomationRuleRow> {
    return this.db.automationRule.update({
      where: { id, organizationId: actor.organizationId },
      data,
    });
  }

  async delete(actor: TenantActor, id: string): Promise<void> {
    await this.db.automationRule.delete({ where: { id, organizationId: actor.organizationId } });
  }

  serviceType(actor: TenantActor, id: string): Promise<{ id: string; active: boolean } | null> {
    return this.db.serviceType.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: { id: true, active: true },
    });
  }

  async teamExists(actor: TenantActor, id: string): Promise<boolean> {
    const team = await this.db.team.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: { id: true },
    });
    return team !== null;
  }
}
