import { IsBoolean, IsDate, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Technician } from '../technician/technician.type';
import { WorkOrder } from '../work-order/work-order.type';

export enum ConflictKind {
  DOUBLE_BOOKED = 'DOUBLE_BOOKED',
  OUTSIDE_SHIFT = 'OUTSIDE_SHIFT',
  TIME_OFF = 'TIME_OFF',
  OVER_DAILY_LIMIT = 'OVER_DAILY_LIMIT',
  MISSING_SKILL = 'MISSING_SKILL',
  NO_QUALIFIED_TECHNICIAN = 'NO_QUALIFIED_TECHNICIAN',
  ROOM_OUT_OF_ORDER = 'ROOM_OUT_OF_ORDER',
  OUTSIDE_TIME_WINDOW = 'OUTSIDE_TIME_WINDOW',
  CERTIFICATION_EXPIRED = 'CERTIFICATION_EXPIRED',
}
registerEnumType(ConflictKind, {
  name: 'ConflictKind',
  description: 'Why a schedule is questionable; see ScheduleConflict.blocking',
});

@ObjectType({
  description:
    'A problem with a work order’s schedule. Blocking ones refuse scheduleWorkOrder unless forced.',
})
export class ScheduleConflict {
  @Field(() => ConflictKind) kind!: ConflictKind;
  @Field({ description: 'For people, e.g. "Ana Novak already has WO-12 09:00–10:30"' })
  message!: string;
  @Field() blocking!: boolean;
  @Field(() => ID) workOrderId!: string;
  @Field(() => ID, { nullable: true, description: 'The other work order, for DOUBLE_BOOKED' })
  otherWorkOrderId!: string | null;
}

@ObjectType()
export class BoardTimeOff {
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field() reason!: string;
}

@ObjectType({ description: 'One technician’s timeline on the dispatch board' })
export class BoardLane {
  @Field(() => Technician) technician!: Technician;
  @Field(() => Date, { nullable: true, description: 'Null when not working that day' })
  shiftStart!: Date | null;
  @Field(() => Date, { nullable: true }) shiftEnd!: Date | null;
  @Field({ description: 'Works that day (a work day, not entirely off)' }) working!: boolean;
  @Field(() => [BoardTimeOff]) timeOff!: BoardTimeOff[];
  @Field(() => [WorkOrder], { description: 'Jobs overlapping the day, by start' })
  jobs!: WorkOrder[];
  @Field(() => Float, {
    nullable: true,
    description: 'Booked share of the working time (may exceed 1); null when not working',
  })
  utilization!: number | null;
}

@ObjectType({ description: 'Where a job is, for the map' })
export class BoardJobLocation {
  @Field(() => ID) workOrderId!: string;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

@ObjectType()
export class DispatchBoard {
  @Field({ description: 'YYYY-MM-DD in the organization’s time zone' }) day!: string;
  @Field() timezone!: string;
  @Field({ description: 'Local midnight starting the day' }) start!: Date;
  @Field({ description: 'Local midnight ending the day (23 or 25 hours later on DST days)' })
  end!: Date;
  @Field(() => [BoardLane]) technicians!: BoardLane[];
  @Field(() => [WorkOrder], {
    description: 'Open orders without technician or vendor, by priority then SLA risk',
  })
  unassigned!: WorkOrder[];
  @Field(() => [ScheduleConflict]) conflicts!: ScheduleConflict[];
  @Field(() => [BoardJobLocation]) locations!: BoardJobLocation[];
}

@InputType()
export class CheckScheduleInput {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string | null;
  @Field() @IsDate() start!: Date;
}

@InputType()
export class ScheduleWorkOrderInput {
  @Field(() => ID) @IsUUID('all', { message: 'workOrderId must be a UUID' }) workOrderId!: string;
  @Field(() => ID, { nullable: true, description: 'Null puts the order back into the queue' })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Required when a technician is given' })
  @IsOptional()
  @IsDate()
  start?: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The version you last saw; a newer one on the server is a conflict',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
  @Field({ defaultValue: false, description: 'Schedule despite blocking conflicts' })
  @IsBoolean()
  force!: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'Keep the reason under 500 characters' })
  reason?: string | null;
}
