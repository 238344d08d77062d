import type { DbOrTx, TenantActor } from '@attendant/kit';
import { DomainError, type ErrorCode } from '@attendant/kit';

/**
 * Idempotency keys for mutations. The offline app (and any integrator retrying a request) sends a
 * key it made up; the first call claims it in the transaction that applies the change and stores
 * what it produced; a replay finds the claim and answers with that result's current state, so a
 * change delivered twice is applied once.
 *
 * A concurrent replay waits on the claim's row lock until the first call commits (then replays)
 * or rolls back (then applies), so two deliveries racing each other still apply once.
 */
export interface IdempotencyRequest {
  key: string;
  /** The mutation, e.g. `addWorkOrderNote`: a key reused for another operation is refused. */
  operation: string;
}

/** Thrown inside the transaction when the key was used before; carries the stored result id. */
export class Replayed {
  constructor(readonly resultId: string | null) {}
}

export enum IdempotencyErrorCode {
  KeyReused = 'IDEMPOTENCY_KEY_REUSED',
}

export class IdempotencyError extends DomainError<IdempotencyErrorCode> {
  get transportCode(): ErrorCode {
    return 'BAD_USER_INPUT';
  }
}

const keyReused = (key: string) =>
  new IdempotencyError(
    IdempotencyErrorCode.KeyReused,
    `The idempotency key "${key}" was already used for another request; send a new key for a new change`,
    { field: 'idempotencyKey' },
  );

/** Answers a replay with the stored result, loaded again by its id. */
export function replayed<T>(
  err: Replayed,
  load: ((resultId: string) => Promise<T>) | undefined,
): Promise<T> {
  if (err.resultId && load) return load(err.resultId);
  // Only a claim whose transaction is still open has no result, and a replay waits for that.
  throw new IdempotencyError(
    IdempotencyErrorCode.KeyReused,
    'This idempotency key has no stored result; send a new key',
    { field: 'idempotencyKey' },
  );
}

/** Accepts an optional key from an argument: trimmed, empty means none. */
export function idempotency(
  key: string | null | undefined,
  operation: string,
): IdempotencyRequest | null {
  const trimmed = key?.trim();
  return trimmed ? { key: trimmed, operation } : null;
}

/**
 * Claims the key inside the caller's transaction, or throws `Replayed` when it was claimed
 * before by the same user for the same operation.
 */
export async function claimKey(
  tx: DbOrTx,
  t: TenantActor,
  request: IdempotencyRequest,
): Promise<void> {
  const { count } = await tx.idempotencyKey.createMany({
    data: [
      {
        organizationId: t.organizationId,
        key: request.key,
        userId: t.userId ?? null,
        operation: request.operation,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 1) return;
  const stored = await tx.idempotencyKey.findFirst({
    where: { organizationId: t.organizationId, key: request.key },
  });
  if (!stored || stored.operation !== request.operation || stored.userId !== (t.userId ?? null)) {
    throw keyReused(request.key);
  }
  throw new Replayed(stored.resultId);
}

/**
 * The result id of a key already used (by this user, for this operation), or null when it is
 * new. A cheap check before a call's rules run; the claim in the transaction settles races.
 */
export async function storedResult(
  db: DbOrTx,
  t: TenantActor,
  request: IdempotencyRequest,
): Promise<string | null> {
  const stored = await db.idempotencyKey.findFirst({
    where: { organizationId: t.organizationId, key: request.key },
  });
  if (!stored?.resultId) return null;
  if (stored.operation !== request.operation || stored.userId !== (t.userId ?? null)) {
    throw keyReused(request.key);
  }
  return stored.resultId;
}

/** Stores what the claimed call produced, in the same transaction. */
export async function settleKey(
  tx: DbOrTx,
  t: TenantActor,
  key: string,
  resultId: string,
): Promise<void> {
  await tx.idempotencyKey.updateMany({
    where: { organizationId: t.organizationId, key },
    data: { resultId },
  });
}

/**
 * Records a key whose call turned out to change nothing (its transaction was rolled back), so a
 * later replay still answers without applying it, even after other changes.
 */
export async function recordUnchanged(
  db: DbOrTx,
  t: TenantActor,
  request: IdempotencyRequest,
  resultId: string,
): Promise<void> {
  await db.idempotencyKey.createMany({
    data: [
      {
        organizationId: t.organizationId,
        key: request.key,
        userId: t.userId ?? null,
        operation: request.operation,
        resultId,
      },
    ],
    skipDuplicates: true,
  });
}

/** Keys older than this are forgotten: an outbox does not hold a change for a month. */
export const IDEMPOTENCY_KEY_DAYS = 30;

export async function pruneKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_DAYS * 86_400_000);
  // Not tenant-scoped on purpose: one sweep over every organization's expired keys.
  const rows = await db.$executeRaw`
    DELETE FROM "operations"."idempotency_key" WHERE "createdAt" < ${before}`;
  return rows;
}
