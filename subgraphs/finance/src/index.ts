import {
  buildFederatedSchema,
  containerOf,
  publicBaseUrl,
  type SubgraphDefinition,
  type SubgraphDeps,
} from '@attendant/kit';
import { invoiceReference } from './invoice/invoice.reference';
import {
  GuestInvoicesResolver,
  InvoiceResolver,
  WorkOrderInvoiceResolver,
} from './invoice/invoice.resolver';
import { InvoiceService } from './invoice/invoice.service';
import { startOverdueSweep } from './invoice/overdue.sweep';
import { workOrderInvoicer } from './invoice/work-order-invoicer';
import { paymentPageRoute } from './payment-link/payment-page.route';
import { paymentReference } from './payment/payment.reference';
import { PaymentResolver } from './payment/payment.resolver';
import { PaymentService } from './payment/payment.service';

export { WORK_ORDER_INVOICER, workOrderInvoicer } from './invoice/work-order-invoicer';

const invoiceServices = new WeakMap<object, InvoiceService>();
/** One invoice service per process (schema, consumers, routes and the sweep share it). */
const invoicesOf = ({ db, config }: SubgraphDeps): InvoiceService => {
  let service = invoiceServices.get(db);
  if (!service) {
    service = new InvoiceService(db, {
      secret: config.ACTOR_SIGNING_SECRET,
      publicBaseUrl: publicBaseUrl(),
    });
    invoiceServices.set(db, service);
  }
  return service;
};

export const financeSubgraph: SubgraphDefinition = {
  name: 'finance',
  async buildSchema(deps) {
    const invoices = invoicesOf(deps);
    const payments = new PaymentService(deps.db);
    const resolvers = [
      new InvoiceResolver(invoices, payments),
      new GuestInvoicesResolver(invoices),
      new WorkOrderInvoiceResolver(invoices),
      new PaymentResolver(payments),
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
  consumers(deps) {
    return [workOrderInvoicer(invoicesOf(deps), deps.logger)];
  },
  internalRoutes(deps, router) {
    paymentPageRoute(router, invoicesOf(deps), deps.config.ACTOR_SIGNING_SECRET, deps.logger);
  },
  background: async (deps) => startOverdueSweep(invoicesOf(deps), deps.logger),
};
