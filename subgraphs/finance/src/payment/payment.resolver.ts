import { money, Money, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { FINANCE_WRITERS } from '../shared/actors';
import type { PaymentService } from './payment.service';
import { Payment, RecordPaymentInput } from './payment.type';

@Resolver(() => Payment)
export class PaymentResolver {
  constructor(private readonly service: PaymentService) {}

  @Authorized(...FINANCE_WRITERS)
  @Mutation(() => Payment, {
    description:
      'Records money received against an issued invoice; the invoice becomes PARTIALLY_PAID or PAID',
  })
  recordPayment(@Arg('input') input: RecordPaymentInput, @Ctx() ctx: SubgraphContext) {
    return this.service.record(ctx.actor, input);
  }

  @FieldResolver(() => Money)
  amount(@Root() payment: Payment) {
    return money(payment.amountMinor, payment.currency);
  }
}
