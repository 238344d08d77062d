export const DOMAIN_SCHEMAS = [
  'operations',
  'guests',
  'finance',
  'communications',
  'analytics',
] as const;
export type DomainSchema = (typeof DOMAIN_SCHEMAS)[number];

/** A domain event: small, with enough fields for subscription filters and consumers. */
export interface DomainEvent {
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  organizationId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export type NewEvent = Pick<DomainEvent, 'type' | 'entityType' | 'entityId' | 'organizationId'> & {
  payload?: Record<string, unknown>;
};
