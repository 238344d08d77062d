import { WorkOrderPriority } from '@attendant/db';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
// Registers WorkOrderPriority with the schema.
import '../work-order/work-order.type';

export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const HOURS_MAX = 168;
const NAME_MESSAGE = `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`;
const TITLE_MESSAGE = `Give a title of ${TITLE_MIN} to ${TITLE_MAX} characters`;
const HOURS_MESSAGE = `Hours before arrival must be 0 to ${HOURS_MAX}`;
const EARLY_MESSAGE = 'The early check-in time must be 0 to 1439 minutes after midnight';

@ObjectType({
  description: 'What a reservation must have for a rule to fire; all set ones must hold',
})
export class AutomationConditions {
  @Field({ description: 'The guest is a VIP' }) vip!: boolean;
  @Field(() => [String], { description: 'Any of these products is booked (case-insensitive)' })
  products!: string[];
  @Field({ description: 'The guest expects to arrive before earlyCheckInBefore (local time)' })
  earlyCheckIn!: boolean;
  @Field(() => Int, { description: 'Minutes after local midnight; 900 = 15:00' })
  earlyCheckInBefore!: number;
  @Field({ description: 'The reservation carries a special request (notes)' })
  specialRequest!: boolean;
}

@ObjectType({
  description:
    'When a reservation arrives with … create a service order of a type, N hours before arrival',
})
export class AutomationRule {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'May contain {guest}, {room} and {arrival}' }) title!: string;
  @Field(() => WorkOrderPriority) priority!: WorkOrderPriority;
  @Field(() => Int) hoursBeforeArrival!: number;
  @Field() active!: boolean;
  @Field(() => Date, { nullable: true }) lastFiredAt!: Date | null;
  @Field(() => Int, { description: 'Orders this rule has created' }) firedCount!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by field resolvers: conditions, serviceType, team.
  serviceTypeId!: string;
  teamId!: string | null;
  organizationId!: string;
}

@ObjectType({ description: 'A reservation a rule would create an order for' })
export class AutomationMatch {
  @Field(() => ID) reservationId!: string;
  @Field(() => String, { nullable: true }) guestName!: string | null;
  @Field() arrivalAt!: Date;
  @Field({ description: 'When the order would be scheduled to start' }) wouldCreateAt!: Date;
}

@ObjectType()
export class AutomationRunResult {
  @Field(() => Int, { description: 'Orders created' }) created!: number;
  @Field(() => Int, { description: 'Matches whose order already existed' }) skipped!: number;
}

@InputType()
export class AutomationConditionsInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() vip?: boolean;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'List at most 20 products' })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'A product name has at most 100 characters' })
  products?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() earlyCheckIn?: boolean;
  @Field(() => Int, { nullable: true, description: 'Default 900 (15:00)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: EARLY_MESSAGE })
  @Max(1439, { message: EARLY_MESSAGE })
  earlyCheckInBefore?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() specialRequest?: boolean;
}

@InputType()
export class CreateAutomationRuleInput {
  @Field() @Length(NAME_MIN, NAME_MAX, { message: NAME_MESSAGE }) name!: string;
  @Field(() => AutomationConditionsInput) @ValidateNested() conditions!: AutomationConditionsInput;
  @Field(() => ID)
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId!: string;
  @Field({ description: 'May contain {guest}, {room} and {arrival}' })
  @Length(TITLE_MIN, TITLE_MAX, { message: TITLE_MESSAGE })
  title!: string;
  @Field(() => WorkOrderPriority, { defaultValue: WorkOrderPriority.NORMAL })
  priority!: WorkOrderPriority;
  @Field(() => Int, { defaultValue: 2 })
  @IsInt()
  @Min(0, { message: HOURS_MESSAGE })
  @Max(HOURS_MAX, { message: HOURS_MESSAGE })
  hoursBeforeArrival!: number;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
  @Field({ defaultValue: true }) active!: boolean;
}

@InputType()
export class UpdateAutomationRuleInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(NAME_MIN, NAME_MAX, { message: NAME_MESSAGE })
  name?: string;
  @Field(() => AutomationConditionsInput, {
    nullable: true,
    description: 'Replaces the conditions',
  })
  @IsOptional()
  @ValidateNested()
  conditions?: AutomationConditionsInput;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Length(TITLE_MIN, TITLE_MAX, { message: TITLE_MESSAGE })
  title?: string;
  @Field(() => WorkOrderPriority, { nullable: true }) @IsOptional() priority?: WorkOrderPriority;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: HOURS_MESSAGE })
  @Max(HOURS_MAX, { message: HOURS_MESSAGE })
  hoursBeforeArrival?: number;
  @Field(() => ID, { nullable: true, description: 'null removes the team' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
}

@InputType({
  description: 'A rule being edited, to see which upcoming reservations it would match',
})
export class AutomationPreviewInput {
  @Field(() => AutomationConditionsInput) @ValidateNested() conditions!: AutomationConditionsInput;
  @Field(() => Int, { defaultValue: 2 })
  @IsInt()
  @Min(0, { message: HOURS_MESSAGE })
  @Max(HOURS_MAX, { message: HOURS_MESSAGE })
  hoursBeforeArrival!: number;
}
