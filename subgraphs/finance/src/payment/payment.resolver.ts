import { money, Money } from '@attendant/kit';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Payment } from './payment.type';

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Money)
  amount(@Root() payment: Payment) {
    return money(payment.amountMinor, payment.currency);
  }
}
