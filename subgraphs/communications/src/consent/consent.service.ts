import type { Channel } from '@attendant/db';
import { requireRoles, type Actor, type Db } from '@attendant/kit';
import { MessageError, MessageErrorCode } from '../message/message.errors';
import { isValidAddress, normalizeAddress } from '../shared/address';
import { messageReader } from '../shared/actors';
import { plainAddress } from '../messaging/messaging.types';
import { ConsentRepository, type ConsentRow } from './consent.repository';
import type { RecordConsentInput } from './consent.type';

/** Who may record a consent by hand (it decides what the platform may send). */
export const CONSENT_RECORDERS = ['ADMIN', 'MANAGER'] as const;

const HISTORY_LIMIT = 200;

export class ConsentService {
  private readonly repo: ConsentRepository;

  constructor(private readonly db: Db) {
    this.repo = new ConsentRepository(db);
  }

  /** Consent changes for an address on a channel, newest first (the first one is in force). */
  history(actor: Actor, address: string, channel: Channel): Promise<ConsentRow[]> {
    return this.repo.history(
      messageReader(actor),
      channel,
      normalizeAddress(channel, address),
      HISTORY_LIMIT,
    );
  }

  /**
   * Appends a consent given or withdrawn outside a message. The ledger only grows; recording the
   * same change again (a retried request) answers the record already in force instead of adding
   * a second one.
   */
  async record(actor: Actor, input: RecordConsentInput): Promise<ConsentRow> {
    const t = requireRoles(actor, CONSENT_RECORDERS);
    const { channel } = input;
    const address = normalizeAddress(
      channel,
      channel === 'EMAIL' ? input.address : plainAddress(input.address),
    );
    if (!isValidAddress(channel, address))
      throw new MessageError(
        MessageErrorCode.InvalidAddress,
        channel === 'EMAIL'
          ? `${input.address} is not an email address`
          : `${input.address} is not a phone number in international format, like +15551234567`,
        { field: 'address' },
      );
    const status = input.status ?? 'OPTED_IN';
    const purpose = input.purpose ?? null;
    const source = input.source.trim().replace(/\s+/g, ' ');
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      // Serialises records of one address, so a retry racing the first call sees it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`consent:${t.organizationId}:${channel}:${address}`}))`;
      const newest = (await repo.history(t, channel, address, 20)).find(
        (r) => r.purpose === purpose,
      );
      if (newest && newest.status === status && newest.source === source) return newest;
      return repo.create(t, {
        guestId: input.guestId ?? newest?.guestId ?? null,
        channel,
        address,
        status,
        purpose,
        source,
        recordedById: t.userId,
      });
    });
  }
}
