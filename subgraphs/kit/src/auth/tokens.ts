import { jwtVerify, SignJWT } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role } from './actor';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
const ISSUER = 'attendant';

export interface AccessClaims {
  userId: string;
  organizationId: string;
  roles: Role[];
}

export interface VerifiedClaims extends AccessClaims {
  expiresAt: Date;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signAccessToken(
  claims: AccessClaims,
  secret: string,
  now = Date.now(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ org: claims.organizationId, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Returns the claims of a valid, unexpired access token, or null. */
export async function verifyAccessToken(
  token: string,
  secret: string,
): Promise<VerifiedClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    const roles =
      (payload['roles'] as unknown[] | undefined)?.filter((r): r is Role =>
        ROLES.includes(r as Role),
      ) ?? [];
    if (typeof payload.sub !== 'string' || typeof payload['org'] !== 'string') return null;
    return {
      userId: payload.sub,
      organizationId: payload['org'],
      roles,
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  } catch {
    return null;
  }
}

/** An opaque random secret and the hash we store for it (refresh tokens, API keys). */
export function newSecret(bytes = 32): { secret: string; hash: string } {
  const secret = randomBytes(bytes).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

/** High-entropy secrets need no slow KDF: SHA-256 is enough and keeps verification cheap. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
