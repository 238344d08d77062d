import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Technician } from '../technician/technician.type';
import { WorkOrderPriority } from '@attendant/db';
import { WorkOrder } from '../work-order/work-order.type';

export enum ScheduleSuggestionKind {
  OPTIMIZE = 'OPTIMIZE',
  URGENT_INSERTION = 'URGENT_INSERTION',
}
registerEnumType(ScheduleSuggestionKind, {
  name: 'ScheduleSuggestionKind',
  description:
    'OPTIMIZE: a dispatcher asked for the best plan of a day; URGENT_INSERTION: an emergency was fitted into the current plan',
});

export enum ScheduleSuggestionStatus {
  OPEN = 'OPEN',
  APPLIED = 'APPLIED',
  PARTLY_APPLIED = 'PARTLY_APPLIED',
  REJECTED = 'REJECTED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ScheduleSuggestionStatus, { name: 'ScheduleSuggestionStatus' });

export enum ScheduleChangeKind {
  ASSIGN = 'ASSIGN',
  REASSIGN = 'REASSIGN',
  RETIME = 'RETIME',
  UNASSIGN = 'UNASSIGN',
}
registerEnumType(ScheduleChangeKind, {
  name: 'ScheduleChangeKind',
  description:
    'ASSIGN: from the queue onto a route; REASSIGN: to another technician; RETIME: same technician, new time; UNASSIGN: taken off a route (e.g. to make room for an emergency)',
});

@ObjectType({ description: 'Key figures of a plan for a day' })
export class PlanKpis {
  @Field(() => Int, { description: 'Jobs on routes' }) jobs!: number;
  @Field(() => Int, { description: 'Jobs of the day left unassigned' }) unassigned!: number;
  @Field(() => Float, { description: 'Driving time, minutes' }) travelMinutes!: number;
  @Field(() => Float) distanceKm!: number;
  @Field(() => Float, { description: 'Work past shift ends, minutes' }) overtimeMinutes!: number;
  @Field(() => Int, { description: 'Technicians with at least one job' }) techniciansUsed!: number;
}

@ObjectType()
export class GeoPoint {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

@ObjectType({ description: 'One visit on a proposed route' })
export class RouteStop {
  @Field(() => ID, { nullable: true, description: 'Null for a hypothetical what-if job' })
  workOrderId!: string | null;
  @Field(() => WorkOrder, { nullable: true }) workOrder?: WorkOrder | null;
  @Field({ description: 'e.g. "WO-12 Boiler service" or the what-if job’s title' }) label!: string;
  @Field() arrival!: Date;
  @Field({ description: 'Service start (after any wait for the customer’s window)' }) start!: Date;
  @Field() end!: Date;
  @Field(() => Float, { description: 'Driving from the previous stop, minutes' })
  travelMinutes!: number;
  @Field(() => GeoPoint, { nullable: true }) location!: GeoPoint | null;
}

@ObjectType({ description: 'A technician’s proposed day: home → stops → home' })
export class PlannedRoute {
  @Field(() => ID) technicianId!: string;
  @Field(() => Technician, { nullable: true, description: 'Null for a what-if technician' })
  technician?: Technician | null;
  @Field() technicianName!: string;
  @Field() departure!: Date;
  @Field() returnAt!: Date;
  @Field(() => [RouteStop]) stops!: RouteStop[];
  @Field(() => Float) travelMinutes!: number;
  @Field(() => Float) distanceKm!: number;
  @Field(() => Float) overtimeMinutes!: number;
  @Field(() => [GeoPoint], { description: 'Start, stops and end, for the map' }) path!: GeoPoint[];
}

@ObjectType({ description: 'A job the plan leaves unassigned, and why' })
export class UnplannedJob {
  @Field(() => ID, { nullable: true }) workOrderId!: string | null;
  @Field(() => WorkOrder, { nullable: true }) workOrder?: WorkOrder | null;
  @Field() label!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'How one work order differs between the current plan and a suggestion' })
export class ScheduleChange {
  @Field(() => ID) workOrderId!: string;
  @Field(() => WorkOrder, { nullable: true }) workOrder?: WorkOrder | null;
  @Field(() => ScheduleChangeKind) kind!: ScheduleChangeKind;
  @Field(() => ID, { nullable: true }) fromTechnicianId!: string | null;
  @Field(() => Date, { nullable: true }) fromStart!: Date | null;
  @Field(() => ID, { nullable: true }) toTechnicianId!: string | null;
  @Field(() => Date, { nullable: true }) toStart!: Date | null;
  @Field(() => Date, { nullable: true }) toEnd!: Date | null;
  @Field({ description: 'e.g. "WO-12: queue → Ana Novak 09:30"' }) summary!: string;
  @Field() applied!: boolean;
}

@ObjectType({ description: 'A proposed plan for a day from the dispatch optimizer' })
export class ScheduleSuggestion {
  @Field(() => ID) id!: string;
  @Field(() => ScheduleSuggestionKind) kind!: ScheduleSuggestionKind;
  @Field(() => ScheduleSuggestionStatus) status!: ScheduleSuggestionStatus;
  @Field({ description: 'YYYY-MM-DD in the organization’s time zone' }) day!: string;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field(() => WorkOrder, {
    nullable: true,
    description: 'The emergency an URGENT_INSERTION was made for',
  })
  triggerWorkOrder?: WorkOrder | null;
  @Field(() => ID, { nullable: true }) triggerWorkOrderId!: string | null;
  @Field() createdAt!: Date;
  @Field({ description: 'After this the suggestion can no longer be applied' }) expiresAt!: Date;
  @Field({ description: 'Travel times from: great-circle or osrm' }) matrixProvider!: string;
  @Field(() => Int, { description: 'How long the optimizer searched, ms' }) searchMs!: number;
  @Field(() => PlanKpis, { description: 'The plan as it stands' }) current!: PlanKpis;
  @Field(() => PlanKpis) proposed!: PlanKpis;
  @Field(() => [PlannedRoute]) routes!: PlannedRoute[];
  @Field(() => [ScheduleChange], { description: 'Only the work orders that would change' })
  changes!: ScheduleChange[];
  @Field(() => [UnplannedJob]) unassigned!: UnplannedJob[];
}

@InputType()
export class SuggestScheduleInput {
  @Field({ description: 'YYYY-MM-DD in the organization’s time zone' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must look like 2026-11-22' })
  day!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Search time, 1–30 s (default 5)' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Search for at least 1 second' })
  @Max(30, { message: 'Search for at most 30 seconds' })
  timeBudgetSeconds?: number | null;
}

@InputType()
export class ApplyScheduleSuggestionInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id!: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'Apply only these work orders’ changes; all when omitted',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'workOrderIds must be UUIDs' })
  workOrderIds?: string[] | null;
}

