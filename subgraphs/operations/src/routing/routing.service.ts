import type {
  ScheduleSuggestion as SuggestionRow,
  ScheduleSuggestionStatus,
  WorkOrder as WorkOrderRow,
} from '@attendant/db';
import { tenant, type Actor, type Db, type DbOrTx } from '@attendant/kit';
import { type MatrixProvider } from '../optimizer/matrix/matrix-provider';
import { type OptimizerPool } from '../optimizer/worker/optimizer-pool';
import { ConflictService } from '../dispatch/conflict.service';
import type { ScheduleConflictView } from '../dispatch/conflict.rules';
import { DispatchRepository } from '../dispatch/dispatch.repository';
import { nextStatus, SCHEDULABLE } from '../dispatch/dispatch.service';
import { recordWorkOrderEvent } from '../work-order/work-order.events';
import type { DayPlan, PlanResult } from './day-plan';
import { DayPlanLoader } from './day-plan.loader';
import { planChanges, type PlanChange } from './plan-changes';
import {
  buildRoutingInstance,
  currentPlanResult,
  planResultOf,
  type RoutingInstance,
} from './plan-instance';
import { RoutingError, RoutingErrorCode, suggestionNotFound } from './routing.errors';
import {
  ScheduleChangeKind,
  type ApplyScheduleSuggestionInput,
  type SuggestScheduleInput,
  type WhatIfScenarioInput,
} from './routing.type';
import {
  OPEN,
  recordSuggestionEvent,
  SuggestionRepository,
  type StoredPlan,
} from './suggestion.repository';
import { applyScenario } from './what-if';

const SEED = 1;
const DEFAULT_BUDGET_S = 5;
const DEFAULT_WHAT_IF_BUDGET_S = 3;
/** Applying many changes runs many checks; allow it more than Prisma's default 5 s. */
const APPLY_TIMEOUT_MS = 60_000;

export interface RoutingDeps {
  matrix: MatrixProvider;
  pool: () => OptimizerPool;
  now?: () => Date;
}

/** The view the GraphQL types read (instants revived from the stored JSON). */
export type SuggestionView = ReturnType<typeof toView>;

/**
 * The dispatch optimizer as a product: suggest a day's plan, apply all or part of it, compare
 * what-if scenarios, and fit emergencies into the running plan (see urgent-insertion.ts).
 */
export class RoutingService {
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    private readonly deps: RoutingDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async suggest(actor: Actor, input: SuggestScheduleInput): Promise<SuggestionView> {
    const t = tenant(actor);
    const now = this.now();
    const loader = new DayPlanLoader(this.db);
    const day = await loader.day(t.organizationId, input.day, now);
    const teamId = input.teamId ?? null;
    const plan = await loader.load(t.organizationId, day, teamId, now);
    const budgetMs = (input.timeBudgetSeconds ?? DEFAULT_BUDGET_S) * 1000;
    const { ri, current, proposed, searchMs } = await this.optimise(plan, budgetMs);
    const stored = storedPlan(plan, ri, current, proposed, this.deps.matrix.name, searchMs);
    const row = await this.db.$transaction(async (tx) => {
      const repo = new SuggestionRepository(tx);
      for (const id of await repo.supersede(t.organizationId, day.day, teamId)) {
        const old = await repo.find(t.organizationId, id);
        if (old) await recordSuggestionEvent(tx, old);
      }
      const created = await repo.create({
        organizationId: t.organizationId,
        kind: 'OPTIMIZE',
        day: day.day,
        teamId,
        createdById: t.userId ?? null,
        plan: stored,
        expiresAt: day.end,
      });
      await recordSuggestionEvent(tx, created);
      return created;
    });
    return toView(row);
  }

  async get(actor: Actor, id: string): Promise<SuggestionView | null> {
    const row = await new SuggestionRepository(this.db).find(tenant(actor).organizationId, id);
    return row ? toView(row) : null;
  }

  async list(
    actor: Actor,
    day: string,
    status: readonly ScheduleSuggestionStatus[] | null,
  ): Promise<SuggestionView[]> {
    const rows = await new SuggestionRepository(this.db).list(
      tenant(actor).organizationId,
      day,
      status,
    );
    return rows.map(toView);
  }

  async reject(actor: Actor, id: string): Promise<SuggestionView> {
    const org = tenant(actor).organizationId;
    return this.db.$transaction(async (tx) => {
      const repo = new SuggestionRepository(tx);
      const row = await repo.lock(org, id);
      if (!row) throw suggestionNotFound(id);
      if (!OPEN.includes(row.status)) throw closed(row);
      const updated = await repo.update(org, row.id, { status: 'REJECTED' });
      await recordSuggestionEvent(tx, updated);
      return toView(updated);
    });
  }

