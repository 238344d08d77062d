import type { Prisma, Company as CompanyRow } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import { validIds } from '../shared/ids';

export type { CompanyRow };

/** Company queries. Every query is scoped to the actor's organization. */
export class CompanyRepository {
  constructor(private readonly db: DbOrTx) {}

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<CompanyRow[]> {
    return this.db.company.findMany({
      where: { id: { in: validIds(ids) }, organizationId: actor.organizationId },
    });
  }

  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; search?: string | null },
  ) {
    const base: Prisma.CompanyWhereInput = { organizationId: actor.organizationId };
    const search = args.search?.trim();
    if (search) {
      base.OR = [
        { name: { contains: search, mode: 'insensitive' } },
        { taxId: { contains: search, mode: 'insensitive' } },
        { email: { contains: search, mode: 'insensitive' } },
      ];
    }
    const keyset = keysetQuery('name', 'ASC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.company.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.CompanyOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.company.count({ where: base }) };
  }
}
