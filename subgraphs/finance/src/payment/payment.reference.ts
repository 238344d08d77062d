import { loader, type SubgraphContext } from '@attendant/kit';
import type { PaymentService } from './payment.service';

/** `_entities` for Payment: all references of one request load in one query. */
export const paymentReference = (service: PaymentService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Payment', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
