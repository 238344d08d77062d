import { recordEvent, type DomainEvent, type EventConsumer, type Tx } from '@attendant/kit';
import { hashToken, LINK_LIFETIME_MS, newToken } from './tracking-link';
import { TrackingRepository } from './tracking.repository';

export const TRACKING_LINK_ISSUED = 'TrackingLinkIssued';
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/*
 * The customer's link for an "on my way" text. Links are stored only as hashes, so no other
 * domain can build one later; instead, when a job with a customer goes EN_ROUTE, a fresh link is
 * made here and its URL handed over once, in a TrackingLinkIssued event (with the job's fields and
 * the technician's live ETA), which communications renders into the text. The URL then exists in
 * this outbox row and its job only until they are cleaned up, and the link ends within 24 h (or an
 * hour after the job closes) like any other. One link per EN_ROUTE transition: the kit runs this
 * once per status event.
 */
export function customerLinkConsumer(
  publicBaseUrl: string,
  now: () => Date = () => new Date(),
): EventConsumer {
  return {
    name: 'customer-tracking-link',
    events: ['WorkOrderStatusChanged'],
    async handle(event, tx) {
      await issueCustomerLink(tx, event, publicBaseUrl, now());
    },
  };
}

/** Answers the link's id, or null when the job needs none (no customer, no longer on the way). */
export async function issueCustomerLink(
  tx: Tx,
  event: DomainEvent,
  publicBaseUrl: string,
  at: Date,
): Promise<string | null> {
  if (event.entityType !== 'WorkOrder' || event.payload['status'] !== 'EN_ROUTE') return null;
  const organizationId = event.organizationId;
  const wo = await tx.workOrder.findFirst({ where: { organizationId, id: event.entityId } });
  if (!wo?.guestId || wo.status !== 'EN_ROUTE') return null;
  const repo = new TrackingRepository(tx);
  const token = newToken();
  const link = await repo.createLink({
    organizationId,
    workOrderId: wo.id,
    tokenHash: hashToken(token),
    createdById: null,
    expiresAt: new Date(at.getTime() + LINK_LIFETIME_MS),
  });
  const position = wo.technicianId ? await repo.position(organizationId, wo.technicianId) : null;
  await recordEvent(tx, 'operations', {
    type: TRACKING_LINK_ISSUED,
    entityType: 'TrackingLink',
    entityId: link.id,
    organizationId,
    payload: {
      workOrderId: wo.id,
      sourceEventId: event.id,
      trackingUrl: `${publicBaseUrl}/track/${token}`,
      linkExpiresAt: link.expiresAt.toISOString(),
      etaAt: position?.nextWorkOrderId === wo.id ? iso(position.etaAt) : null,
      number: wo.number,
      title: wo.title,
      status: wo.status,
      priority: wo.priority,
      kind: wo.kind,
      guestId: wo.guestId,
      technicianId: wo.technicianId,
      windowStart: iso(wo.windowStart),
      windowEnd: iso(wo.windowEnd),
      scheduledStart: iso(wo.scheduledStart),
      scheduledEnd: iso(wo.scheduledEnd),
      version: wo.version,
    },
  });
  return link.id;
}
