import { Prisma } from '@attendant/db';
import { eventActor, type Db } from '@attendant/kit';
import { ConsentRepository } from '../consent/consent.repository';
import { MessagingRepository } from '../messaging/messaging.repository';
import type { Clock } from '../messaging/messaging.types';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export type UnsubscribeResult =
  { ok: false } | { ok: true; address: string; alreadyOptedOut: boolean };

interface TokenMessage {
  id: string;
  organizationId: string;
  guestId: string | null;
  toAddress: string;
}

/** "ann@example.com" → "a**@example.com": the page confirms whose address without showing it. */
export const maskAddress = (address: string): string => {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(local.length - 1, 2))}@${domain}`;
};

/**
 * The public unsubscribe link of marketing emails. The token names the email; opting out records
 * OPTED_OUT for marketing email to its recipient in the consent ledger (transactional email, such
 * as a booking confirmation, still goes), once: a second click changes nothing.
 */
export class UnsubscribeService {
  constructor(
    private readonly db: Db,
    private readonly secret: () => string,
    private readonly now: Clock = () => new Date(),
  ) {}

  /** Whether the token is valid, and whether its recipient already opted out. */
  async check(token: string): Promise<UnsubscribeResult> {
    const message = await this.message(token);
    if (!message) return { ok: false };
    return {
      ok: true,
      address: maskAddress(message.toAddress),
      alreadyOptedOut: await this.optedOut(message),
    };
  }

  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const message = await this.message(token);
    if (!message) return { ok: false };
    const t = eventActor(message.organizationId);
    const already = await this.db.$transaction(async (tx) => {
      // One opt-out per address even when the link is clicked twice at once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`consent:${message.organizationId}:EMAIL:${message.toAddress}`}))`;
      if (await this.optedOut(message, new ConsentRepository(tx))) return true;
      await new MessagingRepository(tx).createConsent({
        organizationId: t.organizationId,
        guestId: message.guestId,
        channel: 'EMAIL',
        address: message.toAddress,
        status: 'OPTED_OUT',
        purpose: 'MARKETING',
        source: 'unsubscribe link',
        keyword: null,
        messageId: message.id,
        recordedAt: this.now(),
      });
      return false;
    });
    return { ok: true, address: maskAddress(message.toAddress), alreadyOptedOut: already };
  }

  private async optedOut(
    message: TokenMessage,
    consent = new ConsentRepository(this.db),
  ): Promise<boolean> {
    const latest = (
      await consent.history(eventActor(message.organizationId), 'EMAIL', message.toAddress, 20)
    ).find((r) => r.purpose === null || r.purpose === 'MARKETING');
    return latest?.status === 'OPTED_OUT';
  }

  /** The email a valid token names. The token is what names the tenant here. */
  private async message(token: string): Promise<TokenMessage | null> {
    const id = verifyUnsubscribeToken(this.secret(), token);
    if (!id) return null;
    const rows = await this.db.$queryRaw<TokenMessage[]>(
      Prisma.sql`SELECT "id", "organizationId", "guestId", "toAddress" FROM "communications"."message"
                  WHERE "id" = ${id}::uuid AND "channel" = 'EMAIL' AND "direction" = 'OUTBOUND'`,
    );
    return rows[0] ?? null;
  }
}
