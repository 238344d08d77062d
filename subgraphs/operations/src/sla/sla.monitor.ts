import type { Prisma, WorkOrder } from '@attendant/db';
import { recordEvent, type Db, type Logger, type StopBackground } from '@attendant/kit';
import { OPEN_STATUSES } from '../work-order/work-order.transitions';
import { AROUND_THE_CLOCK, DEFAULT_WARN_AT, policyView, shareUsed } from './sla.status';

const PAGE = 500;
const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/*
 * The breach monitor scans open work orders of every organization (it runs as the process, not
 * as a tenant, so the candidates come from one raw query) and raises each warning and breach
 * once. "Once" holds across runs and processes: the event is written in the transaction of a
 * conditional UPDATE (… WHERE slaBreachedAt IS NULL), so of two monitors racing for the same
 * order the second updates nothing and writes nothing. The deadline read is part of the
 * condition, so a deadline moved in the meantime is judged again on the next run. The clock of
 * an order starts at its slaStartsAt (automatic orders: when the work is due), else at its
 * creation; an order whose clock has not started is skipped unless its deadline already passed.
 */
const CANDIDATES = `
  SELECT w.id, w."organizationId", COALESCE(w."slaStartsAt", w."createdAt") AS "clockStart",
         w."slaDueAt", w."slaWarnedAt",
         p.id AS "policyId", p.name AS "policyName", p."warnAt", p."businessHours",
         p.timezone, p.holidays, o.timezone AS "organizationTimezone"
  FROM operations.work_order w
  JOIN operations.organization o ON o.id = w."organizationId"
  LEFT JOIN operations.sla_policy p
    ON p.id = w."slaPolicyId" AND p."organizationId" = w."organizationId"
  WHERE w."slaDueAt" IS NOT NULL
    AND w."slaBreachedAt" IS NULL
    AND w.status IN (${OPEN_SQL})
    AND (w."slaWarnedAt" IS NULL OR w."slaDueAt" <= $2)
    AND (COALESCE(w."slaStartsAt", w."createdAt") <= $2 OR w."slaDueAt" <= $2)
    AND w.id > $1::uuid
  ORDER BY w.id
  LIMIT ${PAGE}`;

interface Candidate {
  id: string;
  organizationId: string;
  clockStart: Date;
  slaDueAt: Date;
  slaWarnedAt: Date | null;
  policyId: string | null;
  policyName: string | null;
  warnAt: number | null;
  businessHours: Prisma.JsonValue | null;
  timezone: string | null;
  holidays: string[] | null;
  organizationTimezone: string;
}

export interface SlaMonitorResult {
  warned: number;
  breached: number;
}

/** One scan: emits WorkOrderSlaAtRisk / WorkOrderSlaBreached for orders that newly crossed. */
export async function runSlaMonitor(
  db: Db,
  now: Date = new Date(),
  logger?: Logger,
): Promise<SlaMonitorResult> {
  const result: SlaMonitorResult = { warned: 0, breached: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.$queryRawUnsafe<Candidate[]>(CANDIDATES, after, now);
    for (const c of rows) {
      try {
        const due = new Date(c.slaDueAt);
        if (now >= due) {
          if (await mark(db, c, due, 'breached', now)) result.breached++;
        } else if (!c.slaWarnedAt && atRisk(c, due, now)) {
          if (await mark(db, c, due, 'warned', now)) result.warned++;
        }
      } catch (err) {
        logger?.warn({ err, workOrderId: c.id }, 'SLA check of a work order failed');
      }
    }
    if (rows.length < PAGE) return result;
    after = rows[rows.length - 1]!.id;
  }
}

function atRisk(c: Candidate, due: Date, now: Date): boolean {
  const policy = c.policyId
    ? policyView(
        {
          id: c.policyId,
          name: c.policyName ?? '',
          warnAt: c.warnAt ?? DEFAULT_WARN_AT,
          businessHours: c.businessHours,
          timezone: c.timezone,
          holidays: c.holidays ?? [],
        },
        c.organizationTimezone,
      )
    : null;
  const share = shareUsed(new Date(c.clockStart), due, now, policy?.calendar ?? AROUND_THE_CLOCK);
  return share >= (policy?.warnAt ?? DEFAULT_WARN_AT);
}

/** Sets slaWarnedAt / slaBreachedAt if still unset and writes the event; false if lost a race. */
function mark(
  db: Db,
  c: Candidate,
  due: Date,
  what: 'warned' | 'breached',
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const base = {
      id: c.id,
      organizationId: c.organizationId,
      slaDueAt: due,
      slaBreachedAt: null,
      status: { in: [...OPEN_STATUSES] },
    };
    const { count } = await tx.workOrder.updateMany(
      what === 'breached'
        ? { where: base, data: { slaBreachedAt: now } }
        : { where: { ...base, slaWarnedAt: null }, data: { slaWarnedAt: now } },
    );
    if (count === 0) return false;
    const row = await tx.workOrder.findFirst({
      where: { id: c.id, organizationId: c.organizationId },
    });
    if (!row) return false;
    await recordEvent(tx, 'operations', {
      type: what === 'breached' ? 'WorkOrderSlaBreached' : 'WorkOrderSlaAtRisk',
      entityType: 'WorkOrder',
      entityId: row.id,
      organizationId: row.organizationId,
      payload: payload(row),
    });
    return true;
  });
}

/** The work order event payload (as work order changes carry it) plus the SLA deadlines. */
function payload(row: WorkOrder): Record<string, unknown> {
  return {
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
    serviceTypeId: row.serviceTypeId,
    vendorId: row.vendorId,
    teamId: row.teamId,
    siteId: row.siteId,
    slaPolicyId: row.slaPolicyId,
    slaStartsAt: (row.slaStartsAt ?? row.createdAt).toISOString(),
    responseDueAt: row.responseDueAt?.toISOString() ?? null,
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
  };
}

/**
 * Runs the monitor every `intervalMs` (the next run is timed from the end of the last, so runs
 * never overlap in one process). The returned stop clears the timer and waits for a running scan.
 */
export function startSlaMonitor(db: Db, intervalMs: number, logger: Logger): StopBackground {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    timer = null;
    running = runSlaMonitor(db, new Date(), logger)
      .then(
        (r) => {
          if (r.warned || r.breached) logger.info(r, 'SLA warnings and breaches raised');
        },
        (err: unknown) => logger.error({ err }, 'SLA monitor run failed'),
      )
      .finally(() => {
        running = null;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
