import type { Prisma, Site as SiteRow } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import { validIds } from '../shared/ids';

export type { SiteRow };

/** Site queries. Every query is scoped to the actor's organization. */
export class SiteRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): SiteRepository {
    return new SiteRepository(tx);
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<SiteRow[]> {
    return this.db.site.findMany({
      where: { id: { in: validIds(ids) }, organizationId: actor.organizationId },
    });
  }

  findByGuestIds(actor: TenantActor, guestIds: readonly string[]): Promise<SiteRow[]> {
    return this.db.site.findMany({
      where: { organizationId: actor.organizationId, guestId: { in: validIds(guestIds) } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; guestId?: string | null },
  ) {
    const base: Prisma.SiteWhereInput = { organizationId: actor.organizationId };
    if (args.guestId) base.guestId = args.guestId;
    const keyset = keysetQuery('name', 'ASC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.site.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.SiteOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.site.count({ where: base }) };
  }

  create(data: Prisma.SiteUncheckedCreateInput): Promise<SiteRow> {
    return this.db.site.create({ data });
  }

  guestExists(actor: TenantActor, guestId: string): Promise<boolean> {
    return this.db.guest
      .count({ where: { id: guestId, organizationId: actor.organizationId } })
      .then((n) => n > 0);
  }

  companyExists(actor: TenantActor, companyId: string): Promise<boolean> {
    return this.db.company
      .count({ where: { id: companyId, organizationId: actor.organizationId } })
      .then((n) => n > 0);
  }
}
