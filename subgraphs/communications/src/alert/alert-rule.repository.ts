import type { AlertRule, Prisma } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

/** Alert rules and routable staff of the actor's organization. */
export class AlertRuleRepository {
  constructor(private readonly db: DbOrTx) {}

  list(t: TenantActor): Promise<AlertRule[]> {
    return this.db.alertRule.findMany({ where: { organizationId: t.organizationId } });
  }

  upsert(t: TenantActor, data: Omit<Prisma.AlertRuleUncheckedCreateInput, 'organizationId'>) {
    const organizationId = t.organizationId;
    return this.db.alertRule.upsert({
      where: { organizationId_kind: { organizationId, kind: data.kind } },
      create: { ...data, organizationId },
      update: data,
    });
  }

  staffByIds(t: TenantActor, userIds: readonly string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.db.staffProjection.findMany({
      where: { organizationId: t.organizationId, userId: { in: [...userIds] } },
    });
  }

  staff(t: TenantActor) {
    return this.db.staffProjection.findMany({
      where: { organizationId: t.organizationId, active: true },
      orderBy: { name: 'asc' },
      take: 500,
    });
  }
}
