import { Connection } from '@attendant/kit';
import { GuestKind } from '@attendant/db';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../shared/sort';

registerEnumType(GuestKind, {
  name: 'GuestKind',
  description: 'HOTEL_GUEST for hotel guests, CUSTOMER for field-service customers',
});

export enum GuestSortField {
  LAST_NAME = 'lastName',
  CREATED_AT = 'createdAt',
}
registerEnumType(GuestSortField, { name: 'GuestSortField' });

export const PHONE = /^\+?[0-9 ()-]{6,20}$/;
export const PHONE_MESSAGE =
  'Enter a phone number of 6 to 20 digits, spaces, brackets or dashes, optionally starting with +';
const COUNTRY = /^[A-Za-z]{2}$/;
const NOT_BLANK = /\S/;

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A hotel guest or a field-service customer' })
export class Guest {
  @Field(() => ID) id!: string;
  @Field(() => GuestKind) kind!: GuestKind;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Preferred language, e.g. en or pt-BR' })
  language!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code' })
  nationality!: string | null;
  @Field() vip!: boolean;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  // Resolved by field resolvers (birthDate is shown as YYYY-MM-DD).
  birthDate!: Date | null;
  companyId!: string | null;
  organizationId!: string;
}

export const GuestConnection = Connection(Guest, 'Guest');

@InputType()
export class GuestFilter {
  @Field({
    nullable: true,
    description: 'Matches first name, last name, email or phone (every word must match)',
  })
  @IsOptional()
  @MaxLength(100, { message: 'Search must be at most 100 characters' })
  search?: string;
  @Field(() => GuestKind, { nullable: true }) kind?: GuestKind;
  @Field(() => Boolean, { nullable: true }) vip?: boolean;
}

@InputType()
export class GuestOrder {
  @Field(() => GuestSortField) field!: GuestSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

@InputType()
export class CreateGuestInput {
  @Field(() => GuestKind) kind!: GuestKind;
  @Field()
  @Length(1, 100, { message: 'First name must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'First name cannot be blank' })
  firstName!: string;
  @Field()
  @Length(1, 100, { message: 'Last name must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'Last name cannot be blank' })
  lastName!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address' })
  email?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 5, { message: 'Language must be 2 to 5 characters, like en or pt-BR' })
  language?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: 'Nationality must be a 2-letter country code, like GB' })
  nationality?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  birthDate?: string;
  @Field({ defaultValue: false }) @IsBoolean() vip!: boolean;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'Notes must be at most 5000 characters' })
  notes?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateGuestInput {
  @Field(() => GuestKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(GuestKind))
  kind?: GuestKind | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'First name must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'First name cannot be blank' })
  firstName?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'Last name must be 1 to 100 characters' })
  @Matches(NOT_BLANK, { message: 'Last name cannot be blank' })
  lastName?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address' })
  email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 5, { message: 'Language must be 2 to 5 characters, like en or pt-BR' })
  language?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: 'Nationality must be a 2-letter country code, like GB' })
  nationality?: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  birthDate?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() vip?: boolean | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'Notes must be at most 5000 characters' })
  notes?: string | null;
  @Field(() => ID, { nullable: true, description: 'Link to a company; null unlinks' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string | null;
}
