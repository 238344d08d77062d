import {
  tenant,
  hashPassword,
  hashSecret,
  newSecret,
  REFRESH_TOKEN_TTL_SECONDS,
  signAccessToken,
  verifyPassword,
  type Actor,
  type Db,
  type Role,
} from '@attendant/kit';
import { randomBytes } from 'node:crypto';
import { AuthError, AuthErrorCode } from './auth.errors';
import { AuthRepository } from './auth.repository';
import type { CreateApiKeyInput } from './auth.type';

// Verifying against this keeps a login for an unknown email as slow as one with a wrong password.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));
const API_KEY_PREFIX = 'att';

/** Refresh tokens travel as `<row id>.<secret>`; only the secret's hash is stored. */
const splitToken = (token: string) => {
  const [id, secret] = token.split('.', 2);
  return id && secret ? { id, secret } : null;
};

export class AuthService {
  private readonly repo: AuthRepository;

  constructor(
    private readonly db: Db,
    private readonly jwtSecret: string,
  ) {
    this.repo = new AuthRepository(db);
  }

  async login(email: string, password: string) {
    const found = await this.repo.userByEmail(email.trim());
    const user = found ? await this.repo.user(found.organizationId, found.id) : null;
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !ok || !user.active) {
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'The email or password is not right');
    }
    await this.repo.touchLogin(user.organizationId, user.id);
    return this.issue(user);
  }

  async refresh(refreshToken: string) {
    const parts = splitToken(refreshToken);
    const invalid = new AuthError(
      AuthErrorCode.InvalidRefreshToken,
      'Your session has ended; sign in again',
    );
    if (!parts) throw invalid;
    const found = await this.repo.refreshTokenByHash(hashSecret(parts.secret));
    if (!found || found.id !== parts.id) throw invalid;
    const token = await this.repo.refreshToken(found.organizationId, found.id);
    if (!token || token.expiresAt < new Date()) throw invalid;
    if (token.revokedAt) {
      // A used refresh token came back: it was stolen or replayed. End every session of the user.
      await this.repo.revokeAllRefreshTokens(token.organizationId, token.userId);
      throw invalid;
    }
    const user = await this.repo.user(token.organizationId, token.userId);
    if (!user?.active) throw invalid;
    if (!(await this.repo.revokeRefreshToken(token.organizationId, token.id))) throw invalid;
    return this.issue(user);
  }

  async logout(refreshToken: string): Promise<boolean> {
    const parts = splitToken(refreshToken);
    if (!parts) return false;
    const found = await this.repo.refreshTokenByHash(hashSecret(parts.secret));
    return found ? this.repo.revokeRefreshToken(found.organizationId, found.id) : false;
  }

  async me(actor: Actor) {
    const t = tenant(actor);
    const user = await this.repo.user(t.organizationId, t.userId ?? '');
    if (!user) throw new AuthError(AuthErrorCode.InvalidCredentials, 'Sign in to do this');
    return this.withOrganization(user);
  }

  usersByIds(actor: Actor, ids: readonly string[]) {
    return this.repo.usersByIds(tenant(actor), ids);
  }

  organizationsByIds(ids: readonly string[]) {
    return this.repo.organizations(ids);
  }

  async createApiKey(actor: Actor, input: CreateApiKeyInput) {
    const t = tenant(actor);
    const prefix = `${API_KEY_PREFIX}_${randomBytes(6).toString('hex')}`;
    const { secret, hash } = newSecret();
    const apiKey = await this.repo.createApiKey({
      organizationId: t.organizationId,
      name: input.name.trim(),
      prefix,
      keyHash: hash,
      scopes: [...new Set(input.scopes)],
      createdById: t.userId,
    });
    return { apiKey, secret: `${prefix}.${secret}` };
  }

  apiKeys(actor: Actor) {
    return this.repo.apiKeys(tenant(actor));
  }

  async revokeApiKey(actor: Actor, id: string): Promise<boolean> {
    if (!(await this.repo.revokeApiKey(tenant(actor), id))) {
      throw new AuthError(
        AuthErrorCode.ApiKeyNotFound,
        `API key ${id} was not found or is already revoked`,
      );
    }
    return true;
  }

  /** For the gateway: the actor behind an API key, or null. */
  async verifyApiKey(key: string): Promise<Actor | null> {
    const [prefix, secret] = key.split('.', 2);
    if (!prefix || !secret) return null;
    const found = await this.repo.apiKeyByPrefix(prefix);
    if (!found) return null;
    const row = await this.repo.apiKey(found.organizationId, found.id);
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
    const given = hashSecret(secret);
    if (given.length !== row.keyHash.length || given !== row.keyHash) return null;
    await this.repo.touchApiKey(row.organizationId, row.id);
    return {
      kind: 'apiKey',
      organizationId: row.organizationId,
      userId: null,
      apiKeyId: row.id,
      roles: ['INTEGRATOR'],
      scopes: row.scopes,
    };
  }

  private async withOrganization<U extends { id: string; organizationId: string }>(user: U) {
    const [organization, technicianId] = await Promise.all([
      this.repo.organization(user.organizationId),
      this.repo.technicianIdOf(user.organizationId, user.id),
    ]);
    return { ...user, organization, technicianId };
  }

  private async issue(user: { id: string; organizationId: string; roles: Role[] }) {
    const access = await signAccessToken(
      { userId: user.id, organizationId: user.organizationId, roles: user.roles },
      this.jwtSecret,
    );
    const { secret, hash } = newSecret();
    const token = await this.repo.createRefreshToken({
      organizationId: user.organizationId,
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: `${token.id}.${secret}`,
      user: await this.withOrganization(user),
    };
  }
}
