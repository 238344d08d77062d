import type { EventConsumer, Logger } from '@attendant/kit';
import { z } from 'zod';
import { eventActor } from '../shared/actors';
import type { InvoiceService } from './invoice.service';

export const WORK_ORDER_INVOICER = 'work-order-invoicer';

/** What finance reads from operations' `WorkOrderCompleted` payload. */
const completedWorkOrder = z.object({
  number: z.number().int(),
  title: z.string(),
  priceMinor: z.number().int().nonnegative().nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  guestId: z.string().uuid().nullable().optional(),
});

/**
 * Drafts the invoice of a completed work order: one line, its price, no tax. The kit runs it once
 * per event; the invoice also remembers the event (`sourceEventId`, unique), so a redelivered
 * event never drafts a second invoice. A work order without a price is skipped.
 */
export function workOrderInvoicer(invoices: InvoiceService, logger: Logger): EventConsumer {
  return {
    name: WORK_ORDER_INVOICER,
    events: ['WorkOrderCompleted'],
    async handle(event, tx) {
      const wo = completedWorkOrder.parse(event.payload);
      const context = { eventId: event.id, workOrderId: event.entityId, number: wo.number };
      if (wo.priceMinor == null || !wo.currency) {
        logger.info(context, 'completed work order has no price; no invoice drafted');
        return;
      }
      const invoice = await invoices.draftInTransaction(tx, eventActor(event.organizationId), {
        guestId: wo.guestId ?? null,
        workOrderId: event.entityId,
        currency: wo.currency,
        dueAt: null,
        notes: null,
        lines: [
          {
            description: `WO-${wo.number}: ${wo.title}`.slice(0, 200),
            quantity: 1,
            unitPriceMinor: wo.priceMinor,
            taxRateBps: 0,
          },
        ],
        sourceEventId: event.id,
      });
      logger.info(
        { ...context, invoiceId: invoice.id, invoiceNumber: invoice.number },
        'invoice drafted for completed work order',
      );
    },
  };
}
