import { createHmac, timingSafeEqual } from 'node:crypto';

export const ROLES = [
  'ADMIN',
  'MANAGER',
  'DISPATCHER',
  'TECHNICIAN',
  'ANALYST',
  'INTEGRATOR',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = [
  'ADMIN',
  'MANAGER',
  'DISPATCHER',
  'TECHNICIAN',
  'ANALYST',
];

/** Who is calling, as the gateway established it. */
export interface Actor {
  kind: 'user' | 'apiKey' | 'anonymous';
  organizationId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  roles: Role[];
  scopes: string[];
}

export interface TenantActor extends Actor {
  organizationId: string;
}

export const ANONYMOUS: Actor = Object.freeze({
  kind: 'anonymous',
  organizationId: null,
  userId: null,
  apiKeyId: null,
  roles: [],
  scopes: [],
}) as Actor;

export const ACTOR_HEADER = 'x-attendant-actor';
export const SIGNATURE_HEADER = 'x-attendant-signature';
export const REQUEST_ID_HEADER = 'x-request-id';
/** A signed header older than this is refused, so a captured one cannot be replayed for long. */
const MAX_AGE_MS = 5 * 60_000;

function mac(secret: string, timestamp: string, payload: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('base64url');
}

/** The two headers the gateway adds to every subgraph request. */
export function signActor(actor: Actor, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(actor)).toString('base64url');
  const t = String(now);
  return { [ACTOR_HEADER]: payload, [SIGNATURE_HEADER]: `t=${t},v1=${mac(secret, t, payload)}` };
}

/** Returns the actor if the headers carry a valid, fresh gateway signature; otherwise null. */
export function verifyActor(
  payload: string | undefined,
  signature: string | undefined,
  secret: string,
  now = Date.now(),
): Actor | null {
  if (!payload || !signature) return null;
  const match = /^t=(\d+),v1=([A-Za-z0-9_-]+)$/.exec(signature);
  if (!match) return null;
  const [, t, given] = match as unknown as [string, string, string];
  if (Math.abs(now - Number(t)) > MAX_AGE_MS) return null;
  const expected = Buffer.from(mac(secret, t, payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Actor;
  } catch {
    return null;
  }
}

export function hasTenant(actor: Actor): actor is TenantActor {
  return actor.kind !== 'anonymous' && typeof actor.organizationId === 'string';
}
