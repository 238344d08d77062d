import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Unsubscribe tokens name the marketing email they came in: "<message id>.<signature>". The
 * signature is an HMAC under a key derived from the platform's signing secret, so a token cannot
 * be forged or altered, and nothing needs storing per email. The message says who to opt out.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const UNSUBSCRIBE_TOKEN = new RegExp(`^(${UUID})\\.([A-Za-z0-9_-]{32})$`);

const keyOf = (secret: string): Buffer =>
  createHmac('sha256', secret).update('attendant/email-unsubscribe/v1').digest();

const signature = (secret: string, messageId: string): string =>
  createHmac('sha256', keyOf(secret)).update(messageId).digest('base64url').slice(0, 32);

export const unsubscribeToken = (secret: string, messageId: string): string =>
  `${messageId}.${signature(secret, messageId)}`;

/** The message id a token was made for, or null when it is malformed or not ours. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = UNSUBSCRIBE_TOKEN.exec(token);
  if (!match) return null;
  const [, messageId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(signature(secret, messageId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? messageId : null;
}

/** The public path of an unsubscribe link at the gateway. */
export const unsubscribePath = (token: string): string => `/email/unsubscribe/${token}`;
