import type { Channel, Template as TemplateRow } from '@attendant/db';
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
}
