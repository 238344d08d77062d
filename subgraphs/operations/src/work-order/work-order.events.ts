import { recordEvent, type DbOrTx } from '@attendant/kit';
import type { WorkOrderRow } from './work-order.repository';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Writes a work order event in the caller's transaction. Every WorkOrder* event carries the same
 * payload (consumers in guests, finance and analytics and the gateway's subscription filters read
 * it), so fields are only ever added here, never renamed or removed.
 */
export function recordWorkOrderEvent(
  tx: DbOrTx,
  type: string,
  row: WorkOrderRow,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'WorkOrder',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      number: row.number,
      title: row.title,
      status: row.status,
      priority: row.priority,
      technicianId: row.technicianId,
      vendorId: row.vendorId,
      teamId: row.teamId,
      serviceTypeId: row.serviceTypeId,
      guestId: row.guestId,
      kind: row.kind,
      siteId: row.siteId,
      roomId: row.roomId,
      reservationId: row.reservationId,
      reworkOfId: row.reworkOfId,
      priceMinor: row.priceMinor,
      currency: row.currency,
      estimatedMinutes: row.estimatedMinutes,
      windowStart: iso(row.windowStart),
      windowEnd: iso(row.windowEnd),
      scheduledStart: iso(row.scheduledStart),
      scheduledEnd: iso(row.scheduledEnd),
      slaDueAt: iso(row.slaDueAt),
      completedAt: iso(row.completedAt),
      version: row.version,
      ...extra,
    },
  });
}
