import type { Prisma, WorkOrder as WorkOrderRow } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import { OPEN_STATUSES } from './work-order.transitions';
import type { WorkOrderFilter, WorkOrderOrder } from './work-order.type';

export type { WorkOrderRow };

/** Work order queries. Every query is scoped to the actor's organization. */
export class WorkOrderRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): WorkOrderRepository {
    return new WorkOrderRepository(tx);
  }

  findById(actor: TenantActor, id: string): Promise<WorkOrderRow | null> {
    return this.db.workOrder.findFirst({ where: { id, organizationId: actor.organizationId } });
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<WorkOrderRow[]> {
    return this.db.workOrder.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  findOpenByGuestIds(actor: TenantActor, guestIds: readonly string[]): Promise<WorkOrderRow[]> {
    return this.db.workOrder.findMany({
      where: {
        organizationId: actor.organizationId,
        guestId: { in: [...guestIds] },
        status: { in: [...OPEN_STATUSES] },
      },
      orderBy: [{ createdAt: 'desc' }],
    });
  }

  private where(
    actor: TenantActor,
    filter: WorkOrderFilter | undefined,
    onlyTechnicianId: string | null,
  ): Prisma.WorkOrderWhereInput {
    const where: Prisma.WorkOrderWhereInput = { organizationId: actor.organizationId };
    if (onlyTechnicianId) where.technicianId = onlyTechnicianId;
    else if (filter?.technicianId) where.technicianId = filter.technicianId;
    if (filter?.status?.length) where.status = { in: filter.status };
    if (filter?.priority?.length) where.priority = { in: filter.priority };
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.guestId) where.guestId = filter.guestId;
    if (filter?.serviceTypeId) where.serviceTypeId = filter.serviceTypeId;
    if (filter?.vendorId) where.vendorId = filter.vendorId;
    if (filter?.teamId) where.teamId = filter.teamId;
    if (filter?.unassigned === true) where.AND = [{ technicianId: null }, { vendorId: null }];
    if (filter?.unassigned === false) {
      where.AND = [{ OR: [{ technicianId: { not: null } }, { vendorId: { not: null } }] }];
    }
    if (filter?.scheduledFrom || filter?.scheduledTo) {
      where.scheduledStart = {
        gte: filter.scheduledFrom ?? undefined,
        lt: filter.scheduledTo ?? undefined,
      };
    }
    const search = filter?.search?.trim();
    if (search) {
      const number = /^(?:wo-?)?(\d{1,9})$/i.exec(search)?.[1];
      where.OR = [
        { title: { contains: search, mode: 'insensitive' } },
        { description: { contains: search, mode: 'insensitive' } },
        ...(number ? [{ number: Number(number) }] : []),
      ];
    }
    return where;
  }

  async page(
    actor: TenantActor,
    args: {
      first: number;
      after?: string | null;
      filter?: WorkOrderFilter;
      orderBy: WorkOrderOrder;
      onlyTechnicianId: string | null;
    },
  ): Promise<{ rows: WorkOrderRow[]; totalCount: () => Promise<number> }> {
    const base = this.where(actor, args.filter, args.onlyTechnicianId);
    const nullable = args.orderBy.field === 'scheduledStart' || args.orderBy.field === 'slaDueAt';
    const keyset = keysetQuery(args.orderBy.field, args.orderBy.direction, args.after, nullable);
    const where = keyset.where ? { AND: [base, keyset.where] } : base;
    // Counted only when a client selects totalCount.
    const rows = await this.db.workOrder.findMany({
      where: { ...where, organizationId: actor.organizationId },
      orderBy: keyset.orderBy as Prisma.WorkOrderOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.workOrder.count({ where: base }) };
  }

  /** Next per-organization number; call inside the creating transaction. */
  async nextNumber(organizationId: string): Promise<number> {
    const counter = await this.db.workOrderCounter.upsert({
      where: { organizationId },
      create: { organizationId, last: 1 },
      update: { last: { increment: 1 } },
    });
    return counter.last;
  }

  create(data: Prisma.WorkOrderUncheckedCreateInput): Promise<WorkOrderRow> {
    return this.db.workOrder.create({ data });
  }

  /** Updates only if the version still matches; returns null when someone else changed it first. */
  async updateVersioned(
    actor: TenantActor,
    id: string,
    version: number,
    data: Prisma.WorkOrderUncheckedUpdateInput,
  ): Promise<WorkOrderRow | null> {
    const { count } = await this.db.workOrder.updateMany({
      where: { id, organizationId: actor.organizationId, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 0 ? null : this.findById(actor, id);
  }

  technicianExists(actor: TenantActor, technicianId: string): Promise<boolean> {
    return this.db.technician
      .count({ where: { id: technicianId, organizationId: actor.organizationId } })
      .then((n) => n > 0);
  }

  vendorExists(actor: TenantActor, vendorId: string): Promise<boolean> {
    return this.db.vendor
      .count({ where: { id: vendorId, organizationId: actor.organizationId } })
      .then((n) => n > 0);
  }

  teamExists(actor: TenantActor, teamId: string): Promise<boolean> {
    return this.db.team
      .count({ where: { id: teamId, organizationId: actor.organizationId } })
      .then((n) => n > 0);
  }

  /** Copies a service type's checklist onto a new work order, in order. */
  async addChecklist(organizationId: string, workOrderId: string, labels: readonly string[]) {
    if (labels.length === 0) return;
    await this.db.workOrderChecklistItem.createMany({
      data: labels.map((label, position) => ({
        organizationId,
        workOrderId,
        position,
        label,
      })),
    });
  }

  /** Closes the timers still running on a work order (it was completed or cancelled). */
  stopRunningTimers(actor: TenantActor, workOrderId: string, at: Date): Promise<{ count: number }> {
    return this.db.workOrderTimeEntry.updateMany({
      where: { organizationId: actor.organizationId, workOrderId, endedAt: null },
      data: { endedAt: at },
    });
  }

  /** What each version after `version` changed, oldest first (at most 100). */
  revisionsSince(
    actor: TenantActor,
    workOrderId: string,
    version: number,
  ): Promise<{ version: number; fields: string[]; changedAt: Date }[]> {
    return this.db.workOrderRevision.findMany({
      where: { organizationId: actor.organizationId, workOrderId, version: { gt: version } },
      orderBy: { version: 'asc' },
      take: 100,
      select: { version: true, fields: true, changedAt: true },
    });
  }

  technicianIdOfUser(actor: TenantActor, userId: string): Promise<string | null> {
    return this.db.technician
      .findFirst({ where: { organizationId: actor.organizationId, userId }, select: { id: true } })
      .then((t) => t?.id ?? null);
  }
}
