import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({
  description: 'An amount of money in minor units (cents) with its ISO 4217 currency.',
})
export class Money {
  @Field(() => Int, { description: 'Amount in minor units, e.g. 1999 for 19.99' })
  amountMinor!: number;

  @Field({ description: 'ISO 4217 currency code' })
  currency!: string;
}

export function money(
  amountMinor: number | null | undefined,
  currency: string | null | undefined,
): Money | null {
  return amountMinor == null || !currency ? null : { amountMinor, currency };
}