@ObjectType()
export class SkippedChange {
  @Field(() => ID) workOrderId!: string;
  @Field() reason!: string;
}

@ObjectType()
export class ApplyScheduleSuggestionResult {
  @Field(() => ScheduleSuggestion) suggestion!: ScheduleSuggestion;
  @Field(() => [WorkOrder]) applied!: WorkOrder[];
  @Field(() => [SkippedChange], { description: 'Changes not applied, with the reason' })
  skipped!: SkippedChange[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType({ description: 'A technician who does not exist yet, copying a colleague’s skills' })
export class WhatIfTechnicianInput {
  @Field()
  @IsString()
  @Length(1, 80, { message: 'Name the technician (1–80 characters)' })
  name!: string;
  @Field(() => ID, { description: 'Skills and home base are copied from this technician' })
  @IsUUID('all', { message: 'likeTechnicianId must be a UUID' })
  likeTechnicianId!: string;
  @Field({ description: 'HH:MM local time' })
  @Matches(HHMM, { message: 'shiftStart must be HH:MM' })
  shiftStart!: string;
  @Field({ description: 'HH:MM local time' })
  @Matches(HHMM, { message: 'shiftEnd must be HH:MM' })
  shiftEnd!: string;
}

@InputType()
export class WhatIfShiftInput {
  @Field(() => ID) @IsUUID('all', { message: 'technicianId must be a UUID' }) technicianId!: string;
  @Field() @Matches(HHMM, { message: 'shiftStart must be HH:MM' }) shiftStart!: string;
  @Field() @Matches(HHMM, { message: 'shiftEnd must be HH:MM' }) shiftEnd!: string;
}

@InputType({ description: 'A job that does not exist yet' })
export class WhatIfJobInput {
  @Field()
  @IsString()
  @Length(1, 120, { message: 'Give the job a title (1–120 characters)' })
  title!: string;
  @Field(() => ID, { nullable: true, description: 'Where; or give lat/lng' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() lat?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() lng?: number | null;
  @Field(() => ID, { nullable: true, description: 'Required skills and duration come from it' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Minutes (default: the service type’s, or 60)' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes?: number | null;
  @Field(() => WorkOrderPriority, { defaultValue: WorkOrderPriority.EMERGENCY })
  @IsEnum(WorkOrderPriority)
  priority!: WorkOrderPriority;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() windowStart?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() windowEnd?: Date | null;
}

@InputType({ description: 'Keep a job on a technician (or off every route) in the scenario' })
export class WhatIfMoveInput {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field(() => ID, { nullable: true, description: 'Null leaves the job unassigned' })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string | null;
}

@InputType({ description: 'A hypothetical change to a day; nothing real is changed' })
export class WhatIfScenarioInput {
  @Field()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must look like 2026-11-22' })
  day!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Search time per plan, 1–15 s (default 3)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(15)
  timeBudgetSeconds?: number | null;
  @Field(() => [WhatIfTechnicianInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  addTechnicians!: WhatIfTechnicianInput[];
  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'removeTechnicianIds must be UUIDs' })
  removeTechnicianIds!: string[];
  @Field(() => [WhatIfShiftInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  shiftChanges!: WhatIfShiftInput[];
  @Field(() => [WhatIfJobInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  addJobs!: WhatIfJobInput[];
  @Field(() => [WhatIfMoveInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  moveJobs!: WhatIfMoveInput[];
}

@ObjectType()
export class WhatIfPlan {
  @Field() label!: string;
  @Field(() => PlanKpis) kpis!: PlanKpis;
  @Field(() => [PlannedRoute]) routes!: PlannedRoute[];
  @Field(() => [UnplannedJob]) unassigned!: UnplannedJob[];
}

@ObjectType({ description: 'The same day optimised as it is and with the scenario, side by side' })
export class WhatIfResult {
  @Field(() => PlanKpis, { description: 'The plan as it stands' }) current!: PlanKpis;
  @Field(() => WhatIfPlan, { description: 'Optimised without the scenario' }) baseline!: WhatIfPlan;
  @Field(() => WhatIfPlan, { description: 'Optimised with the scenario' }) scenario!: WhatIfPlan;
  @Field(() => [String], { description: 'What the scenario changed, in words' }) notes!: string[];
}
