import { tenant, type Actor, type Db } from '@attendant/kit';
import { idempotency, type IdempotencyRequest } from '../shared/idempotency';
import type { WorkOrderService } from '../work-order/work-order.service';
import { DetailChangeRunner, type DetailApply } from './work-order-details.change';
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
    return this.run(
      actor,
      input.workOrderId,
      idempotency(input.idempotencyKey, 'logTime'),
      async (repo, workOrder, t) => {
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
      },
    );
  }

  /**
   * Starts the caller's timer, at `at` when the device started it offline; one already running
   * on this job is returned as it is.
   */
  async start(
    actor: Actor,
    workOrderId: string,
    options: { idempotencyKey?: string | null; at?: Date | null } = {},
  ): Promise<TimeEntry> {
    const userId = requireUser(actor);
    const at = deviceTime(options.at);
    const own = await this.workOrders.technicianIdOf(actor);
    return this.run(
      actor,
      workOrderId,
      idempotency(options.idempotencyKey, 'startTimer'),
      async (repo, workOrder, t) => {
        // Checked on the locked work order, so two quick taps still make one timer.
        const running = await repo.runningTimer(t, workOrderId, userId);
        if (running) return { result: timeEntry(running), event: null };
        const row = await repo.addTimeEntry(t, {
          workOrderId,
          technicianId: own ?? workOrder.technicianId,
          userId,
          startedAt: at,
        });
        return { result: timeEntry(row), event: { action: 'timer-started', itemId: row.id } };
      },
    );
  }

  async stop(
    actor: Actor,
    workOrderId: string,
    options: { idempotencyKey?: string | null; at?: Date | null } = {},
  ): Promise<TimeEntry> {
    const userId = requireUser(actor);
    const at = deviceTime(options.at);
    return this.run(
      actor,
      workOrderId,
      idempotency(options.idempotencyKey, 'stopTimer'),
      async (repo, workOrder, t) => {
        const running = await repo.runningTimer(t, workOrderId, userId);
        if (!running) {
          throw new WorkOrderDetailsError(
            WorkOrderDetailsErrorCode.NoRunningTimer,
            `You have no timer running on WO-${workOrder.number}`,
            { id: workOrderId },
          );
        }
        // A stop recorded offline before the start reached the server still ends after it.
        const endedAt = at > running.startedAt ? at : new Date(running.startedAt.getTime() + 1000);
        const row = await repo.endTimeEntry(t, running.id, endedAt);
        return { result: timeEntry(row), event: { action: 'timer-stopped', itemId: row.id } };
      },
    );
  }

  /** Time is evidence of work done: it is kept even on a job handed away meanwhile. */
  private run(
    actor: Actor,
    workOrderId: string,
    request: IdempotencyRequest | null,
    apply: DetailApply<TimeEntry>,
  ): Promise<TimeEntry> {
    return this.changes.run(actor, workOrderId, 'time', apply, {
      evidence: true,
      idempotency: {
        request,
        replay: async (entryId) => {
          const row = await this.repo.findTimeEntry(tenant(actor), entryId);
          if (!row) throw badRange(`Time entry ${entryId} was not found`, 'idempotencyKey');
          return timeEntry(row);
        },
      },
    });
  }
}

/** When something happened on the device: now by default, never in the future. */
function deviceTime(at: Date | null | undefined): Date {
  const now = Date.now();
  if (!at) return new Date(now);
  if (at.getTime() > now + CLOCK_SKEW_MS)
    throw badRange('A timer cannot start or stop in the future', 'at');
  if (at.getTime() < now - MAX_ENTRY_MINUTES * 60_000 * 7) {
    throw badRange('A timer older than a week cannot be recorded; log the time instead', 'at');
  }
  return at;
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
