import type { DomainEvent, RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';

/*
 * Factories for the specs of automation, maintenance and projections (test-only; no production
 * code imports this file).
 */

export async function createOrganization(
  sub: RunningSubgraph,
  timezone = 'Europe/Vienna',
  kind: 'HOTEL' | 'FIELD_SERVICE' = 'HOTEL',
): Promise<string> {
  const id = randomUUID();
  await sub.db.organization.create({
    data: { id, name: `Org ${id.slice(0, 8)}`, slug: `org-${id}`, kind, timezone },
  });
  return id;
}

export function createServiceType(
  sub: RunningSubgraph,
  organizationId: string,
  overrides: { name?: string; active?: boolean; checklist?: string[] } = {},
) {
  return sub.db.serviceType.create({
    data: {
      organizationId,
      name: overrides.name ?? `Service ${randomUUID().slice(0, 8)}`,
      defaultMinutes: 30,
      priceMinor: 4500,
      currency: 'EUR',
      checklist: overrides.checklist ?? ['Chill the bottle', 'Deliver to the room'],
      active: overrides.active ?? true,
    },
  });
}

export function createTeam(sub: RunningSubgraph, organizationId: string, name = 'Room service') {
  return sub.db.team.create({ data: { organizationId, name } });
}

/** A guests domain event as the relay hands it to operations' consumers. */
export function guestsEvent(
  type: string,
  organizationId: string,
  entityId: string,
  payload: Record<string, unknown>,
  occurredAt: Date = new Date(),
): DomainEvent {
  return {
    id: randomUUID(),
    type,
    entityType: type.startsWith('Reservation')
      ? 'Reservation'
      : type.startsWith('Room')
        ? 'Room'
        : 'Site',
    entityId,
    organizationId,
    payload,
    occurredAt: occurredAt.toISOString(),
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
