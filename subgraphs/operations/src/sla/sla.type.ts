import { WorkOrderPriority } from '@attendant/db';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
// Registers WorkOrderPriority with the schema.
import '../work-order/work-order.type';

export enum SlaState {
  NONE = 'NONE',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  MET = 'MET',
  MISSED = 'MISSED',
}
registerEnumType(SlaState, {
  name: 'SlaState',
  description:
    'NONE: no SLA (or cancelled); open orders: ON_TRACK, AT_RISK, BREACHED; completed: MET, MISSED',
});

@ObjectType({ description: 'Where a work order stands against its SLA' })
export class SlaStatus {
  @Field(() => SlaState) state!: SlaState;
  @Field(() => Date, { nullable: true, description: 'First response (dispatch) due by' })
  responseDueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Resolution (completion) due by' })
  resolutionDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) respondedAt!: Date | null;
  @Field({ description: 'The first response came (or is still missing) after its deadline' })
  responseBreached!: boolean;
  @Field(() => Int, {
    nullable: true,
    description:
      'Business minutes left to the resolution deadline, negative when overdue; for completed orders, what was left at completion',
  })
  minutesRemaining!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of the resolution time used, in percent (over 100 when overdue)',
  })
  percentUsed!: number | null;
  @Field(() => String, { nullable: true }) policyName!: string | null;
}

@ObjectType({ description: 'A business-hours range on an ISO weekday, in local minutes' })
export class BusinessHoursRange {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) day!: number;
  @Field(() => Int, { description: 'Start, minutes after local midnight (0–1439)' })
  start!: number;
  @Field(() => Int, { description: 'End, minutes after local midnight (1–1440), exclusive' })
  end!: number;
}

@ObjectType({
  description:
    'Response and resolution targets for work orders of a service type and/or priority; the most specific active policy applies',
})
export class SlaPolicy {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: 'null: any service type' })
  serviceTypeId!: string | null;
  @Field(() => WorkOrderPriority, { nullable: true, description: 'null: any priority' })
  priority!: WorkOrderPriority | null;
  @Field(() => Int) responseMinutes!: number;
  @Field(() => Int) resolutionMinutes!: number;
  @Field(() => [BusinessHoursRange], {
    nullable: true,
    description: 'When the clock runs; null: around the clock (holidays then do not apply)',
  })
  businessHours!: BusinessHoursRange[] | null;
  @Field({ description: 'IANA time zone of the business hours and holidays' }) timezone!: string;
  @Field(() => [String], { description: 'Local dates (YYYY-MM-DD) the clock stops' })
  holidays!: string[];
  @Field(() => Float, { description: 'Warn when this share of the resolution time is used' })
  warnAt!: number;
  @Field() active!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@InputType()
export class BusinessHoursRangeInput {
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'A weekday is 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'A weekday is 1 (Monday) to 7 (Sunday)' })
  day!: number;
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Business hours are 0 to 1440 minutes after midnight' })
  @Max(1440, { message: 'Business hours are 0 to 1440 minutes after midnight' })
  start!: number;
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Business hours are 0 to 1440 minutes after midnight' })
  @Max(1440, { message: 'Business hours are 0 to 1440 minutes after midnight' })
  end!: number;
}

const NAME_MESSAGE = 'Give a name of 2 to 80 characters';
const TARGET_MESSAGE = 'Targets are 1 to 525600 minutes (a year)';
const DATE_MESSAGE = 'Holidays are dates like 2026-12-25';

@InputType()
export class CreateSlaPolicyInput {
  @Field() @Length(2, 80, { message: NAME_MESSAGE }) name!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string;
  @Field(() => WorkOrderPriority, { nullable: true }) @IsOptional() priority?: WorkOrderPriority;
  @Field(() => Int, { description: 'Minutes (on the business clock) to the first response' })
  @IsInt()
  @Min(1, { message: TARGET_MESSAGE })
  @Max(525_600, { message: TARGET_MESSAGE })
  responseMinutes!: number;
  @Field(() => Int, { description: 'Minutes (on the business clock) to completion' })
  @IsInt()
  @Min(1, { message: TARGET_MESSAGE })
  @Max(525_600, { message: TARGET_MESSAGE })
  resolutionMinutes!: number;
  @Field(() => [BusinessHoursRangeInput], {
    nullable: true,
    description: 'Omit or null for around the clock',
  })
  @IsOptional()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  businessHours?: BusinessHoursRangeInput[] | null;
  @Field(() => String, { nullable: true, description: "IANA zone; default: the organization's" })
  @IsOptional()
  @MaxLength(64)
  timezone?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'At most 500 holidays' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: DATE_MESSAGE })
  holidays?: string[];
  @Field(() => Float, { defaultValue: 0.8, description: 'Between 0 and 1, e.g. 0.8' })
  @IsNumber()
  warnAt!: number;
  @Field({ defaultValue: true }) @IsBoolean() active!: boolean;
}

@InputType({
  description: 'Only the fields given change; businessHours: null runs around the clock',
})
export class UpdateSlaPolicyInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 80, { message: NAME_MESSAGE })
  name?: string;
  @Field(() => ID, { nullable: true, description: 'null: any service type' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string | null;
  @Field(() => WorkOrderPriority, { nullable: true, description: 'null: any priority' })
  @IsOptional()
  priority?: WorkOrderPriority | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: TARGET_MESSAGE })
  @Max(525_600, { message: TARGET_MESSAGE })
  responseMinutes?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: TARGET_MESSAGE })
  @Max(525_600, { message: TARGET_MESSAGE })
  resolutionMinutes?: number;
  @Field(() => [BusinessHoursRangeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  businessHours?: BusinessHoursRangeInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) timezone?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'At most 500 holidays' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: DATE_MESSAGE })
  holidays?: string[];
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() warnAt?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}
