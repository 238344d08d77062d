import { Prisma, type StaffTask as StaffTaskRow } from '@attendant/db';
import type { Db, Logger, StopBackground } from '@attendant/kit';
import { emitTaskEvent } from './task.rules';

/*
 * Escalation of overdue staff tasks. An open task past its due time goes to level 1; still open
 * 60 minutes after it was due, to level 2 (and its priority rises one step, never above
 * EMERGENCY); after 240 minutes, to level 3. Each level is reached by one conditional UPDATE
 * (`… WHERE "escalationLevel" < n RETURNING`) in the transaction that writes its
 * StaffTaskEscalated event, so a level is reached, and announced, exactly once even when the job
 * runs twice or in several processes at the same time: a second runner either skips the rows the
 * first has locked or, re-checking the condition after the first commits, finds nothing to do.
 * A task climbs one level per step (it is picked only from level n - 1), so a task that was
 * locked during one step is not carried past it unannounced; a long-overdue task still climbs
 * every level in one run, with one event each.
 */
export const ESCALATION_STEPS = [
  { level: 1, afterMinutes: 0, raisePriority: false },
  { level: 2, afterMinutes: 60, raisePriority: true },
  { level: 3, afterMinutes: 240, raisePriority: false },
] as const;

const BATCH = 500;

type EscalatedRow = Pick<
  StaffTaskRow,
  | 'id'
  | 'organizationId'
  | 'title'
  | 'priority'
  | 'status'
  | 'dueAt'
  | 'assigneeId'
  | 'escalationLevel'
  | 'guestId'
  | 'reservationId'
  | 'workOrderId'
  | 'version'
>;

const RAISED_PRIORITY = Prisma.sql`, "priority" = (CASE t."priority"
  WHEN 'LOW' THEN 'NORMAL' WHEN 'NORMAL' THEN 'HIGH' ELSE 'EMERGENCY' END)::"operations"."WorkOrderPriority"`;

/** Escalates every task that is due for a level at `now`; returns the escalations it made. */
export async function runTaskEscalation(
  db: Db,
  now: Date = new Date(),
): Promise<{ taskId: string; level: number }[]> {
  const made: { taskId: string; level: number }[] = [];
  for (const step of ESCALATION_STEPS) {
    const cutoff = new Date(now.getTime() - step.afterMinutes * 60_000).toISOString();
    for (;;) {
      const rows = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<EscalatedRow[]>(Prisma.sql`
          UPDATE "operations"."staff_task" t
             SET "escalationLevel" = ${step.level}, "escalatedAt" = ${now.toISOString()}::timestamptz,
                 "updatedAt" = ${now.toISOString()}::timestamptz, "version" = t."version" + 1
                 ${step.raisePriority ? RAISED_PRIORITY : Prisma.empty}
            FROM (SELECT "id" FROM "operations"."staff_task"
                   WHERE "status" IN ('OPEN', 'IN_PROGRESS') AND "dueAt" < ${cutoff}::timestamptz
                     AND "escalationLevel" = ${step.level - 1}
                   ORDER BY "dueAt", "id"
                   LIMIT ${BATCH}
                     FOR UPDATE SKIP LOCKED) due
           WHERE t."id" = due."id" AND t."escalationLevel" < ${step.level}
             AND t."status" IN ('OPEN', 'IN_PROGRESS')
          RETURNING t."id", t."organizationId", t."title", t."priority"::text AS "priority",
                    t."status"::text AS "status", t."dueAt", t."assigneeId", t."escalationLevel",
                    t."guestId", t."reservationId", t."workOrderId", t."version"`);
        for (const row of rows) await emitTaskEvent(tx, 'StaffTaskEscalated', row);
        return rows;
      });
      made.push(...rows.map((r) => ({ taskId: r.id, level: step.level })));
      if (rows.length < BATCH) break;
    }
  }
  return made;
}

/** Runs the escalation every `intervalMs`; never two runs of one process at once. */
export function startTaskEscalation(db: Db, logger: Logger, intervalMs: number): StopBackground {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runTaskEscalation(db)
      .then((made) => {
        if (made.length) logger.info({ escalations: made.length }, 'staff tasks escalated');
      })
      .catch((err: unknown) => logger.error({ err }, 'staff task escalation failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
