import type { MewsConnection } from '@attendant/db';
import { type SecretBox, secretDigest, type Db, type DbOrTx, type Logger } from '@attendant/kit';
import { randomBytes } from 'node:crypto';
import { MewsClient, MewsError } from '../mews/mews.client';
import type { MewsConfig } from '../mews/mews.config';
import type { RateLimiter } from '../mews/mews.limiter';
import { SyncError, SyncErrorCode } from './sync.errors';

export interface ConnectInput {
  baseUrl: string;
  webSocketUrl?: string | null;
  clientToken: string;
  accessToken: string;
  pollIntervalSeconds?: number | null;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  requestId: string | null;
  latencyMs: number;
  enterpriseId: string | null;
}

/** Tokens of a connection, opened only to make calls. */
interface Tokens {
  clientToken: string;
  accessToken: string;
}

/**
 * Mews connections: tokens sealed at rest, one client per connection sharing the process-wide
 * limiter (which itself is shared across processes through PostgreSQL or Redis).
 */
export class MewsConnections {
  private readonly clients = new Map<string, { stamp: string; client: MewsClient }>();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly limiter: RateLimiter,
    private readonly config: MewsConfig,
    private readonly logger: Logger,
    private readonly clientOptions: { maxRetries?: number; backoffBaseMs?: number } = {},
  ) {}

  find(organizationId: string, tx: DbOrTx = this.db): Promise<MewsConnection | null> {
    return tx.mewsConnection.findUnique({ where: { organizationId } });
  }

  async require(organizationId: string): Promise<MewsConnection> {
    const connection = await this.find(organizationId);
    if (!connection || connection.status === 'DISCONNECTED') {
      throw new SyncError(
        SyncErrorCode.NotConnected,
        'No Mews property is connected; connect one in Settings → Mews first',
      );
    }
    return connection;
  }

  all(): Promise<MewsConnection[]> {
    // Every organization's connection: the workers serve them all (not a tenant query).
    return this.db.$queryRawUnsafe<MewsConnection[]>(
      `SELECT * FROM "guests"."mews_connection" WHERE "status" <> 'DISCONNECTED'`,
    );
  }

  client(connection: MewsConnection): MewsClient {
    const stamp = `${connection.baseUrl}|${connection.clientTokenEnc}|${connection.accessTokenEnc}`;
    const cached = this.clients.get(connection.id);
    if (cached && cached.stamp === stamp) return cached.client;
    const client = this.build(connection.baseUrl, this.tokens(connection));
    this.clients.set(connection.id, { stamp, client });
    return client;
  }

  tokens(connection: MewsConnection): Tokens {
    return {
      clientToken: this.box.open(connection.clientTokenEnc),
      accessToken: this.box.open(connection.accessTokenEnc),
    };
  }

  webhookUrl(connection: MewsConnection): string {
    const secret = this.box.open(connection.webhookSecretEnc);
    return `${this.config.MEWS_WEBHOOK_BASE_URL.replace(/\/$/, '')}/webhooks/mews/${secret}`;
  }

  /** The connection a webhook URL's secret belongs to. */
  async byWebhookSecret(secret: string): Promise<MewsConnection | null> {
    // The secret is what identifies the tenant here, so this lookup has no tenant yet.
    const rows = await this.db.$queryRawUnsafe<MewsConnection[]>(
      `SELECT * FROM "guests"."mews_connection" WHERE "webhookSecretHash" = $1`,
      secretDigest(secret),
    );
    return rows[0] ?? null;
  }

  /** Calls Mews with the given tokens; never throws for a Mews answer. */
  async test(baseUrl: string, tokens: Tokens): Promise<ConnectionTest> {
    const started = Date.now();
    const client = this.build(baseUrl, tokens, { maxRetries: 1 });
    try {
      const result = await client.getServices({ Limitation: { Count: 10 } });
      const enterpriseId = result.Services[0]?.EnterpriseId ?? null;
      return {
        ok: true,
        message: `Connected: ${result.Services.length} service(s) visible`,
        requestId: null,
        latencyMs: Date.now() - started,
        enterpriseId,
      };
    } catch (error) {
      return {
        ok: false,
        message: describeMewsFailure(error),
        requestId: error instanceof MewsError ? error.requestId : null,
        latencyMs: Date.now() - started,
        enterpriseId: null,
      };
    }
  }

  async testExisting(organizationId: string): Promise<ConnectionTest> {
    const connection = await this.require(organizationId);
    const result = await this.test(connection.baseUrl, this.tokens(connection));
    await this.db.mewsConnection.update({
      where: { organizationId },
      data: result.ok
        ? { lastTestedAt: new Date(), status: 'CONNECTED', lastError: null, lastErrorAt: null }
        : {
            lastTestedAt: new Date(),
            status: 'ERROR',
            lastError: result.message,
            lastErrorAt: new Date(),
          },
    });
    return result;
  }

  /** Tests the tokens, then stores them sealed; a failed test stores nothing. */
  async connect(organizationId: string, input: ConnectInput): Promise<MewsConnection> {
    const baseUrl = validUrl(input.baseUrl, 'baseUrl', ['http:', 'https:']);
    const webSocketUrl = input.webSocketUrl
      ? validUrl(input.webSocketUrl, 'webSocketUrl', ['ws:', 'wss:'])
      : null;
    const tokens = { clientToken: input.clientToken.trim(), accessToken: input.accessToken.trim() };
    if (!tokens.clientToken || !tokens.accessToken) {
      throw new SyncError(SyncErrorCode.InvalidConnection, 'Both tokens are required', {
        field: tokens.clientToken ? 'accessToken' : 'clientToken',
      });
    }
    const interval = input.pollIntervalSeconds ?? 60;
    if (!Number.isInteger(interval) || interval < 10 || interval > 3600) {
      throw new SyncError(
        SyncErrorCode.InvalidConnection,
        'The poll interval must be between 10 and 3600 seconds',
        { field: 'pollIntervalSeconds' },
      );
    }
    const test = await this.test(baseUrl, tokens);
    if (!test.ok) {
      throw new SyncError(SyncErrorCode.ConnectionFailed, test.message, {
        requestId: test.requestId,
      });
    }
    const secret = randomBytes(24).toString('base64url');
    const fields = {
      baseUrl,
      webSocketUrl,
      clientTokenEnc: this.box.seal(tokens.clientToken),
      accessTokenEnc: this.box.seal(tokens.accessToken),
      accessTokenHint: tokens.accessToken.slice(-4),
      webhookSecretHash: secretDigest(secret),
      webhookSecretEnc: this.box.seal(secret),
      enterpriseId: test.enterpriseId,
      status: 'CONNECTED' as const,
      lastError: null,
      lastErrorAt: null,
      lastTestedAt: new Date(),
      pollIntervalSeconds: interval,
    };
    return this.db.mewsConnection.upsert({
      where: { organizationId },
      create: { organizationId, ...fields },
      update: fields,
    });
  }

  async disconnect(organizationId: string): Promise<void> {
    await this.require(organizationId);
    await this.db.mewsConnection.update({
      where: { organizationId },
      data: { status: 'DISCONNECTED' },
    });
    this.clients.clear();
  }

  /** A 401/403 means the tokens no longer work: stop and tell the admin. */
  async markFailure(organizationId: string, error: unknown): Promise<void> {
    if (!(error instanceof MewsError) || error.kind !== 'auth') return;
    await this.db.mewsConnection.updateMany({
      where: { organizationId, status: 'CONNECTED' },
      data: { status: 'ERROR', lastError: describeMewsFailure(error), lastErrorAt: new Date() },
    });
    this.logger.warn({ organizationId, requestId: error.requestId }, 'mews rejected the tokens');
  }

  async markEvent(organizationId: string): Promise<void> {
    await this.db.mewsConnection.updateMany({
      where: { organizationId },
      data: { lastEventAt: new Date() },
    });
  }

  private build(
    baseUrl: string,
    tokens: Tokens,
    overrides: { maxRetries?: number } = {},
  ): MewsClient {
    return new MewsClient({
      baseUrl,
      clientToken: tokens.clientToken,
      accessToken: tokens.accessToken,
      client: this.config.MEWS_CLIENT_NAME,
      logger: this.logger,
      limiter: this.limiter,
      ...this.clientOptions,
      ...overrides,
    });
  }
}

/** What an admin should read when Mews said no. */
export function describeMewsFailure(error: unknown): string {
  if (!(error instanceof MewsError)) {
    return `Mews could not be reached: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ref = error.requestId ? ` (Mews request ${error.requestId})` : '';
  switch (error.kind) {
    case 'auth':
      return `Mews rejected the tokens: ${error.message}. Check the client and access tokens${ref}`;
    case 'business':
      return `Mews refused: ${error.message}${ref}`;
    case 'network':
      return `Mews could not be reached: ${error.message}`;
    case 'rate-limit':
      return `Mews rate limit reached; retrying later${ref}`;
    case 'server':
      return `Mews had an error (HTTP ${error.status}): ${error.message}${ref}`;
    case 'client':
    case 'conflict':
    case 'too-heavy':
      return `Mews answered HTTP ${error.status}: ${error.message}${ref}`;
  }
}

function validUrl(value: string, field: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SyncError(SyncErrorCode.InvalidConnection, `${field} is not a valid URL`, { field });
  }
  if (!protocols.includes(url.protocol)) {
    throw new SyncError(
      SyncErrorCode.InvalidConnection,
      `${field} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      { field },
    );
  }
  return url.toString().replace(/\/$/, '');
}
