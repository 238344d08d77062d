import type { Channel, Prisma, Template as TemplateRow } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { TemplateRow };

/** Template queries. Every query is scoped to the actor's organization. */
export class TemplateRepository {
  constructor(private readonly db: DbOrTx) {}

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<TemplateRow[]> {
    return this.db.template.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  byId(actor: TenantActor, id: string): Promise<TemplateRow | null> {
    return this.db.template.findFirst({ where: { id, organizationId: actor.organizationId } });
  }

  list(
    actor: TenantActor,
    args: { channel?: Channel | null; take: number },
  ): Promise<TemplateRow[]> {
    return this.db.template.findMany({
      where: {
        organizationId: actor.organizationId,
        ...(args.channel ? { channel: args.channel } : {}),
      },
      orderBy: [{ name: 'asc' }, { channel: 'asc' }, { language: 'asc' }],
      take: args.take,
    });
  }

  /** One page by name (then id); fetches `first + 1` rows so the caller learns whether more follow. */
  async page(
    actor: TenantActor,
    args: {
      first: number;
      after?: string | null;
      search?: string | null;
      channel?: Channel | null;
      language?: string | null;
    },
  ): Promise<{ rows: TemplateRow[]; totalCount: () => Promise<number> }> {
    const base: Prisma.TemplateWhereInput = { organizationId: actor.organizationId };
    if (args.channel) base.channel = args.channel;
    if (args.language) base.language = args.language;
    if (args.search)
      base.OR = [
        { name: { contains: args.search, mode: 'insensitive' } },
        { body: { contains: args.search, mode: 'insensitive' } },
      ];
    const keyset = keysetQuery('name', 'ASC', args.after);
    const rows = await this.db.template.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.TemplateOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.template.count({ where: base }) };
  }

  /** The languages the organization has templates in. */
  async languages(actor: TenantActor): Promise<string[]> {
    const rows = await this.db.template.findMany({
      where: { organizationId: actor.organizationId },
      distinct: ['language'],
      select: { language: true },
      orderBy: { language: 'asc' },
    });
    return rows.map((r) => r.language);
  }

  /** How many triggers use each of the templates. */
  async triggerCounts(actor: TenantActor, ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.trigger.groupBy({
      by: ['templateId'],
      where: { organizationId: actor.organizationId, templateId: { in: [...ids] } },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.templateId, r._count._all]));
  }

  /** Active versions of one template name on one channel, in any language. */
  variants(actor: TenantActor, name: string, channel: Channel): Promise<TemplateRow[]> {
    return this.db.template.findMany({
      where: { organizationId: actor.organizationId, name, channel, active: true },
    });
  }

  create(actor: TenantActor, data: Omit<Prisma.TemplateUncheckedCreateInput, 'organizationId'>) {
    return this.db.template.create({ data: { ...data, organizationId: actor.organizationId } });
  }

  update(actor: TenantActor, id: string, data: Prisma.TemplateUncheckedUpdateManyInput) {
    return this.db.template.updateManyAndReturn({
      where: { id, organizationId: actor.organizationId },
      data: { ...data, version: { increment: 1 } },
    });
  }

  delete(actor: TenantActor, id: string) {
    return this.db.template.deleteMany({ where: { id, organizationId: actor.organizationId } });
  }

  usedByTriggers(actor: TenantActor, templateId: string): Promise<number> {
    return this.db.trigger.count({ where: { organizationId: actor.organizationId, templateId } });
  }
}
