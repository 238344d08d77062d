import { Prisma, type StaffTask as StaffTaskRow, type TaskStatus } from '@attendant/db';
import { invalidInput } from '@attendant/kit';

/*
 * The staff task queue order: overdue tasks first, then priority (EMERGENCY > HIGH > NORMAL >
 * LOW), then due time (tasks without one last), then creation time, then id. "Overdue" depends on
 * the clock, so a cursor carries the moment its first page was read: every later page sorts
 * against the same moment, and a task that falls due while someone pages neither jumps back
 * nor shows twice.
 */

export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['OPEN', 'IN_PROGRESS'];

const PRIORITY_RANK: Record<string, number> = { EMERGENCY: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

export function isOverdue(row: Pick<StaffTaskRow, 'status' | 'dueAt'>, now: Date): boolean {
  return OPEN_TASK_STATUSES.includes(row.status) && row.dueAt !== null && row.dueAt < now;
}

/** A position in the queue: the sort tuple of the last row seen, and the clock of the listing. */
export interface QueueCursor {
  /** The listing's reference time (ISO). */
  n: string;
  /** 0 when overdue at `n`, else 1. */
  o: 0 | 1;
  /** Priority rank, 0 = EMERGENCY. */
  p: number;
  /** Due time (ISO), null when none. */
  d: string | null;
  /** Creation time (ISO). */
  c: string;
  id: string;
}

export function cursorOf(row: StaffTaskRow, now: Date): string {
  const cursor: QueueCursor = {
    n: now.toISOString(),
    o: isOverdue(row, now) ? 0 : 1,
    p: PRIORITY_RANK[row.priority] ?? 3,
    d: row.dueAt?.toISOString() ?? null,
    c: row.createdAt.toISOString(),
    id: row.id,
  };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeQueueCursor(raw: string): QueueCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as QueueCursor;
    const valid =
      ISO.test(c.n) &&
      (c.o === 0 || c.o === 1) &&
      Number.isInteger(c.p) &&
      (c.d === null || ISO.test(c.d)) &&
      ISO.test(c.c) &&
      UUID.test(c.id);
    if (!valid) throw new Error('malformed');
    return c;
  } catch {
    throw invalidInput('The cursor is not valid; start again from the first page', 'after');
  }
}

const OPEN_SQL = Prisma.sql`t."status" IN ('OPEN', 'IN_PROGRESS')`;

/** Never NULL (a task without a due time is not overdue), so `NOT` of it is safe. */
export const overdueSql = (now: Date) =>
  Prisma.sql`(${OPEN_SQL} AND t."dueAt" IS NOT NULL AND t."dueAt" < ${now.toISOString()}::timestamptz)`;

/** The queue's sort keys in SQL, in order; compared as one row value for keyset paging. */
export const sortKeysSql = (now: Date): Prisma.Sql =>
  Prisma.join([
    Prisma.sql`CASE WHEN ${overdueSql(now)} THEN 0 ELSE 1 END`,
    Prisma.sql`CASE t."priority" WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END`,
    Prisma.sql`COALESCE(t."dueAt", 'infinity'::timestamptz)`,
    Prisma.sql`t."createdAt"`,
    Prisma.sql`t."id"`,
  ]);

export const afterCursorSql = (now: Date, c: QueueCursor): Prisma.Sql =>
  Prisma.sql`(${sortKeysSql(now)}) > (${c.o}::int, ${c.p}::int,
    ${c.d ?? 'infinity'}::timestamptz, ${c.c}::timestamptz, ${c.id}::uuid)`;

export const TASK_COLUMNS = Prisma.sql`t."id", t."organizationId", t."title", t."description",
  t."priority"::text AS "priority", t."status"::text AS "status", t."dueAt", t."assigneeId",
  t."guestId", t."reservationId", t."workOrderId", t."escalationLevel", t."escalatedAt",
  t."completedAt", t."createdById", t."version", t."createdAt", t."updatedAt"`;
