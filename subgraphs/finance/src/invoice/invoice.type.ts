import { Connection, Money } from '@attendant/kit';
import { InvoiceStatus } from '@attendant/db';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });

@ObjectType({ description: 'One line of an invoice; amounts are in the invoice currency' })
export class InvoiceLine {
  @Field() description!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Money) unitPrice!: Money;
  @Field(() => Int, { description: 'Tax rate in basis points (2100 = 21 %)' }) taxRateBps!: number;
  @Field(() => Money, { description: 'quantity × unit price' }) net!: Money;
  @Field(() => Money) tax!: Money;
  @Field(() => Money) total!: Money;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A bill to a guest or customer, in one currency' })
export class Invoice {
  @Field(() => ID) id!: string;
  @Field({ description: 'Per-organization number, like INV-2026-00042' }) number!: string;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field({ description: 'ISO 4217 currency code of every amount on the invoice' })
  currency!: string;
  @Field(() => Date, { nullable: true }) issuedAt!: Date | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field() createdAt!: Date;

  // Amounts in minor units, exposed as Money by field resolvers.
  subtotalMinor!: number;
  taxMinor!: number;
  totalMinor!: number;
  paidMinor!: number;
  // Plain ids into other domains, resolved as entity references.
  guestId!: string | null;
  workOrderId!: string | null;
  organizationId!: string;
}

export const InvoiceConnection = Connection(Invoice, 'Invoice');

@InputType()
export class InvoiceFilter {
  @Field(() => [InvoiceStatus], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(InvoiceStatus), { each: true })
  status?: InvoiceStatus[];
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string;
}

@InputType()
export class InvoiceLineInput {
  @Field()
  @Length(1, 200, { message: 'Line description must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'Line description cannot be blank' })
  description!: string;
  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1, { message: 'Quantity must be 1 to 10000' })
  @Max(10_000, { message: 'Quantity must be 1 to 10000' })
  quantity!: number;
  @Field(() => Int, { description: 'Price of one unit before tax, in minor units' })
  @IsInt()
  @Min(0, { message: 'Unit price cannot be negative' })
  unitPriceMinor!: number;
  @Field(() => Int, { defaultValue: 0, description: 'Tax rate in basis points (2100 = 21 %)' })
  @IsInt()
  @Min(0, { message: 'Tax rate must be 0 to 10000 basis points' })
  @Max(10_000, { message: 'Tax rate must be 0 to 10000 basis points' })
  taxRateBps!: number;
}

@InputType()
export class CreateInvoiceDraftInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string;
  @Field()
  @Matches(/^[A-Z]{3}$/, { message: 'Currency must be a 3-letter ISO code' })
  currency!: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() dueAt?: Date;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Notes must be at most 2000 characters' })
  notes?: string;
  @Field(() => [InvoiceLineInput])
  @ArrayMinSize(1, { message: 'An invoice needs at least one line' })
  @ArrayMaxSize(100, { message: 'An invoice has at most 100 lines' })
  @ValidateNested({ each: true })
  lines!: InvoiceLineInput[];
}

@InputType()
export class IssueInvoiceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
  @Field(() => Date, {
    nullable: true,
    description: "When payment is due; default: the draft's due date, else 14 days from now",
  })
  @IsOptional()
  @IsDate()
  dueAt?: Date;
}
