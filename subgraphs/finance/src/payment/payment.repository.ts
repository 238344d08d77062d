import type { Prisma, Payment as PaymentRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

export type { PaymentRow };

/** Payment queries. Every query is scoped to the actor's organization. */
export class PaymentRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): PaymentRepository {
    return new PaymentRepository(tx);
  }

  findByRef(actor: TenantActor, invoiceId: string, providerRef: string) {
    return this.db.payment.findFirst({
      where: { organizationId: actor.organizationId, invoiceId, providerRef },
    });
  }

  create(data: Prisma.PaymentUncheckedCreateInput): Promise<PaymentRow> {
    return this.db.payment.create({ data });
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<PaymentRow[]> {
    return this.db.payment.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
    });
  }

  findByInvoiceIds(actor: TenantActor, invoiceIds: readonly string[]): Promise<PaymentRow[]> {
    return this.db.payment.findMany({
      where: { organizationId: actor.organizationId, invoiceId: { in: [...invoiceIds] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }
}
