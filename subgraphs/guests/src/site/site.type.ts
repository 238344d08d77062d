import { Connection } from '@attendant/kit';
import {
  IsNumber,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Directive, Field, Float, ID, InputType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A place where work happens: a customer address or a building' })
export class Site {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() addressLine1!: string;
  @Field(() => String, { nullable: true }) addressLine2!: string | null;
  @Field() city!: string;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2 country code' }) country!: string;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Gate codes, parking, keys: what a technician needs to get in',
  })
  accessNotes!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  // Resolved as Guest and Company by field resolvers.
  guestId!: string | null;
  companyId!: string | null;
  organizationId!: string;
}

export const SiteConnection = Connection(Site, 'Site');

@InputType()
export class CreateSiteInput {
  @Field() @Length(1, 200, { message: 'Name must be 1 to 200 characters' }) name!: string;
  @Field()
  @Length(1, 200, { message: 'Address line 1 must be 1 to 200 characters' })
  addressLine1!: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Address line 2 must be at most 200 characters' })
  addressLine2?: string;
  @Field() @Length(1, 100, { message: 'City must be 1 to 100 characters' }) city!: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(20, { message: 'Postal code must be at most 20 characters' })
  postalCode?: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country code' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'Country must be a 2-letter country code, like GB' })
  country!: string;
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Latitude must be a number' })
  @Min(-90, { message: 'Latitude must be between -90 and 90' })
  @Max(90, { message: 'Latitude must be between -90 and 90' })
  lat!: number;
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Longitude must be a number' })
  @Min(-180, { message: 'Longitude must be between -180 and 180' })
  @Max(180, { message: 'Longitude must be between -180 and 180' })
  lng!: number;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Access notes must be at most 2000 characters' })
  accessNotes?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;
}
