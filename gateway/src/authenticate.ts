import { ANONYMOUS, signActor, verifyAccessToken, type Actor } from '@attendant/kit';
import { LRUCache } from 'lru-cache';

export class AuthenticationError extends Error {}

export interface Identity {
  actor: Actor;
  /** When the credential stops being valid; null for API keys and anonymous callers. */
  expiresAt: Date | null;
}

/**
 * Turns the credential on a request into an actor, once, at the edge. Staff send a JWT
 * (`Authorization: Bearer …`); integrations send an API key (`Authorization: ApiKey …` or
 * `x-api-key`), which operations verifies for us and we cache briefly. No credential means the
 * anonymous actor, which subgraphs only let through to public fields such as `login`.
 */
export class Authenticator {
  private readonly apiKeys = new LRUCache<string, { actor: Actor | null }>({
    max: 10_000,
    ttl: 30_000,
  });
  private readonly tokens = new LRUCache<string, Identity>({ max: 50_000 });

  constructor(
    private readonly jwtSecret: string,
    private readonly signingSecret: string,
    private readonly operationsUrl: string,
  ) {}

  async fromHeaders(
    authorization: string | undefined,
    apiKeyHeader: string | undefined,
  ): Promise<Actor> {
    return (await this.identify(authorization, apiKeyHeader)).actor;
  }

  /** The actor and, for a staff token, when it expires (a WebSocket must not outlive it). */
  async identify(
    authorization: string | undefined,
    apiKeyHeader: string | undefined,
  ): Promise<Identity> {
    const [scheme, value] = (authorization ?? '').trim().split(/\s+/, 2);
    if (scheme && /^bearer$/i.test(scheme) && value) return this.fromToken(value);
    const key = scheme && /^apikey$/i.test(scheme) && value ? value : apiKeyHeader;
    if (key) return { actor: await this.fromApiKey(key), expiresAt: null };
    if (authorization)
      throw new AuthenticationError('Unsupported Authorization scheme; use Bearer or ApiKey');
    return { actor: ANONYMOUS, expiresAt: null };
  }

  async fromToken(token: string): Promise<Identity> {
    const cached = this.tokens.get(token);
    if (cached) return cached;
    const claims = await verifyAccessToken(token, this.jwtSecret);
    if (!claims)
      throw new AuthenticationError(
        'Your session has expired or the token is not valid; sign in again',
      );
    const identity: Identity = {
      actor: {
        kind: 'user',
        organizationId: claims.organizationId,
        userId: claims.userId,
        apiKeyId: null,
        roles: claims.roles,
        scopes: [],
      },
      expiresAt: claims.expiresAt,
    };
    // A verified token stays valid until it expires: remember it until then.
    const ttl = claims.expiresAt.getTime() - Date.now();
    if (ttl > 0) this.tokens.set(token, identity, { ttl });
    return identity;
  }

  async fromApiKey(key: string): Promise<Actor> {
    let cached = this.apiKeys.get(key);
    if (!cached) {
      const url = this.operationsUrl.replace(/\/graphql$/, '/internal/api-keys/verify');
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signActor(ANONYMOUS, this.signingSecret),
        },
        body: JSON.stringify({ key }),
      });
      if (res.status !== 200 && res.status !== 404)
        throw new Error(`API key check failed with HTTP ${res.status}`);
      cached = { actor: ((await res.json()) as { actor: Actor | null }).actor };
      this.apiKeys.set(key, cached);
    }
    if (!cached.actor)
      throw new AuthenticationError('The API key is not valid or has been revoked');
    return cached.actor;
  }
}
