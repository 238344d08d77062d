import { Prisma, type WorkOrderFact as WorkOrderFactRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

export type { WorkOrderFactRow };

export interface WorkOrderFactData {
  workOrderId: string;
  technicianId: string | null;
  status: string;
  scheduledStart: Date | null;
  estimatedMinutes: number;
  completedAt: Date | null;
  updatedAt: Date;
}

/** Analytics' projection of work orders. Every query is scoped to the actor's organization. */
export class WorkOrderFactRepository {
  constructor(private readonly db: DbOrTx) {}

  findById(actor: TenantActor, workOrderId: string): Promise<WorkOrderFactRow | null> {
    return this.db.workOrderFact.findFirst({
      where: { workOrderId, organizationId: actor.organizationId },
    });
  }

  /**
   * Inserts or replaces the fact in one statement. A row that is already newer (a later event was
   * applied first) or that belongs to another organization is left alone; returns whether it wrote.
   */
  async upsertIfNewer(actor: TenantActor, fact: WorkOrderFactData): Promise<boolean> {
    const written = await this.db.$executeRaw(Prisma.sql`
      INSERT INTO "analytics"."work_order_fact"
             ("workOrderId", "organizationId", "technicianId", "status", "scheduledStart", "estimatedMinutes", "completedAt", "updatedAt")
      VALUES (${fact.workOrderId}::uuid, ${actor.organizationId}::uuid, ${fact.technicianId}::uuid, ${fact.status},
              ${fact.scheduledStart}::timestamptz, ${fact.estimatedMinutes}, ${fact.completedAt}::timestamptz, ${fact.updatedAt}::timestamptz)
      ON CONFLICT ("workOrderId") DO UPDATE SET
             "technicianId" = EXCLUDED."technicianId",
             "status" = EXCLUDED."status",
             "scheduledStart" = EXCLUDED."scheduledStart",
             "estimatedMinutes" = EXCLUDED."estimatedMinutes",
             "completedAt" = EXCLUDED."completedAt",
             "updatedAt" = EXCLUDED."updatedAt"
       WHERE "work_order_fact"."organizationId" = EXCLUDED."organizationId"
         AND "work_order_fact"."updatedAt" <= EXCLUDED."updatedAt"`);
    return written > 0;
  }
}
