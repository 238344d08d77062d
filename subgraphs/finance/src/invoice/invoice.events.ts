import { recordEvent, type DbOrTx } from '@attendant/kit';
import type { InvoiceRow } from './invoice.repository';

/**
 * Finance's invoice events, written in the transaction of the change. They carry what a message
 * about the invoice needs (number, amounts, due date, who it is for), so communications never
 * reads this schema.
 */
export function recordInvoiceEvent(
  tx: DbOrTx,
  type: 'InvoiceSent' | 'PaymentOverdue',
  row: InvoiceRow,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return recordEvent(tx, 'finance', {
    type,
    entityType: 'Invoice',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: { ...invoiceFacts(row), ...extra },
  });
}

export function invoiceFacts(row: InvoiceRow) {
  return {
    invoiceId: row.id,
    number: row.number,
    status: row.status,
    totalMinor: row.totalMinor,
    paidMinor: row.paidMinor,
    balanceMinor: row.totalMinor - row.paidMinor,
    currency: row.currency,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    guestId: row.guestId,
    workOrderId: row.workOrderId,
  };
}
