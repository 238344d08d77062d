import type { DomainEvent, Logger, Tx } from '@attendant/kit';
import { z } from 'zod';
import { eventActor } from '../shared/actors';
import { WorkOrderFactRepository } from './work-order-fact.repository';

/** What analytics reads from operations' WorkOrder* payloads. */
const workOrderPayload = z.object({
  status: z.string().min(1),
  technicianId: z.string().uuid().nullable().optional(),
  scheduledStart: z.string().nullable().optional(),
  estimatedMinutes: z.number().int(),
  completedAt: z.string().nullable().optional(),
});

/** An ISO timestamp, or null when absent or unreadable. */
function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export class WorkOrderFactService {
  /**
   * Applies a work order event to the projection in the consumer's transaction. Events may arrive
   * late or twice: a fact is only replaced by an event at least as new as the one it came from.
   */
  async apply(tx: Tx, event: DomainEvent, logger: Logger): Promise<void> {
    const payload = workOrderPayload.parse(event.payload);
    const written = await new WorkOrderFactRepository(tx).upsertIfNewer(
      eventActor(event.organizationId),
      {
        workOrderId: event.entityId,
        technicianId: payload.technicianId ?? null,
        status: payload.status,
        scheduledStart: parseDate(payload.scheduledStart),
        estimatedMinutes: payload.estimatedMinutes,
        completedAt: parseDate(payload.completedAt),
        updatedAt: new Date(event.occurredAt),
      },
    );
    if (!written)
      logger.info(
        { eventId: event.id, workOrderId: event.entityId },
        'work order fact already newer; event skipped',
      );
  }
}