  /**
   * Applies the chosen changes in one transaction. A change whose work order moved on since
   * (newer version, started, closed) is skipped with the reason; the others are booked, each
   * re-checked by the same conflict rules as a drag on the board. Moves that depend on each
   * other (B takes the slot A leaves) are retried until nothing more goes in.
   */
  async apply(
    actor: Actor,
    input: ApplyScheduleSuggestionInput,
  ): Promise<{ suggestion: SuggestionView; applied: WorkOrderRow[]; skipped: Skip[] }> {
    const org = tenant(actor).organizationId;
    return this.db.$transaction(
      async (tx) => {
        const repo = new SuggestionRepository(tx);
        const row = await repo.lock(org, input.id);
        if (!row) throw suggestionNotFound(input.id);
        if (!OPEN.includes(row.status)) throw closed(row);
        if (row.expiresAt <= this.now()) {
          throw new RoutingError(
            RoutingErrorCode.SuggestionClosed,
            'This suggestion has expired; ask for a new one',
            { id: row.id, status: row.status },
          );
        }
        const plan = row.plan as unknown as StoredPlan;
        const changes = plan.changes.map(reviveChange);
        const wanted = input.workOrderIds ? new Set(input.workOrderIds) : null;
        if (wanted) {
          const unknown = [...wanted].filter((id) => !changes.some((c) => c.workOrderId === id));
          if (unknown.length > 0) {
            throw new RoutingError(
              RoutingErrorCode.InvalidScenario,
              `Not part of this suggestion: ${unknown.join(', ')}`,
              { field: 'workOrderIds' },
            );
          }
        }
        const skipped: Skip[] = [];
        const chosen: PlanChange[] = [];
        for (const c of changes) {
          if (wanted && !wanted.has(c.workOrderId)) continue;
          if (c.applied) skipped.push({ workOrderId: c.workOrderId, reason: 'Already applied' });
          else chosen.push(c);
        }
        const result = await applyChanges(tx, org, chosen, row.id);
        skipped.push(...result.skipped);
        const done = new Set(result.applied.map((w) => w.id));
        const nextChanges = plan.changes.map((c) =>
          done.has(c.workOrderId) ? { ...c, applied: true } : c,
        );
        const status: ScheduleSuggestionStatus = nextChanges.every((c) => c.applied)
          ? 'APPLIED'
          : nextChanges.some((c) => c.applied)
            ? 'PARTLY_APPLIED'
            : row.status;
        const updated = await repo.update(org, row.id, {
          status,
          plan: { ...plan, changes: nextChanges },
        });
        await recordSuggestionEvent(tx, updated);
        return { suggestion: toView(updated), applied: result.applied, skipped };
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 10_000 },
    );
  }

  async whatIf(actor: Actor, input: WhatIfScenarioInput) {
    const t = tenant(actor);
    const now = this.now();
    const loader = new DayPlanLoader(this.db);
    const day = await loader.day(t.organizationId, input.day, now);
    const plan = await loader.load(t.organizationId, day, input.teamId ?? null, now);
    const { plan: changed, notes } = await applyScenario(this.db, plan, input);
    const budgetMs = (input.timeBudgetSeconds ?? DEFAULT_WHAT_IF_BUDGET_S) * 1000;
    const baseline = await this.optimise(plan, budgetMs);
    const scenario = await this.optimise(changed, budgetMs);
    return {
      current: baseline.current.kpis,
      baseline: whatIfPlan('As it is, optimised', plan, baseline.proposed),
      scenario: whatIfPlan('With the scenario, optimised', changed, scenario.proposed),
      notes,
    };
  }

  /** Builds the instance and solves it on the worker pool, starting from the current plan. */
  async optimise(
    plan: DayPlan,
    budgetMs: number,
  ): Promise<{ ri: RoutingInstance; current: PlanResult; proposed: PlanResult; searchMs: number }> {
    const ri = await buildRoutingInstance(plan, (points) => this.deps.matrix.matrix(points));
    const current = currentPlanResult(ri);
    const started = performance.now();
    let solution;
    try {
      solution = await this.deps.pool().solve(ri.instance, {
        seed: SEED,
        timeLimitMs: budgetMs,
        initialRoutes: ri.current,
      });
    } catch (err) {
      throw new RoutingError(
        RoutingErrorCode.OptimizerUnavailable,
        `The optimizer could not run: ${(err as Error).message}`,
      );
    }
    const searchMs = Math.round(performance.now() - started);
    return { ri, current, proposed: planResultOf(ri, solution), searchMs };
  }
}

export interface Skip {
  workOrderId: string;
  reason: string;
}

