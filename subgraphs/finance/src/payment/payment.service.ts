import type { PaymentMethod } from '@attendant/db';
import { recordEvent, requireRoles, type Actor, type Db } from '@attendant/kit';
import { InvoiceError, InvoiceErrorCode } from '../invoice/invoice.errors';
import { invoiceFacts } from '../invoice/invoice.events';
import { InvoiceRepository } from '../invoice/invoice.repository';
import { FINANCE_WRITERS, financeReader, isUuid } from '../shared/actors';
import { PaymentRepository, type PaymentRow } from './payment.repository';

export interface RecordPaymentCommand {
  invoiceId: string;
  amountMinor: number;
  method: PaymentMethod;
  /** The provider's (or the bank's) reference; the same reference twice is one payment. */
  providerRef?: string | null;
}

export class PaymentService {
  private readonly repo: PaymentRepository;
  private readonly invoices: InvoiceRepository;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new PaymentRepository(db);
    this.invoices = new InvoiceRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<PaymentRow[]> {
    return this.repo.findByIds(financeReader(actor), ids.filter(isUuid));
  }

  /** Payments of each invoice, oldest first. */
  async forInvoices(
    actor: Actor,
    invoiceIds: readonly string[],
  ): Promise<{ id: string; rows: PaymentRow[] }[]> {
    const rows = await this.repo.findByInvoiceIds(financeReader(actor), invoiceIds);
    return invoiceIds.map((id) => ({ id, rows: rows.filter((r) => r.invoiceId === id) }));
  }

  /**
   * Records money received against an issued invoice: the payment (SUCCEEDED), the invoice's paid
   * amount and status, and `PaymentReceived`, in one transaction under the invoice's row lock.
   * A payment with a reference already recorded on the invoice is answered, not added again.
   */
  async record(actor: Actor, input: RecordPaymentCommand): Promise<PaymentRow> {
    const t = requireRoles(actor, FINANCE_WRITERS);
    const providerRef = input.providerRef?.trim() || null;
    return this.db.$transaction(async (tx) => {
      const invoices = this.invoices.with(tx);
      const invoice = isUuid(input.invoiceId) ? await invoices.lock(t, input.invoiceId) : null;
      if (!invoice)
        throw new InvoiceError(
          InvoiceErrorCode.NotFound,
          `Invoice ${input.invoiceId} was not found`,
          { id: input.invoiceId },
        );
      const repo = this.repo.with(tx);
      if (providerRef) {
        const earlier = await repo.findByRef(t, invoice.id, providerRef);
        if (earlier) return earlier;
      }
      if (invoice.status !== 'ISSUED' && invoice.status !== 'PARTIALLY_PAID')
        throw new InvoiceError(
          InvoiceErrorCode.NotPayable,
          invoice.status === 'PAID'
            ? `Invoice ${invoice.number} is already paid`
            : `Invoice ${invoice.number} is ${invoice.status.toLowerCase()}; issue it before recording payments`,
          { id: invoice.id },
        );
      const balance = invoice.totalMinor - invoice.paidMinor;
      if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0)
        throw new InvoiceError(InvoiceErrorCode.InvalidPayment, 'The amount must be positive', {
          field: 'amountMinor',
        });
      if (input.amountMinor > balance)
        throw new InvoiceError(
          InvoiceErrorCode.InvalidPayment,
          `The amount is more than the ${balance} ${invoice.currency} (minor units) still owed`,
          { field: 'amountMinor' },
        );
      const now = this.now();
      const payment = await repo.create({
        organizationId: t.organizationId,
        invoiceId: invoice.id,
        amountMinor: input.amountMinor,
        currency: invoice.currency,
        method: input.method,
        status: 'SUCCEEDED',
        providerRef,
        receivedAt: now,
      });
      const paidMinor = invoice.paidMinor + input.amountMinor;
      const updated = await invoices.update(t, invoice.id, {
        paidMinor,
        status: paidMinor >= invoice.totalMinor ? 'PAID' : 'PARTIALLY_PAID',
      });
      await recordEvent(tx, 'finance', {
        type: 'PaymentReceived',
        entityType: 'Payment',
        entityId: payment.id,
        organizationId: t.organizationId,
        payload: {
          ...invoiceFacts(updated),
          paymentId: payment.id,
          amountMinor: payment.amountMinor,
          method: payment.method,
          receivedAt: now.toISOString(),
        },
      });
      return payment;
    });
  }
}
