import type { Prisma } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

const include = { skills: { include: { skill: true } } } satisfies Prisma.TechnicianInclude;
export type TechnicianRow = Prisma.TechnicianGetPayload<{ include: typeof include }>;

export class TechnicianRepository {
  constructor(private readonly db: DbOrTx) {}

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<TechnicianRow[]> {
    return this.db.technician.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
      include,
    });
  }

  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; search?: string | null; skill?: string | null },
  ) {
    const base: Prisma.TechnicianWhereInput = { organizationId: actor.organizationId };
    if (args.search?.trim()) base.name = { contains: args.search.trim(), mode: 'insensitive' };
    if (args.skill)
      base.skills = {
        some: {
          skill: {
            organizationId: actor.organizationId,
            name: { equals: args.skill, mode: 'insensitive' },
          },
        },
      };
    const keyset = keysetQuery('name', 'ASC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.technician.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.TechnicianOrderByWithRelationInput[],
      take: args.first + 1,
      include,
    });
    return { rows, totalCount: () => this.db.technician.count({ where: base }) };
  }
}
