import { Connection } from '@attendant/kit';
import { GuestKind, SyncItemStatus } from '@attendant/db';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DEFAULT_PHONE_PATTERN } from '../intelligence/guest-rules';
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

registerEnumType(SyncItemStatus, {
  name: 'SyncItemStatus',
  description: 'Where a record stands with the connected PMS (Mews)',
  valuesConfig: {
    SYNCED: { description: 'Matches the PMS' },
    PENDING: { description: 'A change is waiting to be sent or applied' },
    FAILED: { description: 'The last sync attempt failed; see the dead letters' },
    CONFLICT: { description: 'Both sides changed a field; a manager must choose' },
  },
});

export const PHONE = DEFAULT_PHONE_PATTERN;
export const PHONE_MESSAGE =
  'Enter a phone number of 6 to 20 digits, spaces, brackets or dashes, optionally starting with +';
const COUNTRY = /^[A-Za-z]{2}$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$/;
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
  @Field({ description: 'VIP by the rules or, when the rules honour it, by staff' })
  vip!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the guest is a VIP, e.g. "5 stays"' })
  vipReason!: string | null;
  @Field({ description: 'Staff marked the guest VIP' }) vipManual!: boolean;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => String, { nullable: true, description: 'Form of address, e.g. Mr or Dr' })
  title!: string | null;
  @Field(() => String, { nullable: true }) addressLine1!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code' })
  countryCode!: string | null;
  @Field(() => [String], { description: 'PMS classifications, e.g. Vip or Returning' })
  classifications!: string[];
  @Field(() => [String], { description: "The guest's stated preferences" })
  preferences!: string[];
  @Field(() => Int, { description: 'Completed stays' }) stayCount!: number;
  @Field(() => Int, { description: 'Profile completeness, 0–100' }) completeness!: number;
  @Field(() => [String], { description: 'What costs completeness points, heaviest first' })
  completenessGaps!: string[];
  @Field(() => [String], { description: 'Problems the validation rules found in the profile' })
  validationErrors!: string[];
  @Field(() => SyncItemStatus, { nullable: true, description: 'Null when not linked to a PMS' })
  syncStatus!: SyncItemStatus | null;
  @Field(() => Date, { nullable: true }) lastSyncedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  // Resolved by field resolvers (birthDate is shown as YYYY-MM-DD).
  birthDate!: Date | null;
  totalSpendMinor!: number;
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
  @Field(() => Int, { nullable: true, description: 'Only guests at least this complete (0–100)' })
  @IsOptional()
  @Min(0, { message: 'Minimum completeness must be between 0 and 100' })
  @Max(100, { message: 'Minimum completeness must be between 0 and 100' })
  minCompleteness?: number;
  @Field(() => Int, { nullable: true, description: 'Only guests at most this complete (0–100)' })
  @IsOptional()
  @Min(0, { message: 'Maximum completeness must be between 0 and 100' })
  @Max(100, { message: 'Maximum completeness must be between 0 and 100' })
  maxCompleteness?: number;
  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only guests with completeness gaps; false: only complete profiles',
  })
  hasGaps?: boolean;
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
  @Field({ defaultValue: false, description: "Staff's VIP flag (vipManual)" })
  @IsBoolean()
  vip!: boolean;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'Notes must be at most 5000 characters' })
  notes?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(30, { message: 'Title must be at most 30 characters' })
  title?: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Address line 1 must be at most 200 characters' })
  addressLine1?: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'City must be at most 100 characters' })
  city?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(POSTAL_CODE, {
    message: 'Postal code must be 2 to 12 letters, digits, spaces or dashes',
  })
  postalCode?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: 'Country code must be a 2-letter country code, like GB' })
  countryCode?: string;
  @Field(() => [String], { nullable: true, description: 'Replaces the stated preferences' })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'List at most 30 preferences' })
  @MaxLength(100, { each: true, message: 'Each preference must be at most 100 characters' })
  preferences?: string[];
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
  @Field(() => Boolean, { nullable: true, description: "Staff's VIP flag (vipManual)" })
  @IsOptional()
  @IsBoolean()
  vip?: boolean | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'Notes must be at most 5000 characters' })
  notes?: string | null;
  @Field(() => ID, { nullable: true, description: 'Link to a company; null unlinks' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30, { message: 'Title must be at most 30 characters' })
  title?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Address line 1 must be at most 200 characters' })
  addressLine1?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'City must be at most 100 characters' })
  city?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(POSTAL_CODE, {
    message: 'Postal code must be 2 to 12 letters, digits, spaces or dashes',
  })
  postalCode?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: 'Country code must be a 2-letter country code, like GB' })
  countryCode?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the stated preferences' })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'List at most 30 preferences' })
  @MaxLength(100, { each: true, message: 'Each preference must be at most 100 characters' })
  preferences?: string[] | null;
}
