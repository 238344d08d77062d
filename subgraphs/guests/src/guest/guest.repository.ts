import type { Prisma, Guest as GuestRow, SyncSide } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import { validIds } from '../shared/ids';
import type { GuestFilter, GuestOrder } from './guest.type';

export type { GuestRow };

/** Guest queries. Every query is scoped to the actor's organization. */
export class GuestRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): GuestRepository {
    return new GuestRepository(tx);
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<GuestRow[]> {
    return this.db.guest.findMany({
      where: { id: { in: validIds(ids) }, organizationId: actor.organizationId },
    });
  }

  /** Another guest of the organization with this email (any case), if there is one. */
  findByEmail(actor: TenantActor, email: string, exceptId?: string): Promise<GuestRow | null> {
    return this.db.guest.findFirst({
      where: {
        organizationId: actor.organizationId,
        email: { equals: email, mode: 'insensitive' },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
    });
  }

  /**
   * Serializes writers of one email in one organization until the transaction ends, so two
   * concurrent creates cannot both pass the duplicate check.
   */
  async lockEmail(actor: TenantActor, email: string): Promise<void> {
    const key = `guests.email:${actor.organizationId}:${email.toLowerCase()}`;
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }

  /** Up to `perCompany` guests of each company, by name, in one query. */
  findByCompanyIds(
    actor: TenantActor,
    companyIds: readonly string[],
    perCompany: number,
  ): Promise<GuestRow[]> {
    const ids = validIds(companyIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.$queryRaw<GuestRow[]>`
      SELECT g.* FROM "guests"."guest" g
      WHERE g."id" IN (
        SELECT ranked."id" FROM (
          SELECT "id", row_number() OVER (PARTITION BY "companyId" ORDER BY "lastName", "firstName", "id") AS n
          FROM "guests"."guest"
          WHERE "organizationId" = ${actor.organizationId}::uuid AND "companyId" = ANY(${ids}::uuid[])
        ) ranked WHERE ranked.n <= ${perCompany}
      )
      ORDER BY g."lastName", g."firstName", g."id"`;
  }

  async countByCompanyIds(
    actor: TenantActor,
    companyIds: readonly string[],
  ): Promise<{ companyId: string; count: number }[]> {
    const groups = await this.db.guest.groupBy({
      by: ['companyId'],
      where: { organizationId: actor.organizationId, companyId: { in: validIds(companyIds) } },
      _count: { _all: true },
    });
    return groups.map((g) => ({ companyId: g.companyId ?? '', count: g._count._all }));
  }

  private where(actor: TenantActor, filter: GuestFilter | undefined): Prisma.GuestWhereInput {
    const where: Prisma.GuestWhereInput = { organizationId: actor.organizationId };
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.vip != null) where.vip = filter.vip;
    if (filter?.minCompleteness != null || filter?.maxCompleteness != null)
      where.completeness = {
        ...(filter.minCompleteness != null ? { gte: filter.minCompleteness } : {}),
        ...(filter.maxCompleteness != null ? { lte: filter.maxCompleteness } : {}),
      };
    if (filter?.hasGaps != null) where.completenessGaps = { isEmpty: !filter.hasGaps };
    const words = filter?.search?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (words.length) {
      where.AND = words.map((word) => ({
        OR: [
          { firstName: { contains: word, mode: 'insensitive' } },
          { lastName: { contains: word, mode: 'insensitive' } },
          { email: { contains: word, mode: 'insensitive' } },
          { phone: { contains: word, mode: 'insensitive' } },
        ],
      }));
    }
    return where;
  }

  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; filter?: GuestFilter; orderBy: GuestOrder },
  ): Promise<{ rows: GuestRow[]; totalCount: () => Promise<number> }> {
    const base = this.where(actor, args.filter);
    const keyset = keysetQuery(args.orderBy.field, args.orderBy.direction, args.after);
    const where = keyset.where ? { AND: [base, keyset.where] } : base;
    // Counted only when a client selects totalCount.
    const rows = await this.db.guest.findMany({
      where: { ...where, organizationId: actor.organizationId },
      orderBy: keyset.orderBy as Prisma.GuestOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.guest.count({ where: base }) };
  }

  create(data: Prisma.GuestUncheckedCreateInput): Promise<GuestRow> {
    return this.db.guest.create({ data });
  }

  update(
    actor: TenantActor,
    id: string,
    data: Prisma.GuestUncheckedUpdateInput,
  ): Promise<GuestRow> {
    return this.db.guest.update({ where: { id, organizationId: actor.organizationId }, data });
  }

  /** One sync audit entry for a guest: what changed, from which side. */
  async audit(entry: {
    organizationId: string;
    entityId: string;
    externalId: string | null;
    side: SyncSide;
    source: string;
    action: string;
    changes: { field: string; from: unknown; to: unknown }[];
    actorId: string | null;
  }): Promise<void> {
    await this.db.syncAudit.create({
      data: {
        ...entry,
        entityType: 'Guest',
        changes: entry.changes as unknown as Prisma.InputJsonValue,
      },
    });
  }

  /** The currency of the organization's PMS, in which stay spend is kept; null if none. */
  async pmsCurrency(actor: TenantActor): Promise<string | null> {
    const connection = await this.db.mewsConnection.findUnique({
      where: { organizationId: actor.organizationId },
      select: { currency: true },
    });
    return connection?.currency ?? null;
  }

  companyExists(actor: TenantActor, companyId: string): Promise<boolean> {
    return this.db.company
      .count({ where: { id: companyId, organizationId: actor.organizationId } })
      .then((n) => n > 0);
  }
}
