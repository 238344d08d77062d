import type { Message as MessageRow, Prisma } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import type { MessageFilter } from './message.type';

export type { MessageRow };

/** Message queries. Every query is scoped to the actor's organization. */
export class MessageRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): MessageRepository {
    return new MessageRepository(tx);
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<MessageRow[]> {
    return this.db.message.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  private where(actor: TenantActor, filter: MessageFilter | undefined): Prisma.MessageWhereInput {
    const where: Prisma.MessageWhereInput = { organizationId: actor.organizationId };
    if (filter?.guestId) where.guestId = filter.guestId;
    if (filter?.conversationId) where.conversationId = filter.conversationId;
    if (filter?.channel) where.channel = filter.channel;
    if (filter?.status?.length) where.status = { in: filter.status };
    return where;
  }

  /** One page, newest first; fetches `first + 1` rows so the caller learns whether more follow. */
  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; filter?: MessageFilter | undefined },
  ): Promise<{ rows: MessageRow[]; totalCount: () => Promise<number> }> {
    const base = this.where(actor, args.filter);
    const keyset = keysetQuery('createdAt', 'DESC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.message.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.MessageOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.message.count({ where: base }) };
  }

  create(data: Prisma.MessageUncheckedCreateInput): Promise<MessageRow> {
    return this.db.message.create({ data });
  }
}
