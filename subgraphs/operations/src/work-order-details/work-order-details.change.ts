import { tenant, type Actor, type Db, type TenantActor } from '@attendant/kit';
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
   * `hidden` replaces the NOT_FOUND of a work order the actor may not see, so an item id reached
   * through someone else's job answers like an unknown item.
   */
  async run<T>(
    actor: Actor,
    workOrderId: string,
    change: DetailChange,
    apply: (
      repo: WorkOrderDetailsRepository,
      workOrder: WorkOrderRow,
      t: TenantActor,
    ) => Promise<DetailStep<T>>,
    hidden?: () => Error,
  ): Promise<T> {
    const t = tenant(actor);
    await this.visible(t, workOrderId).catch((err: unknown) => {
      throw hidden && isNotFound(err) ? hidden() : err;
    });
    try {
      return await this.db.$transaction(async (tx) => {
        const repo = this.repo.with(tx);
        const workOrder = await repo.touch(t, workOrderId);
        // Checked on the locked row, so a job closed a moment ago is seen as closed.
        if (change !== 'note' && isClosed(workOrder)) throw closed(workOrder);
        const step = await apply(repo, workOrder, t);
        if (step.event === null) throw new NoChange(step.result);
        await recordWorkOrderEvent(tx, 'WorkOrderUpdated', workOrder, { change, ...step.event });
        return step.result;
      });
    } catch (err) {
      if (err instanceof NoChange) return err.result as T;
      throw err;
    }
  }
}

export const closed = (row: WorkOrderRow) =>
  new WorkOrderDetailsError(
    WorkOrderDetailsErrorCode.Closed,
    `WO-${row.number} is ${row.status.toLowerCase()}: only notes and a rating can be added now`,
    { id: row.id },
  );
