import { loader, type SubgraphContext } from '@attendant/kit';
import type { InvoiceService } from './invoice.service';

/** `_entities` for Invoice: all references of one request load in one query. */
export const invoiceReference = (service: InvoiceService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Invoice', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
