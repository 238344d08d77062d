import type { WorkOrderStatus } from '@attendant/db';
import {
  tenant,
  pageSize,
  toPage,
  type Actor,
  type Db,
  type DbOrTx,
  type Page,
  type TenantActor,
  type Tx,
} from '@attendant/kit';
import { CatalogService } from '../catalog/catalog.service';
import { ConflictService } from '../dispatch/conflict.service';
import { scheduleRefused } from '../dispatch/dispatch.errors';
import {
  claimKey,
  idempotency,
  Replayed,
  replayed,
  settleKey,
  storedResult,
} from '../shared/idempotency';
import { SlaService } from '../sla/sla.service';
import { WorkOrderError, WorkOrderErrorCode } from './work-order.errors';
import { recordWorkOrderEvent } from './work-order.events';
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

/** Moving to one of these the first time answers the SLA's response target. */
const RESPONSE_STATUSES: ReadonlySet<WorkOrderStatus> = new Set([
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
]);

/** Technicians (and only they) see and move just the jobs assigned to them. */
export const isFieldOnly = (actor: Actor) =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'TECHNICIAN');

export class WorkOrderService {
  private readonly repo: WorkOrderRepository;
  private readonly catalog: CatalogService;
  private readonly sla: SlaService;

  constructor(private readonly db: Db) {
    this.repo = new WorkOrderRepository(db);
    this.catalog = new CatalogService(db);
    this.sla = new SlaService(db);
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
    checkAssignee(input.technicianId ?? null, input.vendorId ?? null);
    if ((input.priceMinor == null) !== (input.currency == null)) {
      throw new WorkOrderError(
        WorkOrderErrorCode.InvalidWindow,
        'Give a price and its currency together',
        { field: 'currency' },
      );
    }
    await this.checkReferences(t, input);
    if (input.reworkOfId && !(await this.repo.findById(t, input.reworkOfId))) {
      throw new WorkOrderError(
        WorkOrderErrorCode.ReworkOfNotFound,
        `Work order ${input.reworkOfId} (the job being redone) was not found`,
        { field: 'reworkOfId' },
      );
    }
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      const type = input.serviceTypeId ? await this.serviceType(tx, t, input.serviceTypeId) : null;
      const estimatedMinutes = input.estimatedMinutes ?? type?.defaultMinutes ?? 60;
      const typePrice = type?.priceMinor != null && type.currency ? type : null;
      const createdAt = new Date();
      // An explicit deadline overrides the policies; it has no response target.
      const sla = input.slaDueAt
        ? null
        : await this.sla.targetsFor(tx, t.organizationId, {
            serviceTypeId: type?.id ?? null,
            priority: input.priority,
            createdAt,
          });
      const number = await repo.nextNumber(t.organizationId);
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
        vendorId: input.vendorId ?? null,
        teamId: input.teamId ?? null,
        serviceTypeId: type?.id ?? null,
        reworkOfId: input.reworkOfId ?? null,
        windowStart: input.windowStart ?? null,
        windowEnd: input.windowEnd ?? null,
        scheduledStart: input.scheduledStart ?? null,
        scheduledEnd: input.scheduledStart
          ? new Date(input.scheduledStart.getTime() + estimatedMinutes * 60_000)
          : null,
        slaPolicyId: sla?.slaPolicyId ?? null,
        responseDueAt: sla?.responseDueAt ?? null,
        slaDueAt: input.slaDueAt ?? sla?.slaDueAt ?? null,
        estimatedMinutes,
        priceMinor: input.priceMinor ?? typePrice?.priceMinor ?? null,
        currency: input.currency ?? typePrice?.currency ?? null,
        createdById: t.userId,
        createdAt,
      });
      await repo.addChecklist(t.organizationId, row.id, type?.checklist ?? []);
      await guardSchedule(tx, row, null);
      await recordWorkOrderEvent(tx, 'WorkOrderCreated', row, { changedById: t.userId });
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
    await this.mergeable(t, current, expectedVersion, changedFields(input));
    checkWindow(input.windowStart ?? current.windowStart, input.windowEnd ?? current.windowEnd);
    checkAssignee(
      input.technicianId === undefined ? current.technicianId : input.technicianId,
      input.vendorId === undefined ? current.vendorId : input.vendorId,
    );
    const reassigning =
      (input.technicianId !== undefined && input.technicianId !== current.technicianId) ||
      (input.vendorId !== undefined && input.vendorId !== current.vendorId);
    if (reassigning && UNDER_WAY.has(current.status)) {
      throw new WorkOrderError(
        WorkOrderErrorCode.InvalidTransition,
        `WO-${current.number} is ${current.status.toLowerCase().replace('_', ' ')}: put it on hold before handing it to someone else`,
        { field: 'technicianId', status: current.status },
      );
    }
    await this.checkReferences(t, input);
    if (input.serviceTypeId && input.serviceTypeId !== current.serviceTypeId) {
      await this.serviceType(this.db, t, input.serviceTypeId);
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
        vendorId: input.vendorId,
        teamId: input.teamId,
        serviceTypeId: input.serviceTypeId,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        scheduledStart,
        scheduledEnd: scheduledStart
          ? new Date(scheduledStart.getTime() + estimatedMinutes * 60_000)
          : null,
        slaDueAt: input.slaDueAt,
        // A moved deadline is watched again: the monitor warns and breaches it afresh.
        ...(input.slaDueAt !== undefined &&
        (input.slaDueAt?.getTime() ?? null) !== (current.slaDueAt?.getTime() ?? null)
          ? { slaWarnedAt: null, slaBreachedAt: null }
          : {}),
        estimatedMinutes,
        priceMinor: input.priceMinor,
        currency: input.currency,
      });
      if (!row) throw conflict(id);
      await guardSchedule(tx, row, current);
      await recordWorkOrderEvent(tx, 'WorkOrderUpdated', row);
      return row;
    });
  }

  async changeStatus(actor: Actor, input: ChangeWorkOrderStatusInput): Promise<WorkOrderRow> {
    const t = tenant(actor);
    const request = idempotency(input.idempotencyKey, 'changeWorkOrderStatus');
    const replay = (id: string) => this.stored(t, id);
    // A replay answers before any rule is checked: the job may have moved on since.
    if (request) {
      const done = await storedResult(this.db, t, request);
      if (done) return replay(done);
    }
    const current = await this.forStatusChange(t, input.id);
    // A technician's move is field truth: it merges whenever the status machine still allows it.
    if (!isFieldOnly(t)) await this.mergeable(t, current, input.expectedVersion, ['status']);
    else if (input.expectedVersion != null && input.expectedVersion > current.version) {
      throw conflict(current.id);
    }
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
        {
          field: 'status',
          from: current.status,
          to,
          allowed: [...TRANSITIONS[current.status]],
          currentStatus: current.status,
          currentVersion: current.version,
        },
      );
    }
    const reason = input.reason?.trim() || null;
    if (STATUSES_NEEDING_REASON.has(to) && !reason) {
      throw new WorkOrderError(WorkOrderErrorCode.ReasonRequired, `Give a reason to set ${to}`, {
        field: 'reason',
      });
    }
    if (
      to === 'SCHEDULED' &&
      ((!current.technicianId && !current.vendorId) || !current.scheduledStart)
    ) {
      throw new WorkOrderError(
        WorkOrderErrorCode.NotSchedulable,
        'Assign a technician or a vendor and a start time before scheduling',
        { field: 'status' },
      );
    }
    const now = new Date();
    try {
      return await this.db.$transaction(async (tx) => {
        if (request) await claimKey(tx, t, request);
        const repo = this.repo.with(tx);
        const row = await repo.updateVersioned(t, current.id, current.version, {
          status: to,
          statusReason: reason,
          startedAt: to === 'IN_PROGRESS' && !current.startedAt ? now : undefined,
          respondedAt: RESPONSE_STATUSES.has(to) && !current.respondedAt ? now : undefined,
          completedAt: to === 'COMPLETED' ? now : undefined,
          cancelledAt: to === 'CANCELLED' ? now : undefined,
        });
        if (!row) throw conflict(current.id);
        // Nobody can log time on a closed job, so timers left running end with it.
        if (to === 'COMPLETED' || to === 'CANCELLED') await repo.stopRunningTimers(t, row.id, now);
        await recordWorkOrderEvent(tx, 'WorkOrderStatusChanged', row, {
          previousStatus: current.status,
          changedById: t.userId,
        });
        if (to === 'COMPLETED')
          await recordWorkOrderEvent(tx, 'WorkOrderCompleted', row, { changedById: t.userId });
        if (request) await settleKey(tx, t, request.key, row.id);
        return row;
      });
    } catch (err) {
      if (err instanceof Replayed) return replayed(err, replay);
      throw err;
    }
  }

  /** What each version after `version` changed, oldest first (at most 100). */
  changesSince(actor: Actor, workOrderId: string, version: number) {
    return this.repo.revisionsSince(tenant(actor), workOrderId, version);
  }

  /**
   * True when the actor is the technician this job was handed away from: they may still file
   * the evidence of work they did on it (offline, before they heard), though they no longer see it.
   */
  async handedAwayFrom(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    if (!isFieldOnly(t) || !t.userId) return false;
    const row = await this.repo.findById(t, id);
    if (!row?.previousTechnicianId) return false;
    const own = await this.repo.technicianIdOfUser(t, t.userId);
    return own !== null && row.previousTechnicianId === own && row.technicianId !== own;
  }

  /** The job to move; a technician it was handed away from hears so (CONFLICT, REASSIGNED). */
  private async forStatusChange(t: TenantActor, id: string): Promise<WorkOrderRow> {
    try {
      return await this.get(t, id);
    } catch (err) {
      if (!(err instanceof WorkOrderError && err.code === WorkOrderErrorCode.NotFound)) throw err;
      if (!(await this.handedAwayFrom(t, id))) throw err;
      const row = await this.repo.findById(t, id);
      throw new WorkOrderError(
        WorkOrderErrorCode.Reassigned,
        `WO-${row?.number ?? '?'} was handed to someone else by dispatch; your status change was not applied (notes, photos and time you recorded are kept on the job)`,
        { id },
      );
    }
  }

  /** The work order a replayed call produced, as it is now (even if no longer the caller's). */
  private async stored(t: TenantActor, id: string): Promise<WorkOrderRow> {
    const row = await this.repo.findById(t, id);
    if (!row) throw notFound(id);
    return row;
  }

  /**
   * A write based on an older version is merged when the versions since changed none of the
   * fields it writes; otherwise CONFLICT names the fields (the server's values win).
   */
  private async mergeable(
    t: TenantActor,
    current: WorkOrderRow,
    expected: number | null | undefined,
    fields: readonly string[],
  ): Promise<void> {
    if (expected == null || expected === current.version) return;
    if (expected > current.version) throw conflict(current.id);
    const revisions = await this.repo.revisionsSince(t, current.id, expected);
    // Versions from before revisions were recorded are unknown: they might overlap.
    const known = revisions.length === current.version - expected;
    const changed = new Set(revisions.flatMap((r) => r.fields));
    const overlap = known ? fields.filter((f) => changed.has(f)) : [...fields];
    if (overlap.length === 0) return;
    throw new WorkOrderError(
      WorkOrderErrorCode.VersionConflict,
      `Someone else changed WO-${current.number} (${overlap.join(', ')}) since you loaded it; reload and try again`,
      { id: current.id, fields: overlap, currentVersion: current.version },
    );
  }

  /** The technician record of a signed-in user, if they are one. */
  technicianIdOf(actor: Actor): Promise<string | null> {
    const t = tenant(actor);
    return t.userId ? this.repo.technicianIdOfUser(t, t.userId) : Promise.resolve(null);
  }

  /** Technicians, vendors and teams named by an input must exist in the actor's organization. */
  private async checkReferences(
    t: TenantActor,
    input: { technicianId?: string | null; vendorId?: string | null; teamId?: string | null },
  ): Promise<void> {
    if (input.technicianId && !(await this.repo.technicianExists(t, input.technicianId))) {
      throw new WorkOrderError(
        WorkOrderErrorCode.TechnicianNotFound,
        `Technician ${input.technicianId} was not found`,
        { field: 'technicianId' },
      );
    }
    if (input.vendorId && !(await this.repo.vendorExists(t, input.vendorId))) {
      throw new WorkOrderError(
        WorkOrderErrorCode.VendorNotFound,
        `Vendor ${input.vendorId} was not found`,
        { field: 'vendorId' },
      );
    }
    if (input.teamId && !(await this.repo.teamExists(t, input.teamId))) {
      throw new WorkOrderError(
        WorkOrderErrorCode.TeamNotFound,
        `Team ${input.teamId} was not found`,
        {
          field: 'teamId',
        },
      );
    }
  }

  private async serviceType(tx: DbOrTx, t: TenantActor, id: string) {
    const type = await this.catalog.loadServiceType(tx, t.organizationId, id);
    if (!type) {
      throw new WorkOrderError(
        WorkOrderErrorCode.ServiceTypeNotFound,
        `Service type ${id} was not found`,
        { field: 'serviceTypeId' },
      );
    }
    if (!type.active) {
      throw new WorkOrderError(
        WorkOrderErrorCode.ServiceTypeInactive,
        `Service type "${type.name}" is no longer offered; choose an active one`,
        { field: 'serviceTypeId' },
      );
    }
    return type;
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

/** The work order columns an update writes, named as revisions name them. */
function changedFields(input: UpdateWorkOrderInput): string[] {
  const fields = Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  if (fields.includes('scheduledStart') || fields.includes('estimatedMinutes')) {
    fields.push('scheduledEnd');
  }
  return fields;
}

function checkAssignee(technicianId: string | null, vendorId: string | null): void {
  if (technicianId && vendorId) {
    throw new WorkOrderError(
      WorkOrderErrorCode.TechnicianOrVendor,
      'A job goes to a technician or to a vendor, not both: unassign one first',
      { field: 'vendorId' },
    );
  }
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

/** Jobs a technician is travelling to or working on: their assignee is not changed in passing. */
const UNDER_WAY: ReadonlySet<WorkOrderStatus> = new Set(['EN_ROUTE', 'ARRIVED', 'IN_PROGRESS']);

/**
 * A technician and a start set here (not only on the dispatch board) meet the same checks: the
 * technician is locked, the saved booking is checked inside the transaction, and blocking
 * conflicts roll it back. Forcing a booking despite conflicts is done on the board.
 */
async function guardSchedule(
  tx: Tx,
  row: WorkOrderRow,
  before: WorkOrderRow | null,
): Promise<void> {
  if (!row.technicianId || !row.scheduledStart || !row.scheduledEnd) return;
  if (
    before &&
    before.technicianId === row.technicianId &&
    before.scheduledStart?.getTime() === row.scheduledStart.getTime() &&
    before.scheduledEnd?.getTime() === row.scheduledEnd.getTime()
  )
    return;
  const conflicts = await new ConflictService(tx).checkLocked(row.organizationId, {
    workOrderId: row.id,
    technicianId: row.technicianId,
    start: row.scheduledStart,
    end: row.scheduledEnd,
  });
  if (conflicts.some((c) => c.blocking)) throw scheduleRefused(`WO-${row.number}`, conflicts);
}
