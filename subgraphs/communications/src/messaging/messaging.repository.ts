import {
  Prisma,
  type Channel,
  type Conversation as ConversationRow,
  type Message as MessageRow,
  type SmsSettings as SmsSettingsRow,
} from '@attendant/db';
import { recordEvent, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { ConversationRow, SmsSettingsRow };

/** Queries of the SMS/WhatsApp flow. Every query names the organization. */
export class MessagingRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): MessagingRepository {
    return new MessagingRepository(tx);
  }

  settings(actor: TenantActor): Promise<SmsSettingsRow | null> {
    return this.db.smsSettings.findFirst({ where: { organizationId: actor.organizationId } });
  }

  /** The settings a webhook token belongs to: the token is what names the tenant here. */
  async settingsByWebhookToken(token: string): Promise<SmsSettingsRow | null> {
    const rows = await this.db.$queryRaw<SmsSettingsRow[]>(
      Prisma.sql`SELECT * FROM "communications"."sms_settings" WHERE "webhookToken" = ${token}`,
    );
    return rows[0] ?? null;
  }

  messageByIdempotencyKey(actor: TenantActor, key: string): Promise<MessageRow | null> {
    return this.db.message.findFirst({
      where: { organizationId: actor.organizationId, idempotencyKey: key },
    });
  }

  messageById(actor: TenantActor, id: string): Promise<MessageRow | null> {
    return this.db.message.findFirst({ where: { organizationId: actor.organizationId, id } });
  }

  messageByProviderId(actor: TenantActor, providerId: string): Promise<MessageRow | null> {
    return this.db.message.findFirst({
      where: { organizationId: actor.organizationId, providerId },
    });
  }

  /**
   * Takes a QUEUED message for sending: only one caller wins, so a job that runs twice (a retry
   * racing a slow first run, two workers) sends once.
   */
  async claimForSending(actor: TenantActor, id: string, now: Date): Promise<MessageRow | null> {
    const claimed = await this.db.message.updateMany({
      where: {
        organizationId: actor.organizationId,
        id,
        status: 'QUEUED',
        providerId: null,
        direction: 'OUTBOUND',
      },
      data: { status: 'SENDING', statusUpdatedAt: now },
    });
    return claimed.count === 1 ? this.messageById(actor, id) : null;
  }

  updateMessage(
    actor: TenantActor,
    id: string,
    data: Prisma.MessageUncheckedUpdateManyInput,
  ): Promise<MessageRow> {
    return this.db.message.update({
      where: { id, organizationId: actor.organizationId },
      data,
    });
  }

  createMessage(data: Prisma.MessageUncheckedCreateInput): Promise<MessageRow> {
    return this.db.message.create({ data });
  }

  /** Serialises the handling of one provider message id (callbacks and the send job). */
  async lockProviderId(providerId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`twilio:${providerId}`}))`;
  }

  /** Records a callback's status once; false when this (message, status) was seen before. */
  async recordStatusEvent(
    actor: TenantActor,
    event: { providerId: string; status: string; errorCode: string | null; receivedAt: Date },
  ): Promise<boolean> {
    const { count } = await this.db.messageStatusEvent.createMany({
      data: [{ organizationId: actor.organizationId, ...event }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  statusEvents(actor: TenantActor, providerId: string) {
    return this.db.messageStatusEvent.findMany({
      where: { organizationId: actor.organizationId, providerId },
      orderBy: { receivedAt: 'asc' },
    });
  }

  conversation(
    actor: TenantActor,
    key: { channel: Channel; contactAddress: string; businessAddress: string },
  ): Promise<ConversationRow | null> {
    return this.db.conversation.findFirst({
      where: { organizationId: actor.organizationId, ...key },
    });
  }

  /** Finds or creates the thread and records a message in it. */
  async touchConversation(
    actor: TenantActor,
    key: { channel: Channel; contactAddress: string; businessAddress: string },
    change: { at: Date; inbound: boolean; guestId: string | null },
  ): Promise<ConversationRow> {
    const organizationId = actor.organizationId;
    return this.db.conversation.upsert({
      where: { organizationId_channel_contactAddress_businessAddress: { organizationId, ...key } },
      create: {
        organizationId,
        ...key,
        guestId: change.guestId,
        lastMessageAt: change.at,
        lastInboundAt: change.inbound ? change.at : null,
        unreadCount: change.inbound ? 1 : 0,
      },
      update: {
        lastMessageAt: change.at,
        ...(change.inbound ? { lastInboundAt: change.at, unreadCount: { increment: 1 } } : {}),
      },
    });
  }

  linkConversationGuest(actor: TenantActor, id: string, guestId: string): Promise<unknown> {
    return this.db.conversation.updateMany({
      where: { organizationId: actor.organizationId, id, guestId: null },
      data: { guestId },
    });
  }

  /**
   * The guest an address belongs to, from what this domain already knows (earlier messages and
   * consent records): guests live in another subgraph whose tables are not read here.
   */
  async guestOfAddress(
    actor: TenantActor,
    channel: Channel,
    address: string,
  ): Promise<string | null> {
    const message = await this.db.message.findFirst({
      where: {
        organizationId: actor.organizationId,
        channel,
        guestId: { not: null },
        OR: [{ toAddress: address }, { fromAddress: address }],
      },
      orderBy: { createdAt: 'desc' },
      select: { guestId: true },
    });
    if (message?.guestId) return message.guestId;
    const consent = await this.db.consentRecord.findFirst({
      where: { organizationId: actor.organizationId, address, guestId: { not: null } },
      orderBy: { recordedAt: 'desc' },
      select: { guestId: true },
    });
    return consent?.guestId ?? null;
  }

  createConsent(data: Prisma.ConsentRecordUncheckedCreateInput) {
    return this.db.consentRecord.create({ data });
  }

  /**
   * Messages claimed for sending that never got Twilio's id (the worker stopped mid-send): marked
   * FAILED so someone checks, rather than sent again and perhaps twice. All organizations: a
   * maintenance task.
   */
  failStuckSends(olderThan: Date, now: Date): Promise<MessageRow[]> {
    return this.db.$queryRaw<MessageRow[]>(
      Prisma.sql`UPDATE "communications"."message"
                    SET "status" = 'FAILED', "failedAt" = ${now}, "statusUpdatedAt" = ${now}, "updatedAt" = ${now},
                        "errorMessage" = 'Sending was interrupted; Twilio may or may not have it. Check before sending again.'
                  WHERE "status" = 'SENDING' AND "providerId" IS NULL AND "direction" = 'OUTBOUND'
                    AND "statusUpdatedAt" < ${olderThan}
              RETURNING "id", "organizationId", "guestId", "workOrderId", "conversationId",
                        "channel"::text AS "channel", "direction"::text AS "direction", "status"::text AS "status"`,
    );
  }

  /** QUEUED outbound messages (their job may have been lost), oldest first. */
  queuedMessages(limit: number) {
    return this.db.$queryRaw<{ id: string; organizationId: string; scheduledFor: Date | null }[]>(
      Prisma.sql`SELECT "id", "organizationId", "scheduledFor" FROM "communications"."message"
                  WHERE "status" = 'QUEUED' AND "direction" = 'OUTBOUND'
                  ORDER BY "createdAt" LIMIT ${limit}`,
    );
  }
}

/** A change of a message, announced to consumers and subscribers (no address, no body). */
export function recordMessageEvent(
  tx: DbOrTx,
  type: 'MessageQueued' | 'MessageRefused' | 'MessageStatusChanged' | 'MessageReceived',
  row: MessageRow,
): Promise<string> {
  return recordEvent(tx, 'communications', {
    type,
    entityType: 'Message',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      channel: row.channel,
      direction: row.direction,
      status: row.status,
      guestId: row.guestId,
      workOrderId: row.workOrderId,
      conversationId: row.conversationId,
    },
  });
}
