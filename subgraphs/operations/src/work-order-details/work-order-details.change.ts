import { tenant, type Actor, type Db, type TenantActor } from '@attendant/kit';
import {
  claimKey,
  recordUnchanged,
  Replayed,
  replayed,
  settleKey,
  type IdempotencyRequest,
} from '../shared/idempotency';
import { WorkOrderError, WorkOrderErrorCode } from '../work-order/work-order.errors';
import { recordWorkOrderEvent } from '../work-order/work-order.events';
import type { WorkOrderRow } from '../work-order/work-order.repository';
import type { WorkOrderService } from '../work-order/work-order.service';
import { WorkOrderDetailsError, WorkOrderDetailsErrorCode } from './work-order-details.errors';
import { WorkOrderDetailsRepository } from './work-order-details.repository';

/** What changed, as the `change` field of the `WorkOrderUpdated` event. */
export type DetailChange = 'checklist' | 'note' | 'attachment' | 'part' | 'time';

export interface DetailStep<T> {
  result: T;
  /** Extra event payload, e.g. `{ action: 'added', itemId }`; null: nothing changed after all. */
  event: Record<string, unknown> | null;
}

/** Rolls back the version bump of a change that turned out to change nothing. */
class NoChange {
  constructor(readonly result: unknown) {}
}

export type DetailApply<T> = (
  repo: WorkOrderDetailsRepository,
  workOrder: WorkOrderRow,
  t: TenantActor,
) => Promise<DetailStep<T>>;

export interface DetailChangeOptions<T> {
  /**
   * Replaces the NOT_FOUND of a work order the actor may not see, so an item id reached through
   * someone else's job answers like an unknown item.
   */
  hidden?: () => Error;
  /** The mutation's idempotency key, and how to load a stored result again by its id. */
  idempotency?: { request: IdempotencyRequest | null; replay: (resultId: string) => Promise<T> };
  /**
   * Evidence of work done (notes, checklist ticks, time, parts, files): the technician a job was
   * handed away from while they worked it offline may still file it, so nothing done is lost.
   */
  evidence?: boolean;
}

const isNotFound = (err: unknown) =>
  err instanceof WorkOrderError && err.code === WorkOrderErrorCode.NotFound;

export const isClosed = (row: WorkOrderRow) =>
  row.status === 'COMPLETED' || row.status === 'CANCELLED';

/**
 * Runs one change to a work order's details with the rules they share: the actor must see the
 * work order (technicians: only their own jobs, others answer NOT_FOUND), closed orders take only
 * notes, and the change, the version bump and its `WorkOrderUpdated` event commit together.
 */
export class DetailChangeRunner {
  readonly repo: WorkOrderDetailsRepository;

  constructor(
    private readonly db: Db,
    private readonly workOrders: WorkOrderService,
  ) {
    this.repo = new WorkOrderDetailsRepository(db);
  }

  /** The work order, if the actor may see it; NOT_FOUND otherwise. */
  async visible(actor: Actor, workOrderId: string): Promise<WorkOrderRow> {
    return this.workOrders.get(actor, workOrderId);
  }

  /**
   * Applies one change in a transaction that bumps the version and records the event. With an
   * idempotency key, a replay answers with the stored result and changes nothing.
   */
  async run<T extends { id: string }>(
    actor: Actor,
    workOrderId: string,
    change: DetailChange,
    apply: DetailApply<T>,
    options: DetailChangeOptions<T> = {},
  ): Promise<T> {
    const t = tenant(actor);
    const request = options.idempotency?.request ?? null;
    await this.mayChange(t, workOrderId, options);
    try {
      return await this.db.$transaction(async (tx) => {
        if (request) await claimKey(tx, t, request);
        const repo = this.repo.with(tx);
        const workOrder = await repo.touch(t, workOrderId);
        // Checked on the locked row, so a job closed a moment ago is seen as closed.
        if (change !== 'note' && isClosed(workOrder)) throw closed(workOrder);
        const step = await apply(repo, workOrder, t);
        if (step.event === null) throw new NoChange(step.result);
        await recordWorkOrderEvent(tx, 'WorkOrderUpdated', workOrder, { change, ...step.event });
        if (request) await settleKey(tx, t, request.key, step.result.id);
        return step.result;
      });
    } catch (err) {
      if (err instanceof Replayed) return replayed(err, options.idempotency?.replay);
      if (err instanceof NoChange) {
        const result = err.result as T;
        if (request) await recordUnchanged(this.db, t, request, result.id);
        return result;
      }
      throw err;
    }
  }

  /** The actor may change this work order's details (or file evidence on a job handed away). */
  async mayChange(
    t: TenantActor,
    workOrderId: string,
    options: DetailChangeOptions<unknown>,
  ): Promise<void> {
    try {
      await this.visible(t, workOrderId);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      if (options.evidence && (await this.workOrders.handedAwayFrom(t, workOrderId))) return;
      throw options.hidden ? options.hidden() : err;
    }
  }
}

export const closed = (row: WorkOrderRow) =>
  new WorkOrderDetailsError(
    WorkOrderDetailsErrorCode.Closed,
    `WO-${row.number} is ${row.status.toLowerCase()}: only notes and a rating can be added now`,
    { id: row.id },
  );
