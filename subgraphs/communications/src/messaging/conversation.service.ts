import type { Conversation as ConversationRow, Prisma } from '@attendant/db';
import {
  keysetQuery,
  notFound,
  pageSize,
  requireRoles,
  toPage,
  type Actor,
  type Db,
  type Page,
} from '@attendant/kit';
import { isUuid, messageReader, MESSAGE_WRITERS } from '../shared/actors';
import type { ConversationFilter } from './conversation.type';
import { WHATSAPP_SESSION_MS } from './messaging.types';

/** Conversations (threads) of SMS and WhatsApp messages. */
export class ConversationService {
  constructor(private readonly db: Db) {}

  byIds(actor: Actor, ids: readonly string[]): Promise<ConversationRow[]> {
    const t = messageReader(actor);
    return this.db.conversation.findMany({
      where: { organizationId: t.organizationId, id: { in: ids.filter(isUuid) } },
    });
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; filter?: ConversationFilter },
  ): Promise<Page<ConversationRow>> {
    const t = messageReader(actor);
    const size = pageSize(args.first);
    const base: Prisma.ConversationWhereInput = { organizationId: t.organizationId };
    if (args.filter?.guestId) base.guestId = args.filter.guestId;
    if (args.filter?.channel) base.channel = args.filter.channel;
    if (args.filter?.unreadOnly) base.unreadCount = { gt: 0 };
    const keyset = keysetQuery('lastMessageAt', 'DESC', args.after, true);
    const rows = await this.db.conversation.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: t.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.ConversationOrderByWithRelationInput[],
      take: size + 1,
    });
    return toPage(rows, size, 'lastMessageAt', () => this.db.conversation.count({ where: base }));
  }

  /** Marks the contact's messages in a thread as read. */
  async markRead(actor: Actor, id: string): Promise<ConversationRow> {
    const t = requireRoles(actor, MESSAGE_WRITERS);
    const { count } = isUuid(id)
      ? await this.db.conversation.updateMany({
          where: { organizationId: t.organizationId, id },
          data: { unreadCount: 0 },
        })
      : { count: 0 };
    if (count === 0) throw notFound('Conversation', id);
    return (await this.byIds(actor, [id]))[0]!;
  }
}

/** When WhatsApp stops allowing free-form messages in the thread (null: closed or not WhatsApp). */
export function whatsappWindowClosesAt(
  c: Pick<ConversationRow, 'channel' | 'lastInboundAt'>,
  now = new Date(),
): Date | null {
  if (c.channel !== 'WHATSAPP' || !c.lastInboundAt) return null;
  const closes = new Date(c.lastInboundAt.getTime() + WHATSAPP_SESSION_MS);
  return closes > now ? closes : null;
}
