import type { WorkOrderStatus } from '@attendant/db';
import {
  tenant,
  pageSize,
  recordEvent,
  toPage,
  type Actor,
  type Db,
  type DbOrTx,
  type Page,
  type TenantActor,
} from '@attendant/kit';
import { WorkOrderError, WorkOrderErrorCode } from './work-order.errors';
import { WorkOrderRepository, type WorkOrderRow } from './work-order.repository';
import {
  canTransition,
  STATUSES_NEEDING_REASON,
  TECHNICIAN_STATUSES,
  TRANSITIONS,
} from './work-order.transitions';
import {
  SortDirection,
  WorkOrderSortField,
  type ChangeWorkOrderStatusInput,
  type CreateWorkOrderInput,
  type UpdateWorkOrderInput,
  type WorkOrderFilter,
  type WorkOrderOrder,
} from './work-order.type';

const DEFAULT_ORDER: WorkOrderOrder = {
  field: WorkOrderSortField.CREATED_AT,
  direction: SortDirection.DESC,
};

/** Technicians (and only they) see and move just the jobs assigned to them. */
const isFieldOnly = (actor: Actor) =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'TECHNICIAN');

export class WorkOrderService {
  private readonly repo: WorkOrderRepository;

  constructor(private readonly db: Db) {
    this.repo = new WorkOrderRepository(db);
  }

  async get(actor: Actor, id: string): Promise<WorkOrderRow> {
    const t = tenant(actor);
    const row = await this.repo.findById(t, id);
    if (!row || !(await this.visible(t, row))) throw notFound(id);
    return row;
  }

  async byIds(actor: Actor, ids: readonly string[]): Promise<WorkOrderRow[]> {
    const t = tenant(actor);
    const rows = await this.repo.findByIds(t, ids);
    if (!isFieldOnly(t)) return rows;
    const own = await this.repo.technicianIdOfUser(t, t.userId ?? '');
    return rows.filter((r) => r.technicianId === own);
  }

  async openForGuests(actor: Actor, guestIds: readonly string[]): Promise<WorkOrderRow[]> {
    return this.repo.findOpenByGuestIds(tenant(actor), guestIds);
  }

  async list(
    actor: Actor,
    args: {
      first?: number | null;
      after?: string | null;
      filter?: WorkOrderFilter;
      orderBy?: WorkOrderOrder | null;
    },
  ): Promise<Page<WorkOrderRow>> {
    const t = tenant(actor);
    const size = pageSize(args.first);
    const orderBy = args.orderBy ?? DEFAULT_ORDER;
    const onlyTechnicianId = isFieldOnly(t)
      ? ((await this.repo.technicianIdOfUser(t, t.userId ?? '')) ??
        '00000000-0000-0000-0000-000000000000')
      : null;
    const { rows, totalCount } = await this.repo.page(t, {
      first: size,
      after: args.after,
      filter: args.filter,
      orderBy,
      onlyTechnicianId,
    });
    return toPage(rows, size, orderBy.field as keyof WorkOrderRow, totalCount);
  }

  allowedTransitions(row: { status: WorkOrderStatus }): WorkOrderStatus[] {
    return [...TRANSITIONS[row.status]];
  }

