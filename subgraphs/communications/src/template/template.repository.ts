import type { Channel, Prisma, Template as TemplateRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

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
