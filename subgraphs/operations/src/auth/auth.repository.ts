import type { Prisma } from '@attendant/db';
import { recordEvent, type Db, type DbOrTx, type TenantActor } from '@attendant/kit';

/*
 * Credentials are looked up before an organization is known (login by email, a refresh token,
 * an API key prefix). Those lookups go by a globally unique value and then carry the row's own
 * organizationId into every following query, which the tenancy guard checks.
 */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  userByEmail(email: string) {
    return this.db.$queryRaw<{ id: string; organizationId: string }[]>`
      SELECT "id", "organizationId" FROM "operations"."user" WHERE lower("email") = lower(${email}) LIMIT 1`.then(
      (r) => r[0] ?? null,
    );
  }

  user(organizationId: string, id: string) {
    return this.db.user.findFirst({ where: { id, organizationId } });
  }

  usersByIds(actor: TenantActor, ids: readonly string[]) {
    return this.db.user.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
    });
  }

  organization(id: string) {
    return this.db.organization.findUnique({ where: { id } });
  }

  organizations(ids: readonly string[]) {
    return this.db.organization.findMany({ where: { id: { in: [...ids] } } });
  }

  technicianIdOf(organizationId: string, userId: string) {
    return this.db.technician
      .findFirst({ where: { organizationId, userId }, select: { id: true } })
      .then((t) => t?.id ?? null);
  }

  /** Records the sign-in; the event tells other domains (communications' alert routing) who holds which roles. */
  touchLogin(organizationId: string, id: string) {
    return this.db.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id, organizationId },
        data: { lastLoginAt: new Date() },
      });
      await recordEvent(tx, 'operations', {
        type: 'UserSignedIn',
        entityType: 'User',
        entityId: user.id,
        organizationId,
        payload: { name: user.name, email: user.email, roles: user.roles, active: user.active },
      });
      return user;
    });
  }

  refreshTokenByHash(tokenHash: string) {
    return this.db.$queryRaw<{ id: string; organizationId: string }[]>`
      SELECT "id", "organizationId" FROM "operations"."refresh_token" WHERE "tokenHash" = ${tokenHash} LIMIT 1`.then(
      (r) => r[0] ?? null,
    );
  }

  refreshToken(organizationId: string, id: string, tx: DbOrTx = this.db) {
    return tx.refreshToken.findFirst({ where: { id, organizationId } });
  }

  createRefreshToken(data: Prisma.RefreshTokenUncheckedCreateInput, tx: DbOrTx = this.db) {
    return tx.refreshToken.create({ data });
  }

  /** Revokes the token if it is still live; false when it was already used or revoked. */
  revokeRefreshToken(organizationId: string, id: string, tx: DbOrTx = this.db) {
    return tx.refreshToken
      .updateMany({
        where: { id, organizationId, revokedAt: null },
        data: { revokedAt: new Date() },
      })
      .then((r) => r.count === 1);
  }

  revokeAllRefreshTokens(organizationId: string, userId: string, tx: DbOrTx = this.db) {
    return tx.refreshToken.updateMany({
      where: { organizationId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  apiKeyByPrefix(prefix: string) {
    return this.db.$queryRaw<{ id: string; organizationId: string }[]>`
      SELECT "id", "organizationId" FROM "operations"."api_key" WHERE "prefix" = ${prefix} LIMIT 1`.then(
      (r) => r[0] ?? null,
    );
  }

  apiKey(organizationId: string, id: string) {
    return this.db.apiKey.findFirst({ where: { id, organizationId } });
  }

  apiKeys(actor: TenantActor) {
    return this.db.apiKey.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { createdAt: 'desc' },
    });
  }

  createApiKey(data: Prisma.ApiKeyUncheckedCreateInput) {
    return this.db.apiKey.create({ data });
  }

  revokeApiKey(actor: TenantActor, id: string) {
    return this.db.apiKey
      .updateMany({
        where: { id, organizationId: actor.organizationId, revokedAt: null },
        data: { revokedAt: new Date() },
      })
      .then((r) => r.count === 1);
  }

  touchApiKey(organizationId: string, id: string) {
    return this.db.apiKey.updateMany({
      where: { id, organizationId },
      data: { lastUsedAt: new Date() },
    });
  }
}
