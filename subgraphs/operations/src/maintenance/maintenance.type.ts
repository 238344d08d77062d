import { WorkOrderPriority } from '@attendant/db';
import { IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
// Registers WorkOrderPriority with the schema.
import '../work-order/work-order.type';

export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const INTERVAL_MAX = 3650;
export const LEAD_MAX = 90;
const NAME_MESSAGE = `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`;
const INTERVAL_MESSAGE = `Repeat every 1 to ${INTERVAL_MAX} days`;
const LEAD_MESSAGE = `Generate 0 to ${LEAD_MAX} days ahead`;
const DATE_MESSAGE = 'Give the first day as YYYY-MM-DD';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType({
  description: 'Preventive maintenance: work orders generated ahead of each due day',
})
export class MaintenancePlan {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => WorkOrderPriority) priority!: WorkOrderPriority;
  @Field(() => String, { nullable: true, description: 'A named asset, e.g. "Boiler 2"' })
  asset!: string | null;
  @Field(() => Int, { nullable: true, description: 'Every N days from startsOn' })
  intervalDays!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Or an RFC 5545 rule, e.g. FREQ=MONTHLY;BYMONTHDAY=1',
  })
  rrule!: string | null;
  @Field(() => Int, { description: 'Days before a due day its work order is generated' })
  leadDays!: number;
  @Field() active!: boolean;
  @Field(() => Date, { nullable: true }) lastGeneratedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by field resolvers: startsOn (a date), serviceType, room, site, guest, technician,
  // team, nextDueDates, generatedCount.
  startsOn!: Date;
  serviceTypeId!: string;
  roomId!: string | null;
  siteId!: string | null;
  guestId!: string | null;
  technicianId!: string | null;
  teamId!: string | null;
  organizationId!: string;
}

@ObjectType()
export class MaintenanceRunResult {
  @Field(() => Int, { description: 'Work orders created' }) created!: number;
  @Field(() => Int, { description: 'Due days whose work order already existed' }) skipped!: number;
}

@InputType()
export class CreateMaintenancePlanInput {
  @Field() @Length(NAME_MIN, NAME_MAX, { message: NAME_MESSAGE }) name!: string;
  @Field(() => ID)
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId!: string;
  @Field(() => WorkOrderPriority, { defaultValue: WorkOrderPriority.NORMAL })
  priority!: WorkOrderPriority;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120, { message: 'An asset name has at most 120 characters' })
  asset?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The customer the work is for' })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: INTERVAL_MESSAGE })
  @Max(INTERVAL_MAX, { message: INTERVAL_MESSAGE })
  intervalDays?: number | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'A calendar rule has at most 500 characters' })
  rrule?: string | null;
  @Field({ description: 'YYYY-MM-DD, in the organization’s time zone' })
  @Matches(DATE, { message: DATE_MESSAGE })
  startsOn!: string;
  @Field(() => Int, { defaultValue: 7 })
  @IsInt()
  @Min(0, { message: LEAD_MESSAGE })
  @Max(LEAD_MAX, { message: LEAD_MESSAGE })
  leadDays!: number;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
  @Field({ defaultValue: true }) active!: boolean;
}

@InputType({ description: 'Only given fields change; null clears an optional one' })
export class UpdateMaintenancePlanInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(NAME_MIN, NAME_MAX, { message: NAME_MESSAGE })
  name?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string;
  @Field(() => WorkOrderPriority, { nullable: true }) @IsOptional() priority?: WorkOrderPriority;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120, { message: 'An asset name has at most 120 characters' })
  asset?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Setting it clears rrule' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: INTERVAL_MESSAGE })
  @Max(INTERVAL_MAX, { message: INTERVAL_MESSAGE })
  intervalDays?: number | null;
  @Field(() => String, { nullable: true, description: 'Setting it clears intervalDays' })
  @IsOptional()
  @MaxLength(500, { message: 'A calendar rule has at most 500 characters' })
  rrule?: string | null;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  startsOn?: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: LEAD_MESSAGE })
  @Max(LEAD_MAX, { message: LEAD_MESSAGE })
  leadDays?: number;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
}
