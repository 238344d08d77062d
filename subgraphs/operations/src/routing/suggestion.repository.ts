import type {
  Prisma,
  ScheduleSuggestion as SuggestionRow,
  ScheduleSuggestionKind,
  ScheduleSuggestionStatus,
} from '@attendant/db';
import { recordEvent, type DbOrTx } from '@attendant/kit';
import type { Kpis, PlanResult } from './day-plan';
import type { PlanChange } from './plan-changes';

/** The proposal as stored in `plan` (JSON: instants as ISO strings). */
export interface StoredPlan {
  matrixProvider: string;
  searchMs: number;
  current: Kpis;
  proposed: Kpis;
  routes: PlanResult['routes'];
  /** Job id → "WO-12 Boiler service", for the stops. */
  labels: Record<string, string>;
  changes: PlanChange[];
  unassigned: { jobId: string; label: string; reason: string }[];
}

export const OPEN: readonly ScheduleSuggestionStatus[] = ['OPEN', 'PARTLY_APPLIED'];

/** Schedule suggestions, always scoped to an organization. */
export class SuggestionRepository {
  constructor(private readonly db: DbOrTx) {}

  find(organizationId: string, id: string): Promise<SuggestionRow | null> {
    return this.db.scheduleSuggestion.findFirst({ where: { organizationId, id } });
  }

  /** The row, locked for the rest of the transaction (applying twice at once waits). */
  async lock(organizationId: string, id: string): Promise<SuggestionRow | null> {
    await this.db.$queryRawUnsafe(
      `SELECT id FROM "operations"."schedule_suggestion" WHERE id = $1::uuid AND "organizationId" = $2::uuid FOR UPDATE`,
      id,
      organizationId,
    );
    return this.find(organizationId, id);
  }

  list(organizationId: string, day: string, status: readonly ScheduleSuggestionStatus[] | null) {
    return this.db.scheduleSuggestion.findMany({
      where: { organizationId, day, ...(status?.length ? { status: { in: [...status] } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 20,
    });
  }

  byTrigger(organizationId: string, workOrderId: string) {
    return this.db.scheduleSuggestion.findFirst({
      where: { organizationId, triggerWorkOrderId: workOrderId },
    });
  }

  /** Open optimizer suggestions of the same day and team are replaced by a newer one. */
  async supersede(organizationId: string, day: string, teamId: string | null): Promise<string[]> {
    const rows = await this.db.scheduleSuggestion.findMany({
      where: { organizationId, day, teamId, kind: 'OPTIMIZE', status: { in: [...OPEN] } },
      select: { id: true },
    });
    if (rows.length === 0) return [];
    await this.db.scheduleSuggestion.updateMany({
      where: { organizationId, id: { in: rows.map((r) => r.id) } },
      data: { status: 'SUPERSEDED', version: { increment: 1 } },
    });
    return rows.map((r) => r.id);
  }

  create(data: {
    organizationId: string;
    kind: ScheduleSuggestionKind;
    day: string;
    teamId: string | null;
    triggerWorkOrderId?: string | null;
    createdById: string | null;
    plan: StoredPlan;
    expiresAt: Date;
  }): Promise<SuggestionRow> {
    return this.db.scheduleSuggestion.create({
      data: { ...data, plan: data.plan as unknown as Prisma.InputJsonValue },
    });
  }

  async update(
    organizationId: string,
    id: string,
    data: { status?: ScheduleSuggestionStatus; plan?: StoredPlan },
  ): Promise<SuggestionRow> {
    await this.db.scheduleSuggestion.updateMany({
      where: { organizationId, id },
      data: {
        ...(data.status ? { status: data.status } : {}),
        ...(data.plan ? { plan: data.plan as unknown as Prisma.InputJsonValue } : {}),
        version: { increment: 1 },
      },
    });
    return (await this.find(organizationId, id)) as SuggestionRow;
  }
}

/** The subscription `scheduleSuggestionChanged` is fed from this event. */
export function recordSuggestionEvent(tx: DbOrTx, row: SuggestionRow): Promise<string> {
  return recordEvent(tx, 'operations', {
    type: 'ScheduleSuggestionChanged',
    entityType: 'ScheduleSuggestion',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      day: row.day,
      teamId: row.teamId,
      kind: row.kind,
      status: row.status,
      triggerWorkOrderId: row.triggerWorkOrderId,
    },
  });
}
