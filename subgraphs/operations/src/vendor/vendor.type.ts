import { Connection, Money } from '@attendant/kit';
import { IsEmail, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A service a vendor offers, at a flat price per job' })
export class VendorOffer {
  @Field(() => ID) serviceTypeId!: string;
  @Field(() => Int, { description: 'How many hours after an order the vendor can come' })
  leadTimeHours!: number;
  // Resolved by field resolvers: price, serviceType.
  @Field(() => Money) price?: Money;
  priceMinor!: number;
  currency!: string;
  organizationId!: string;
}

@ObjectType({ description: 'A weekly availability window, in the organization’s local time' })
export class VendorWindow {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field(() => Int, { description: 'Minutes after local midnight' }) startMin!: number;
  @Field(() => Int, { description: 'Minutes after local midnight (1440 = end of day)' })
  endMin!: number;
}

@ObjectType({ description: 'One part of a quality score, with how much it contributed' })
export class QualityFactor {
  @Field() name!: string;
  @Field(() => Float, { description: '0 (worst) to 1 (best)' }) value!: number;
  @Field(() => Float, { description: 'Share of the score, after leaving out factors without data' })
  weight!: number;
  @Field(() => Float, { description: 'Points this factor adds to the 0–100 score' })
  contribution!: number;
  @Field({ description: 'In words, e.g. "9 of 10 jobs on time"' }) explanation!: string;
}

@ObjectType({ description: 'How well a vendor performed on its completed work orders' })
export class VendorQuality {
  @Field(() => Int, { nullable: true, description: '0–100; null until a job is completed' })
  score!: number | null;
  @Field(() => Int, { description: 'Completed work orders the score is based on' }) jobs!: number;
  @Field(() => Float, { nullable: true, description: 'Share of jobs with a deadline met (0–1)' })
  onTimeRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Average customer rating, 1–5' })
  averageRating!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of jobs that needed rework (0–1)' })
  reworkRate!: number | null;
  @Field(() => [QualityFactor]) factors!: QualityFactor[];
  @Field() explanation!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An outside company that does work orders: offers, area, quality' })
export class Vendor {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Float, { nullable: true, description: 'Latitude of the base of the service area' })
  baseLat!: number | null;
  @Field(() => Float, { nullable: true }) baseLng!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Radius of the service area around the base; null = no limit',
  })
  serviceRadiusKm!: number | null;
  @Field() active!: boolean;
  @Field(() => [VendorOffer]) offers!: VendorOffer[];
  @Field(() => [VendorWindow]) availability!: VendorWindow[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by a field resolver (batched).
  @Field(() => VendorQuality) quality?: VendorQuality;
  organizationId!: string;
}

export const VendorConnection = Connection(Vendor, 'Vendor');

const NAME = { message: 'Give a name of 2 to 80 characters' };
const EMAIL = { message: 'Give a valid email address' };
const PHONE = /^\+?[0-9 ()./-]{5,30}$/;
const PHONE_MSG = { message: 'Give a phone number of 5 to 30 digits, spaces or ( ) - . /' };

@InputType()
export class CreateVendorInput {
  @Field() @Length(2, 80, NAME) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, EMAIL) email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, PHONE_MSG)
  phone?: string | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90, { message: 'Latitude must be between -90 and 90' })
  @Max(90, { message: 'Latitude must be between -90 and 90' })
  baseLat?: number | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180, { message: 'Longitude must be between -180 and 180' })
  @Max(180, { message: 'Longitude must be between -180 and 180' })
  baseLng?: number | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.1, { message: 'The service radius must be between 0.1 and 1000 km' })
  @Max(1000, { message: 'The service radius must be between 0.1 and 1000 km' })
  serviceRadiusKm?: number | null;
  @Field({ defaultValue: true }) active!: boolean;
}

@InputType({ description: 'Fields to change; null clears an optional field' })
export class UpdateVendorInput {
  @Field({ nullable: true }) @IsOptional() @Length(2, 80, NAME) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, EMAIL) email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, PHONE_MSG)
  phone?: string | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90, { message: 'Latitude must be between -90 and 90' })
  @Max(90, { message: 'Latitude must be between -90 and 90' })
  baseLat?: number | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180, { message: 'Longitude must be between -180 and 180' })
  @Max(180, { message: 'Longitude must be between -180 and 180' })
  baseLng?: number | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.1, { message: 'The service radius must be between 0.1 and 1000 km' })
  @Max(1000, { message: 'The service radius must be between 0.1 and 1000 km' })
  serviceRadiusKm?: number | null;
}

@InputType()
export class VendorOfferInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId!: string;
  @Field(() => Int, { description: 'Flat price per job, in minor units' })
  @IsInt()
  @Min(0, { message: 'Prices cannot be negative' })
  @Max(100_000_000, { message: 'Prices must be below 1,000,000.00' })
  priceMinor!: number;
  @Field()
  @Matches(/^[A-Z]{3}$/, { message: 'Currency must be a 3-letter ISO code' })
  currency!: string;
  @Field(() => Int, { defaultValue: 24 })
  @IsInt()
  @Min(0, { message: 'Lead time must be between 0 and 720 hours' })
  @Max(720, { message: 'Lead time must be between 0 and 720 hours' })
  leadTimeHours!: number;
}

@InputType()
export class VendorWindowInput {
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'Weekday must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'Weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday!: number;
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'A window starts between minute 0 and 1439 of the day' })
  @Max(1439, { message: 'A window starts between minute 0 and 1439 of the day' })
  startMin!: number;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'A window ends between minute 1 and 1440 of the day' })
  @Max(1440, { message: 'A window ends between minute 1 and 1440 of the day' })
  endMin!: number;
}
