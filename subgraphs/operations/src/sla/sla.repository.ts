import type { Prisma, SlaPolicy as SlaPolicyRow, WorkOrderPriority } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';

export type { SlaPolicyRow };

/** SLA policy queries; every one is scoped to an organization. */
export class SlaRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): SlaRepository {
    return new SlaRepository(tx);
  }

  list(organizationId: string, includeInactive: boolean): Promise<SlaPolicyRow[]> {
    return this.db.slaPolicy.findMany({
      where: { organizationId, ...(includeInactive ? {} : { active: true }) },
      orderBy: [{ name: 'asc' }],
    });
  }

  findById(organizationId: string, id: string): Promise<SlaPolicyRow | null> {
    return this.db.slaPolicy.findFirst({ where: { organizationId, id } });
  }

  findByIds(organizationId: string, ids: readonly string[]): Promise<SlaPolicyRow[]> {
    return this.db.slaPolicy.findMany({ where: { organizationId, id: { in: [...ids] } } });
  }

  /** Active policies that could apply to a work order of this type and priority. */
  applicable(
    organizationId: string,
    serviceTypeId: string | null,
    priority: WorkOrderPriority,
  ): Promise<SlaPolicyRow[]> {
    return this.db.slaPolicy.findMany({
      where: {
        organizationId,
        active: true,
        AND: [
          { OR: [{ serviceTypeId: null }, ...(serviceTypeId ? [{ serviceTypeId }] : [])] },
          { OR: [{ priority: null }, { priority }] },
        ],
      },
    });
  }

  findNameClash(organizationId: string, name: string, exceptId?: string) {
    return this.db.slaPolicy.findFirst({
      where: {
        organizationId,
        name: { equals: name, mode: 'insensitive' },
        ...(exceptId ? { NOT: { id: exceptId } } : {}),
      },
      select: { id: true, name: true },
    });
  }

  /** Another active policy for exactly this service type and priority (null = any). */
  findScopeClash(
    organizationId: string,
    scope: { serviceTypeId: string | null; priority: WorkOrderPriority | null },
    exceptId?: string,
  ) {
    return this.db.slaPolicy.findFirst({
      where: {
        organizationId,
        active: true,
        serviceTypeId: scope.serviceTypeId,
        priority: scope.priority,
        ...(exceptId ? { NOT: { id: exceptId } } : {}),
      },
      select: { id: true, name: true },
    });
  }

  create(data: Prisma.SlaPolicyUncheckedCreateInput): Promise<SlaPolicyRow> {
    return this.db.slaPolicy.create({ data });
  }

  async update(
    organizationId: string,
    id: string,
    data: Prisma.SlaPolicyUncheckedUpdateManyInput,
  ): Promise<SlaPolicyRow | null> {
    const { count } = await this.db.slaPolicy.updateMany({ where: { organizationId, id }, data });
    return count === 0 ? null : this.findById(organizationId, id);
  }

  async delete(organizationId: string, id: string): Promise<boolean> {
    const { count } = await this.db.slaPolicy.deleteMany({ where: { organizationId, id } });
    return count > 0;
  }

  async organizationTimezone(organizationId: string): Promise<string> {
    const org = await this.db.organization.findUnique({
      where: { id: organizationId },
      select: { timezone: true },
    });
    return org?.timezone ?? 'UTC';
  }

  serviceTypeExists(organizationId: string, id: string): Promise<boolean> {
    return this.db.serviceType.count({ where: { organizationId, id } }).then((n) => n > 0);
  }
}
