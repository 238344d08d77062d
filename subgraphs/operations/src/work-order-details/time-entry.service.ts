import { tenant, type Actor, type Db } from '@attendant/kit';
import type { WorkOrderService } from '../work-order/work-order.service';
import { DetailChangeRunner } from './work-order-details.change';
import { WorkOrderDetailsError, WorkOrderDetailsErrorCode } from './work-order-details.errors';
import type {
  WorkOrderDetailsRepository,
  WorkOrderTimeEntry,
} from './work-order-details.repository';
import type { LogTimeInput, TimeEntry } from './work-order-details.type';

const MAX_ENTRY_MINUTES = 24 * 60;
// Device clocks drift: an entry may end a little after the server's now.
const CLOCK_SKEW_MS = 5 * 60_000;

export function timeEntry(row: WorkOrderTimeEntry): TimeEntry {
  return {
    id: row.id,
    workOrderId: row.workOrderId,
    technicianId: row.technicianId,
    userId: row.userId,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    minutes: row.endedAt
      ? Math.round((row.endedAt.getTime() - row.startedAt.getTime()) / 60_000)
      : null,
    note: row.note,
  };
}

const badRange = (message: string, field = 'endedAt') =>
  new WorkOrderDetailsError(WorkOrderDetailsErrorCode.InvalidTimeRange, message, { field });

/** Time worked on a job: logged afterwards, or measured with a start/stop timer. */
export class TimeEntryService {
  private readonly changes: DetailChangeRunner;
  private readonly repo: WorkOrderDetailsRepository;

  constructor(
    db: Db,
    private readonly workOrders: WorkOrderService,
  ) {
    this.changes = new DetailChangeRunner(db, workOrders);
    this.repo = this.changes.repo;
  }

  async timeEntriesOf(actor: Actor, workOrderIds: readonly string[]): Promise<TimeEntry[]> {
    const rows = await this.repo.timeEntriesOf(tenant(actor), workOrderIds);
    return rows.map(timeEntry);
  }

  async log(actor: Actor, input: LogTimeInput): Promise<TimeEntry> {
    const span = input.endedAt.getTime() - input.startedAt.getTime();
    if (span <= 0) throw badRange('The end must be after the start');
    if (span > MAX_ENTRY_MINUTES * 60_000) throw badRange('One entry covers at most 24 hours');
    if (input.endedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw badRange('Time cannot be logged in the future');
    }
    const own = await this.workOrders.technicianIdOf(actor);
    return this.changes.run(actor, input.workOrderId, 'time', async (repo, workOrder, t) => {
      const row = await repo.addTimeEntry(t, {
        workOrderId: workOrder.id,
        // A dispatcher logging for the job books the time to its technician.
        technicianId: own ?? workOrder.technicianId,
        userId: t.userId,
        startedAt: input.startedAt,
        endedAt: input.endedAt,
        note: input.note?.trim() || null,
      });
      return { result: timeEntry(row), event: { action: 'logged', itemId: row.id } };
    });
  }

  /** Starts the caller's timer; one already running on this job is returned as it is. */
  async start(actor: Actor, workOrderId: string): Promise<TimeEntry> {
    const userId = requireUser(actor);
    const own = await this.workOrders.technicianIdOf(actor);
    return this.changes.run(actor, workOrderId, 'time', async (repo, workOrder, t) => {
      // Checked on the locked work order, so two quick taps still make one timer.
      const running = await repo.runningTimer(t, workOrderId, userId);
      if (running) return { result: timeEntry(running), event: null };
      const row = await repo.addTimeEntry(t, {
        workOrderId,
        technicianId: own ?? workOrder.technicianId,
        userId,
        startedAt: new Date(),
      });
      return { result: timeEntry(row), event: { action: 'timer-started', itemId: row.id } };
    });
  }

  async stop(actor: Actor, workOrderId: string): Promise<TimeEntry> {
    const userId = requireUser(actor);
    return this.changes.run(actor, workOrderId, 'time', async (repo, workOrder, t) => {
      const running = await repo.runningTimer(t, workOrderId, userId);
      if (!running) {
        throw new WorkOrderDetailsError(
          WorkOrderDetailsErrorCode.NoRunningTimer,
          `You have no timer running on WO-${workOrder.number}`,
          { id: workOrderId },
        );
      }
      const row = await repo.endTimeEntry(t, running.id, new Date());
      return { result: timeEntry(row), event: { action: 'timer-stopped', itemId: row.id } };
    });
  }
}

function requireUser(actor: Actor): string {
  if (!actor.userId) {
    throw new WorkOrderDetailsError(
      WorkOrderDetailsErrorCode.TimerNeedsUser,
      'Timers belong to a signed-in user; log the time with logTime instead',
    );
  }
  return actor.userId;
}
