import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Payment links. A customer reaches `<PUBLIC_BASE_URL>/pay/<token>` from a text message, without
 * signing in, so the token says which invoice it is for and until when, and is signed: with a key
 * derived from the secret the gateway and subgraphs share, so nothing is stored per link and a
 * link can neither be guessed nor pointed at another invoice. Finance checks it (the gateway only
 * forwards it), so the key never leaves the subgraphs' side of the signature.
 */

/** How long a link stays usable after the due date (or after issuing, when that is later). */
export const PAYMENT_LINK_GRACE_MS = 60 * 86_400_000;

export interface PaymentLinkClaims {
  invoiceId: string;
  organizationId: string;
  expiresAt: Date;
}

const keyOf = (secret: string) =>
  createHmac('sha256', secret).update('attendant:payment-link:v1').digest();

const mac = (secret: string, payload: string) =>
  createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

/** `<payload>.<mac>`, both base64url: the invoice, its organization and the expiry (seconds). */
export function signPaymentToken(claims: PaymentLinkClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify([
      claims.invoiceId,
      claims.organizationId,
      Math.floor(claims.expiresAt.getTime() / 1000),
    ]),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claims of a valid, unexpired token; null for anything else. */
export function verifyPaymentToken(
  token: string,
  secret: string,
  now: Date,
): PaymentLinkClaims | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [invoiceId, organizationId, exp] = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof invoiceId !== 'string' || typeof organizationId !== 'string') return null;
    if (typeof exp !== 'number' || exp * 1000 <= now.getTime()) return null;
    return { invoiceId, organizationId, expiresAt: new Date(exp * 1000) };
  } catch {
    return null;
  }
}

/** When an invoice's link stops working: a grace period after the due date or issue date. */
export const paymentLinkExpiry = (issuedAt: Date, dueAt: Date | null): Date =>
  new Date(Math.max(issuedAt.getTime(), dueAt?.getTime() ?? 0) + PAYMENT_LINK_GRACE_MS);

export const paymentLinkUrl = (baseUrl: string, token: string): string => `${baseUrl}/pay/${token}`;
