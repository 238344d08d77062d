import { Money } from '@attendant/kit';
import { WorkOrderKind } from '@attendant/db';
import {
  ArrayMaxSize,
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
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Skill } from '../technician/technician.type';
// Registers WorkOrderKind with the schema.
import '../work-order/work-order.type';

export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const CHECKLIST_MAX_ITEMS = 30;
export const CHECKLIST_ITEM_MAX = 200;

@ObjectType({
  description: 'A skill a service type needs, at a minimum level (1 basic … 3 expert)',
})
export class ServiceTypeSkill {
  @Field(() => Skill) skill!: Skill;
  @Field(() => Int) minLevel!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A catalog entry: what can be ordered, how long it takes, who can do it, its price',
})
export class ServiceType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => WorkOrderKind, {
    nullable: true,
    description: 'The kind of work order it is for; null for both',
  })
  kind!: WorkOrderKind | null;
  @Field(() => Int, { description: 'Default duration of a job of this type, in minutes' })
  defaultMinutes!: number;
  @Field(() => [String], { description: 'Checklist items copied onto each new work order' })
  checklist!: string[];
  @Field(() => [ServiceTypeSkill]) requiredSkills!: ServiceTypeSkill[];
  @Field() active!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  // Resolved by a field resolver from priceMinor and currency.
  @Field(() => Money, { nullable: true }) price?: Money | null;
  priceMinor!: number | null;
  currency!: string | null;
  organizationId!: string;
}

@InputType()
export class ServiceTypeSkillInput {
  @Field(() => ID) @IsUUID('all', { message: 'skillId must be a UUID' }) skillId!: string;
  @Field(() => Int, { defaultValue: 1, description: '1 (basic) to 3 (expert)' })
  @IsInt()
  @Min(1, { message: 'A minimum skill level is 1 to 3' })
  @Max(3, { message: 'A minimum skill level is 1 to 3' })
  minLevel!: number;
}

const NAME_MESSAGE = `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`;
const MINUTES_MESSAGE = 'The default duration must be 5 to 1440 minutes';
const CHECKLIST_SIZE_MESSAGE = `A checklist has at most ${CHECKLIST_MAX_ITEMS} items`;
const CHECKLIST_ITEM_MESSAGE = `Each checklist item has at most ${CHECKLIST_ITEM_MAX} characters`;

@InputType()
export class CreateServiceTypeInput {
  @Field() @Length(NAME_MIN, NAME_MAX, { message: NAME_MESSAGE }) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) description?: string;
  @Field(() => WorkOrderKind, { nullable: true }) @IsOptional() kind?: WorkOrderKind;
  @Field(() => Int, { defaultValue: 60 })
  @IsInt()
  @Min(5, { message: MINUTES_MESSAGE })
  @Max(1440, { message: MINUTES_MESSAGE })
  defaultMinutes!: number;
  @Field(() => Int, { nullable: true, description: 'Price in minor units; give a currency too' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Price cannot be negative' })
  priceMinor?: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'Currency must be a 3-letter ISO code' })
  currency?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(CHECKLIST_MAX_ITEMS, { message: CHECKLIST_SIZE_MESSAGE })
  @MaxLength(CHECKLIST_ITEM_MAX, { each: true, message: CHECKLIST_ITEM_MESSAGE })
  checklist?: string[];
  @Field(() => [ServiceTypeSkillInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'A service type needs at most 20 skills' })
  @ValidateNested({ each: true })
  requiredSkills?: ServiceTypeSkillInput[];
}

@InputType({ description: 'Only the fields given change; requiredSkills replaces the whole list' })
export class UpdateServiceTypeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(NAME_MIN, NAME_MAX, { message: NAME_MESSAGE })
  name?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;
  @Field(() => WorkOrderKind, { nullable: true }) @IsOptional() kind?: WorkOrderKind | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(5, { message: MINUTES_MESSAGE })
  @Max(1440, { message: MINUTES_MESSAGE })
  defaultMinutes?: number;
  @Field(() => Int, { nullable: true, description: 'null removes the price (and its currency)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Price cannot be negative' })
  priceMinor?: number | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'Currency must be a 3-letter ISO code' })
  currency?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(CHECKLIST_MAX_ITEMS, { message: CHECKLIST_SIZE_MESSAGE })
  @MaxLength(CHECKLIST_ITEM_MAX, { each: true, message: CHECKLIST_ITEM_MESSAGE })
  checklist?: string[];
  @Field(() => [ServiceTypeSkillInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'A service type needs at most 20 skills' })
  @ValidateNested({ each: true })
  requiredSkills?: ServiceTypeSkillInput[];
}
