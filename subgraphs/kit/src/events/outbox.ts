import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/prisma';
import type { DomainSchema, NewEvent } from './event';

/**
 * Writes a domain event into the domain's own outbox table. Call it with the transaction that
 * makes the change, so the event exists exactly when the change does; the relay publishes it.
 */
export async function recordEvent(
  tx: DbOrTx,
  schema: DomainSchema,
  event: NewEvent,
): Promise<string> {
  const id = randomUUID();
  await tx.$executeRawUnsafe(
    `INSERT INTO "${schema}"."outbox" ("id","organizationId","type","entityType","entityId","payload")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::jsonb)`,
    id,
    event.organizationId,
    event.type,
    event.entityType,
    event.entityId,
    JSON.stringify(event.payload ?? {}),
  );
  return id;
}
