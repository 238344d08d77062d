import { PaymentMethod, PaymentStatus } from '@attendant/db';
import { IsIn, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

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

@InputType()
export class RecordPaymentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'invoiceId must be a UUID' })
  invoiceId!: string;
  @Field(() => Int, { description: 'Amount received, in minor units of the invoice currency' })
  @IsInt()
  @Min(1, { message: 'The amount must be positive' })
  amountMinor!: number;
  @Field(() => PaymentMethod) @IsIn(Object.values(PaymentMethod)) method!: PaymentMethod;
  @Field(() => String, {
    nullable: true,
    description:
      "The provider's or bank's reference; recording the same reference again changes nothing",
  })
  @IsOptional()
  @Length(1, 200, { message: 'providerRef must be 1 to 200 characters' })
  providerRef?: string;
}
