import { loader, money, Money, type SubgraphContext } from '@attendant/kit';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { PaymentService } from './payment.service';
import { Payment } from './payment.type';

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Money)
  amount(@Root() payment: Payment) {
    return money(payment.amountMinor, payment.currency);
  }
}

/** `_entities` for Payment: all references of one request load in one query. */
export const paymentReference = (service: PaymentService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Payment', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
