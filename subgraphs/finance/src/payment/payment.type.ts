import { PaymentMethod, PaymentStatus } from '@attendant/db';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Money received (or expected) against an invoice' })
export class Payment {
  @Field(() => ID) id!: string;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => PaymentStatus) status!: PaymentStatus;
  @Field(() => Date, { nullable: true }) receivedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The payment provider's reference" })
  providerRef!: string | null;

  // Exposed as `amount: Money` by a field resolver.
  amountMinor!: number;
  currency!: string;
  invoiceId!: string;
  organizationId!: string;
}
