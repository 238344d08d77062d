import type { Actor, Db } from '@attendant/kit';
import { financeReader, isUuid } from '../shared/actors';
import { PaymentRepository, type PaymentRow } from './payment.repository';

export class PaymentService {
  private readonly repo: PaymentRepository;

  constructor(db: Db) {
    this.repo = new PaymentRepository(db);
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
}