async function applyChanges(
  tx: DbOrTx,
  org: string,
  chosen: PlanChange[],
  suggestionId: string,
): Promise<{ applied: WorkOrderRow[]; skipped: Skip[] }> {
  const dispatch = new DispatchRepository(tx);
  const conflicts = new ConflictService(tx);
  const skipped: Skip[] = [];
  // Technicians in a fixed order, so two applies (or an apply and a drag) never deadlock.
  const technicians = [
    ...new Set(chosen.flatMap((c) => [c.fromTechnicianId, c.toTechnicianId])),
  ].filter((id): id is string => id !== null);
  for (const id of technicians.sort()) await dispatch.lockTechnician(org, id);

  const rows = new Map(
    (
      await dispatch.workOrdersByIds(
        org,
        chosen.map((c) => c.workOrderId),
      )
    ).map((w) => [w.id, w]),
  );
  let pending: PlanChange[] = [];
  for (const c of chosen) {
    const row = rows.get(c.workOrderId);
    if (!row)
      skipped.push({ workOrderId: c.workOrderId, reason: 'The work order no longer exists' });
    else if (row.version !== c.expectedVersion)
      skipped.push({
        workOrderId: c.workOrderId,
        reason: `WO-${row.number} changed since the suggestion was made`,
      });
    else if (!SCHEDULABLE.has(row.status))
      skipped.push({
        workOrderId: c.workOrderId,
        reason: `WO-${row.number} is ${row.status.toLowerCase().replace('_', ' ')} now`,
      });
    else pending.push(c);
  }
  // Taking jobs off routes first frees their slots for the others.
  pending.sort((a, b) => rank(a) - rank(b));
  const applied: WorkOrderRow[] = [];
  const blockedBy = new Map<string, ScheduleConflictView[]>();
  let progress = true;
  while (progress && pending.length > 0) {
    progress = false;
    const next: PlanChange[] = [];
    for (const c of pending) {
      const row = rows.get(c.workOrderId) as WorkOrderRow;
      await tx.$executeRawUnsafe('SAVEPOINT apply_change');
      const updated = await dispatch.updateVersioned(org, row.id, row.version, update(row, c));
      const found = updated ? await conflictsOf(conflicts, org, c) : [];
      const blocking = found.filter((f) => f.blocking);
      if (!updated || blocking.length > 0) {
        await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT apply_change');
        blockedBy.set(c.workOrderId, blocking);
        next.push(c);
        continue;
      }
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT apply_change');
      await recordApplied(tx, row, updated, found, suggestionId);
      applied.push(updated);
      blockedBy.delete(c.workOrderId);
      progress = true;
    }
    pending = next;
  }
  // Moves that wait on each other in a cycle (A takes B's slot and B takes A's) go in together.
  if (pending.length > 1) {
    await tx.$executeRawUnsafe('SAVEPOINT apply_cycle');
    const batch: { c: PlanChange; row: WorkOrderRow; updated: WorkOrderRow | null }[] = [];
    for (const c of pending) {
      const row = rows.get(c.workOrderId) as WorkOrderRow;
      batch.push({
        c,
        row,
        updated: await dispatch.updateVersioned(org, row.id, row.version, update(row, c)),
      });
    }
    let ok = batch.every((b) => b.updated);
    const found = new Map<string, ScheduleConflictView[]>();
    for (const { c } of ok ? batch : []) {
      const conflictsOfC = await conflictsOf(conflicts, org, c);
      found.set(c.workOrderId, conflictsOfC);
      if (conflictsOfC.some((f) => f.blocking)) ok = false;
    }
    if (ok) {
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT apply_cycle');
      for (const { c, row, updated } of batch) {
        await recordApplied(
          tx,
          row,
          updated as WorkOrderRow,
          found.get(c.workOrderId) ?? [],
          suggestionId,
        );
        applied.push(updated as WorkOrderRow);
      }
      pending = [];
    } else {
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT apply_cycle');
    }
  }
  for (const c of pending) {
    const reasons = (blockedBy.get(c.workOrderId) ?? []).map((b) => b.message);
    skipped.push({
      workOrderId: c.workOrderId,
      reason: reasons.length > 0 ? reasons.join('; ') : 'Someone else changed it meanwhile',
    });
  }
  return { applied, skipped };
}

const update = (row: WorkOrderRow, c: PlanChange) => ({
  technicianId: c.toTechnicianId,
  vendorId: null,
  scheduledStart: c.toStart,
  scheduledEnd: c.toEnd,
  status: nextStatus(row.status, c.toTechnicianId !== null),
});

