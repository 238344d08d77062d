import { Prisma } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import type { JobStats } from './vendor.quality';

/**
 * Completed-job aggregates per vendor or technician, in one SQL query for any number of them
 * (raw SQL bypasses the tenancy guard, so every part filters on the organization itself).
 */
export class JobStatsRepository {
  constructor(private readonly db: DbOrTx) {}

  async completedStats(
    organizationId: string,
    by: 'vendorId' | 'technicianId',
    ids: readonly string[],
  ): Promise<JobStats[]> {
    if (ids.length === 0) return [];
    const column = by === 'vendorId' ? Prisma.sql`wo."vendorId"` : Prisma.sql`wo."technicianId"`;
    return this.db.$queryRaw<JobStats[]>(Prisma.sql`
      SELECT ${column}::text AS "id",
             count(*)::int AS "completed",
             count(*) FILTER (WHERE COALESCE(wo."slaDueAt", wo."windowEnd") IS NOT NULL)::int
               AS "withDeadline",
             count(*) FILTER (WHERE wo."completedAt" <= COALESCE(wo."slaDueAt", wo."windowEnd"))::int
               AS "onTime",
             count(*) FILTER (WHERE wo."customerRating" BETWEEN 1 AND 5)::int AS "rated",
             COALESCE(sum(wo."customerRating") FILTER (WHERE wo."customerRating" BETWEEN 1 AND 5), 0)::int
               AS "ratingSum",
             count(rework."id")::int AS "reworked"
        FROM "operations"."work_order" wo
        LEFT JOIN (SELECT DISTINCT r."reworkOfId" AS "id"
                     FROM "operations"."work_order" r
                    WHERE r."organizationId" = ${organizationId}::uuid
                      AND r."reworkOfId" IS NOT NULL
                      AND r."status" <> 'CANCELLED') rework ON rework."id" = wo."id"
       WHERE wo."organizationId" = ${organizationId}::uuid
         AND ${column} = ANY(${[...ids]}::uuid[])
         AND wo."status" = 'COMPLETED'
       GROUP BY 1`);
  }
}
