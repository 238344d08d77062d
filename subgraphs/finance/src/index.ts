import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { invoiceReference } from './invoice/invoice.reference';
import {
  GuestInvoicesResolver,
  InvoiceResolver,
  WorkOrderInvoiceResolver,
} from './invoice/invoice.resolver';
import { InvoiceService } from './invoice/invoice.service';
import { workOrderInvoicer } from './invoice/work-order-invoicer';
import { paymentReference } from './payment/payment.reference';
import { PaymentResolver } from './payment/payment.resolver';
import { PaymentService } from './payment/payment.service';

export { WORK_ORDER_INVOICER, workOrderInvoicer } from './invoice/work-order-invoicer';

export const financeSubgraph: SubgraphDefinition = {
  name: 'finance',
  async buildSchema({ db }) {
    const invoices = new InvoiceService(db);
    const payments = new PaymentService(db);
    const resolvers = [
      new InvoiceResolver(invoices, payments),
      new GuestInvoicesResolver(invoices),
      new WorkOrderInvoiceResolver(invoices),
      new PaymentResolver(),
    ];
    return buildFederatedSchema(
      {
        resolvers: [
          InvoiceResolver,
          GuestInvoicesResolver,
          WorkOrderInvoiceResolver,
          PaymentResolver,
        ],
        container: containerOf(resolvers),
      },
      {
        Invoice: invoiceReference(invoices),
        Payment: paymentReference(payments),
        Guest: { __resolveReference: (ref: { id: string }) => ref },
        WorkOrder: { __resolveReference: (ref: { id: string }) => ref },
      },
    );
  },
  consumers({ db, logger }) {
    return [workOrderInvoicer(new InvoiceService(db), logger)];
  },
};
