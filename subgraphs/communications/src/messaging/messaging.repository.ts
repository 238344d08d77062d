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
   * Sends left SENDING without the provider's id by a worker that stopped (claimed before `olderThan`),
   * re-claimed for recovery (the claim time moves to `now`, so one sweep takes each); answers
   * them with the time of the interrupted claim.
   */
  claimInterruptedSends(olderThan: Date, now: Date, limit: number) {
    return this.db.$queryRaw<{ id: string; organizationId: string; claimedAt: Date }[]>(
      Prisma.sql`WITH picked AS (
                   SELECT "id", "statusUpdatedAt" AS "claimedAt" FROM "communications"."message"
                    WHERE "status" = 'SENDING' AND "providerId" IS NULL AND "direction" = 'OUTBOUND'
                      AND "statusUpdatedAt" < ${olderThan}
                    ORDER BY "statusUpdatedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
                 UPDATE "communications"."message" m SET "statusUpdatedAt" = ${now}, "updatedAt" = ${now}
                   FROM picked WHERE m."id" = picked."id"
                 RETURNING m."id", m."organizationId", picked."claimedAt"`,
    );
  }

  /** Back to QUEUED, only while still an unsent claim (a recovery found no trace at Twilio). */
  async requeueInterrupted(actor: TenantActor, id: string, now: Date): Promise<boolean> {
    const res = await this.db.message.updateMany({
      where: { organizationId: actor.organizationId, id, status: 'SENDING', providerId: null },
      data: { status: 'QUEUED', statusUpdatedAt: now },
    });
    return res.count === 1;
  }

  /**
   * QUEUED outbound messages that are due and have no live send job: the job was never made (the
   * process stopped between the commit and the enqueue) or died with its worker (active since
   * before `olderThan`). Oldest first.
   */
  orphanedQueued(queue: string, olderThan: Date, now: Date, limit: number) {
    return this.db.$queryRaw<{ id: string; organizationId: string; scheduledFor: Date | null }[]>(
      Prisma.sql`SELECT m."id", m."organizationId", m."scheduledFor" FROM "communications"."message" m
                  WHERE m."status" = 'QUEUED' AND m."direction" = 'OUTBOUND'
                    AND m."statusUpdatedAt" < ${olderThan}
                    AND (m."scheduledFor" IS NULL OR m."scheduledFor" <= ${now})
                    AND NOT EXISTS (
                      SELECT 1 FROM "pgboss"."job" j
                       WHERE j."name" = ${queue} AND j."singleton_key" = m."id"::text
                         AND (j."state" IN ('created', 'retry')
                              OR (j."state" = 'active' AND j."started_on" >= ${olderThan})))
                  ORDER BY m."createdAt" LIMIT ${limit}`,
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
