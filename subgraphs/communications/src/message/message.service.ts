import { pageSize, recordEvent, toPage, type Actor, type Db, type Page } from '@attendant/kit';
import { ConsentRepository } from '../consent/consent.repository';
import { isUuid, messageReader, tenant } from '../shared/actors';
import { channelLabel, isValidAddress, normalizeAddress } from '../shared/address';
import { MessageError, MessageErrorCode } from './message.errors';
import { MessageRepository, type MessageRow } from './message.repository';
import type { MessageFilter, RecordMessageInput } from './message.type';

export class MessageService {
  private readonly repo: MessageRepository;
  private readonly consent: ConsentRepository;

  constructor(private readonly db: Db) {
    this.repo = new MessageRepository(db);
    this.consent = new ConsentRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<MessageRow[]> {
    return this.repo.findByIds(messageReader(actor), ids.filter(isUuid));
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; filter?: MessageFilter },
  ): Promise<Page<MessageRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(messageReader(actor), {
      first: size,
      after: args.after,
      filter: args.filter,
    });
    return toPage(rows, size, 'createdAt', totalCount);
  }

  /**
   * Records an outbound message as a DRAFT; no provider is called yet. Refused when the newest
   * consent of the recipient on the channel is an opt-out.
   */
  async record(actor: Actor, input: RecordMessageInput): Promise<MessageRow> {
    const t = tenant(actor);
    const to = normalizeAddress(input.channel, input.to);
    if (!isValidAddress(input.channel, to)) {
      const hint =
        input.channel === 'EMAIL'
          ? 'an email address'
          : 'a phone number in international format, like +15551234567';
      throw new MessageError(MessageErrorCode.InvalidAddress, `Enter ${hint} as the recipient`, {
        field: 'to',
      });
    }
    return this.db.$transaction(async (tx) => {
      const consent = await this.consent.with(tx).latest(t, input.channel, to);
      if (consent?.status === 'OPTED_OUT') {
        throw new MessageError(
          MessageErrorCode.OptedOut,
          `${to} has opted out of ${channelLabel(input.channel)}`,
          {
            field: 'to',
            since: consent.recordedAt.toISOString(),
          },
        );
      }
      const row = await this.repo.with(tx).create({
        organizationId: t.organizationId,
        guestId: input.guestId ?? null,
        workOrderId: input.workOrderId ?? null,
        channel: input.channel,
        direction: 'OUTBOUND',
        status: 'DRAFT',
        toAddress: to,
        subject: input.subject?.trim() || null,
        body: input.body,
        createdById: t.userId,
      });
      // No address or body in the event: it reaches every subscriber of the bus.
      await recordEvent(tx, 'communications', {
        type: 'MessageRecorded',
        entityType: 'Message',
        entityId: row.id,
        organizationId: row.organizationId,
        payload: {
          channel: row.channel,
          direction: row.direction,
          status: row.status,
          guestId: row.guestId,
          workOrderId: row.workOrderId,
        },
      });
      return row;
    });
  }
}
