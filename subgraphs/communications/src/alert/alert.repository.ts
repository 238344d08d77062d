import { Prisma, type Alert as AlertRow } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { AlertRow };

/** Alert queries. Every query is scoped to the actor's organization. */
export class AlertRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): AlertRepository {
    return new AlertRepository(tx);
  }

  findById(actor: TenantActor, id: string): Promise<AlertRow | null> {
    return this.db.alert.findFirst({ where: { id, organizationId: actor.organizationId } });
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<AlertRow[]> {
    return this.db.alert.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  /** The newest `perEntity` alerts about each entity, newest first, in one query. */
  findLatestForEntities(
    actor: TenantActor,
    entityType: string,
    entityIds: readonly string[],
    perEntity: number,
  ): Promise<AlertRow[]> {
    return this.db.$queryRaw<AlertRow[]>(Prisma.sql`
      SELECT "id", "organizationId", "severity"::text AS "severity", "title", "body", "entityType", "entityId",
             "acknowledgedAt", "acknowledgedById", "createdAt"
        FROM (SELECT a.*, row_number() OVER (PARTITION BY a."entityId" ORDER BY a."createdAt" DESC, a."id" DESC) AS "rank"
                FROM "communications"."alert" a
               WHERE a."organizationId" = ${actor.organizationId}::uuid
                 AND a."entityType" = ${entityType}
                 AND a."entityId" = ANY(${[...entityIds]}::uuid[])) ranked
       WHERE "rank" <= ${perEntity}
       ORDER BY "createdAt" DESC, "id" DESC`);
  }

  /** One page, newest first; fetches `first + 1` rows so the caller learns whether more follow. */
  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; unacknowledgedOnly: boolean },
  ): Promise<{ rows: AlertRow[]; totalCount: () => Promise<number> }> {
    const base: Prisma.AlertWhereInput = { organizationId: actor.organizationId };
    if (args.unacknowledgedOnly) base.acknowledgedAt = null;
    const keyset = keysetQuery('createdAt', 'DESC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.alert.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.AlertOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.alert.count({ where: base }) };
  }

  /** Marks the alert acknowledged unless someone already did; returns whether this call did. */
  async acknowledge(actor: TenantActor, id: string, at: Date): Promise<boolean> {
    const { count } = await this.db.alert.updateMany({
      where: { id, organizationId: actor.organizationId, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedById: actor.userId },
    });
    return count > 0;
  }
}
