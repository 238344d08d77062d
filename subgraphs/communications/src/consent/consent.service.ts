import type { Channel } from '@attendant/db';
import type { Actor, Db } from '@attendant/kit';
import { normalizeAddress } from '../shared/address';
import { messageReader } from '../shared/actors';
import { ConsentRepository, type ConsentRow } from './consent.repository';

const HISTORY_LIMIT = 200;

export class ConsentService {
  private readonly repo: ConsentRepository;

  constructor(db: Db) {
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
}