  async create(actor: Actor, input: CreateWorkOrderInput): Promise<WorkOrderRow> {
    const t = tenant(actor);
    checkWindow(input.windowStart, input.windowEnd);
    if (input.technicianId && !(await this.repo.technicianExists(t, input.technicianId))) {
      throw new WorkOrderError(
        WorkOrderErrorCode.TechnicianNotFound,
        `Technician ${input.technicianId} was not found`,
        {
          field: 'technicianId',
        },
      );
    }
    if ((input.priceMinor == null) !== (input.currency == null)) {
      throw new WorkOrderError(
        WorkOrderErrorCode.InvalidWindow,
        'Give a price and its currency together',
        { field: 'currency' },
      );
    }
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      const number = await repo.nextNumber(t.organizationId);
      const scheduledEnd = input.scheduledStart
        ? new Date(input.scheduledStart.getTime() + input.estimatedMinutes * 60_000)
        : null;
      const row = await repo.create({
        organizationId: t.organizationId,
        number,
        kind: input.kind,
        title: input.title.trim(),
        description: input.description ?? null,
        priority: input.priority,
        guestId: input.guestId ?? null,
        siteId: input.siteId ?? null,
        roomId: input.roomId ?? null,
        reservationId: input.reservationId ?? null,
        technicianId: input.technicianId ?? null,
        windowStart: input.windowStart ?? null,
        windowEnd: input.windowEnd ?? null,
        scheduledStart: input.scheduledStart ?? null,
        scheduledEnd,
        slaDueAt: input.slaDueAt ?? null,
        estimatedMinutes: input.estimatedMinutes,
        priceMinor: input.priceMinor ?? null,
        currency: input.currency ?? null,
        createdById: t.userId,
      });
      await emit(tx, 'WorkOrderCreated', row);
      return row;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateWorkOrderInput,
    expectedVersion?: number | null,
  ): Promise<WorkOrderRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    if (current.status === 'COMPLETED' || current.status === 'CANCELLED') {
      throw new WorkOrderError(
        WorkOrderErrorCode.Closed,
        `WO-${current.number} is ${current.status.toLowerCase()} and can no longer be edited`,
      );
    }
    checkVersion(current, expectedVersion);
    checkWindow(input.windowStart ?? current.windowStart, input.windowEnd ?? current.windowEnd);
    if (input.technicianId && !(await this.repo.technicianExists(t, input.technicianId))) {
      throw new WorkOrderError(
        WorkOrderErrorCode.TechnicianNotFound,
        `Technician ${input.technicianId} was not found`,
        {
          field: 'technicianId',
        },
      );
    }
    const estimatedMinutes = input.estimatedMinutes ?? current.estimatedMinutes;
    const scheduledStart =
      input.scheduledStart === undefined ? current.scheduledStart : input.scheduledStart;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).updateVersioned(t, id, current.version, {
        title: input.title?.trim(),
        description: input.description,
        priority: input.priority ?? undefined,
        technicianId: input.technicianId,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        scheduledStart,
        scheduledEnd: scheduledStart
          ? new Date(scheduledStart.getTime() + estimatedMinutes * 60_000)
          : null,
        slaDueAt: input.slaDueAt,
        estimatedMinutes,
        priceMinor: input.priceMinor,
        currency: input.currency,
      });
      if (!row) throw conflict(id);
      await emit(tx, 'WorkOrderUpdated', row);
      return row;
    });
  }

  async changeStatus(actor: Actor, input: ChangeWorkOrderStatusInput): Promise<WorkOrderRow> {
    const t = tenant(actor);
    const current = await this.get(t, input.id);
    checkVersion(current, input.expectedVersion);
    const to = input.status;
    if (isFieldOnly(t)) {
      if (!TECHNICIAN_STATUSES.has(to)) {
        throw new WorkOrderError(WorkOrderErrorCode.NotYourStatus, `Only dispatch can set ${to}`);
      }
    }
    if (!canTransition(current.status, to)) {
      throw new WorkOrderError(
        WorkOrderErrorCode.InvalidTransition,
        `WO-${current.number} cannot go from ${current.status} to ${to}; allowed: ${TRANSITIONS[current.status].join(', ') || 'none (closed)'}`,
        { field: 'status', from: current.status, to, allowed: [...TRANSITIONS[current.status]] },
      );
    }
    const reason = input.reason?.trim() || null;
    if (STATUSES_NEEDING_REASON.has(to) && !reason) {
      throw new WorkOrderError(WorkOrderErrorCode.ReasonRequired, `Give a reason to set ${to}`, {
        field: 'reason',
      });
    }
    if (to === 'SCHEDULED' && (!current.technicianId || !current.scheduledStart)) {
      throw new WorkOrderError(
        WorkOrderErrorCode.NotSchedulable,
        'Assign a technician and a start time before scheduling',
        {
          field: 'status',
        },
      );
    }
    const now = new Date();
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).updateVersioned(t, current.id, current.version, {
        status: to,
        statusReason: reason,
        startedAt: to === 'IN_PROGRESS' && !current.startedAt ? now : undefined,
        completedAt: to === 'COMPLETED' ? now : undefined,
        cancelledAt: to === 'CANCELLED' ? now : undefined,
      });
      if (!row) throw conflict(current.id);
      await emit(tx, 'WorkOrderStatusChanged', row, { previousStatus: current.status });
      if (to === 'COMPLETED') await emit(tx, 'WorkOrderCompleted', row);
      return row;
    });
  }

  private async visible(actor: TenantActor, row: WorkOrderRow): Promise<boolean> {
    if (!isFieldOnly(actor)) return true;
    return (
      row.technicianId !== null &&
      row.technicianId === (await this.repo.technicianIdOfUser(actor, actor.userId ?? ''))
    );
  }
}

const notFound = (id: string) =>
  new WorkOrderError(WorkOrderErrorCode.NotFound, `Work order ${id} was not found`, { id });
const conflict = (id: string) =>
  new WorkOrderError(
    WorkOrderErrorCode.VersionConflict,
    'Someone else changed this work order; reload and try again',
    { id },
  );

function checkVersion(current: WorkOrderRow, expected: number | null | undefined): void {
  if (expected != null && expected !== current.version) throw conflict(current.id);
}

function checkWindow(start: Date | null | undefined, end: Date | null | undefined): void {
  if (start && end && end <= start) {
    throw new WorkOrderError(
      WorkOrderErrorCode.InvalidWindow,
      'The time window must end after it starts',
      { field: 'windowEnd' },
    );
  }
}

/** The event every change writes; the payload carries what subscription filters and consumers need. */
function emit(tx: DbOrTx, type: string, row: WorkOrderRow, extra: Record<string, unknown> = {}) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'WorkOrder',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      number: row.number,
      title: row.title,
      status: row.status,
      priority: row.priority,
      technicianId: row.technicianId,
      guestId: row.guestId,
      kind: row.kind,
      roomId: row.roomId,
      reservationId: row.reservationId,
      priceMinor: row.priceMinor,
      currency: row.currency,
      estimatedMinutes: row.estimatedMinutes,
      scheduledStart: row.scheduledStart?.toISOString() ?? null,
      completedAt: row.completedAt?.toISOString() ?? null,
      version: row.version,
      ...extra,
    },
  });
}
