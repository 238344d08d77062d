import type { MaintenancePlan as MaintenancePlanRow, Prisma } from '@attendant/db';
import { isUuid, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { MaintenancePlanRow };

/** Maintenance plan queries; every one is scoped to the actor's organization. */
export class MaintenanceRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): MaintenanceRepository {
    return new MaintenanceRepository(tx);
  }

  list(actor: TenantActor): Promise<MaintenancePlanRow[]> {
    return this.db.maintenancePlan.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  findById(actor: TenantActor, id: string): Promise<MaintenancePlanRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.maintenancePlan.findFirst({
      where: { id, organizationId: actor.organizationId },
    });
  }

  findByName(actor: TenantActor, name: string): Promise<MaintenancePlanRow | null> {
    return this.db.maintenancePlan.findFirst({
      where: { organizationId: actor.organizationId, name: { equals: name, mode: 'insensitive' } },
    });
  }

  create(data: Prisma.MaintenancePlanUncheckedCreateInput): Promise<MaintenancePlanRow> {
    return this.db.maintenancePlan.create({ data });
  }

  update(
    actor: TenantActor,
    id: string,
    data: Prisma.MaintenancePlanUncheckedUpdateInput,
  ): Promise<MaintenancePlanRow> {
    return this.db.maintenancePlan.update({
      where: { id, organizationId: actor.organizationId },
      data,
    });
  }

  async delete(actor: TenantActor, id: string): Promise<void> {
    await this.db.maintenancePlan.delete({ where: { id, organizationId: actor.organizationId } });
  }

  /** Work orders each plan has generated (cancelled ones included). */
  async generatedCounts(actor: TenantActor, planIds: readonly string[]) {
    const groups = await this.db.workOrder.groupBy({
      by: ['maintenancePlanId'],
      where: { organizationId: actor.organizationId, maintenancePlanId: { in: [...planIds] } },
      _count: { _all: true },
    });
    return planIds.map((id) => ({
      id,
      count: groups.find((g) => g.maintenancePlanId === id)?._count._all ?? 0,
    }));
  }

  async exists(
    actor: TenantActor,
    model: 'serviceType' | 'team' | 'technician',
    id: string,
  ): Promise<boolean> {
    const where = { id, organizationId: actor.organizationId };
    const select = { id: true } as const;
    const row =
      model === 'serviceType'
        ? await this.db.serviceType.findFirst({ where, select })
        : model === 'team'
          ? await this.db.team.findFirst({ where, select })
          : await this.db.technician.findFirst({ where, select });
    return row !== null;
  }
}