/** The same rules as a drop on the board (nothing to check when a job goes back to the queue). */
function conflictsOf(
  conflicts: ConflictService,
  org: string,
  c: PlanChange,
): Promise<ScheduleConflictView[]> {
  if (!c.toTechnicianId || !c.toStart || !c.toEnd) return Promise.resolve([]);
  return conflicts.check(org, {
    workOrderId: c.workOrderId,
    technicianId: c.toTechnicianId,
    start: c.toStart,
    end: c.toEnd,
  });
}

async function recordApplied(
  tx: DbOrTx,
  row: WorkOrderRow,
  updated: WorkOrderRow,
  found: ScheduleConflictView[],
  suggestionId: string,
): Promise<void> {
  await recordWorkOrderEvent(tx, 'WorkOrderUpdated', updated, {
    change: 'schedule',
    previousTechnicianId: row.technicianId,
    previousStatus: row.status,
    reason: 'Dispatch optimizer suggestion',
    suggestionId,
    forcedConflicts: [],
    warnings: found.map((f) => ({ kind: f.kind, message: f.message })),
  });
  if (updated.status !== row.status) {
    await recordWorkOrderEvent(tx, 'WorkOrderStatusChanged', updated, {
      previousStatus: row.status,
    });
  }
}

const rank = (c: PlanChange) => (c.kind === ScheduleChangeKind.UNASSIGN ? 0 : 1);

const closed = (row: SuggestionRow) =>
  new RoutingError(
    RoutingErrorCode.SuggestionClosed,
    `This suggestion is ${row.status.toLowerCase().replace('_', ' ')}; ask for a new one`,
    { id: row.id, status: row.status },
  );

export function storedPlan(
  plan: DayPlan,
  ri: RoutingInstance,
  current: PlanResult,
  proposed: PlanResult,
  matrixProvider: string,
  searchMs: number,
  options: { keep?: ReadonlySet<string>; why?: ReadonlyMap<string, string> } = {},
): StoredPlan {
  const labels = new Map(plan.jobs.map((j) => [j.id, j.label]));
  const keep = new Set([...ri.unplannable.map((u) => u.jobId), ...(options.keep ?? [])]);
  // A booked job taken off its route says why (e.g. its booking cannot be reached in time).
  const why = new Map([
    ...proposed.unassigned.map((u): [string, string] => [u.jobId, u.reason]),
    ...(options.why ?? []),
  ]);
  return {
    matrixProvider,
    searchMs,
    current: current.kpis,
    proposed: proposed.kpis,
    routes: proposed.routes,
    labels: Object.fromEntries(
      proposed.routes.flatMap((r) => r.stops.map((s) => [s.jobId, labels.get(s.jobId) ?? s.jobId])),
    ),
    changes: planChanges(plan, proposed, keep, why),
    unassigned: proposed.unassigned.map((u) => ({
      ...u,
      label: labels.get(u.jobId) ?? u.jobId,
    })),
  };
}

function whatIfPlan(label: string, plan: DayPlan, result: PlanResult) {
  const labels = new Map(plan.jobs.map((j) => [j.id, j.label]));
  return {
    label,
    kpis: result.kpis,
    routes: result.routes.map((r) => routeView(r, labels)),
    unassigned: result.unassigned.map((u) => ({
      workOrderId: u.jobId.startsWith('what-if:') ? null : u.jobId,
      label: labels.get(u.jobId) ?? u.jobId,
      reason: u.reason,
    })),
  };
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function reviveChange(c: PlanChange): PlanChange {
  return {
    ...c,
    fromStart: date(c.fromStart),
    toStart: date(c.toStart),
    toEnd: date(c.toEnd),
  };
}

function routeView(r: PlanResult['routes'][number], labels: ReadonlyMap<string, string>) {
  return {
    ...r,
    departure: new Date(r.departure),
    returnAt: new Date(r.returnAt),
    stops: r.stops.map((s) => ({
      workOrderId: s.jobId.startsWith('what-if:') ? null : s.jobId,
      label: labels.get(s.jobId) ?? s.jobId,
      arrival: new Date(s.arrival),
      start: new Date(s.start),
      end: new Date(s.end),
      travelMinutes: s.travelMinutes,
      location: s.location,
    })),
  };
}

export function toView(row: SuggestionRow) {
  const plan = row.plan as unknown as StoredPlan;
  const labels = new Map(Object.entries(plan.labels));
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    day: row.day,
    teamId: row.teamId,
    triggerWorkOrderId: row.triggerWorkOrderId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    matrixProvider: plan.matrixProvider,
    searchMs: plan.searchMs,
    current: plan.current,
    proposed: plan.proposed,
    routes: plan.routes.map((r) => routeView(r, labels)),
    changes: plan.changes.map(reviveChange),
    unassigned: plan.unassigned.map((u) => ({
      workOrderId: u.jobId,
      label: u.label,
      reason: u.reason,
    })),
  };
}
