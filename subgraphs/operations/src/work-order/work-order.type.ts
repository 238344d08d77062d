import { Connection, Money } from '@attendant/kit';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WorkOrderKind, WorkOrderPriority, WorkOrderStatus } from '@attendant/db';
import { IdempotencyKeyField } from '../shared/idempotency.field';

registerEnumType(WorkOrderStatus, { name: 'WorkOrderStatus' });
registerEnumType(WorkOrderPriority, { name: 'WorkOrderPriority' });
registerEnumType(WorkOrderKind, {
  name: 'WorkOrderKind',
  description: 'HOTEL_SERVICE for hotel service orders, FIELD_JOB for field-service jobs',
});

export enum WorkOrderSortField {
  CREATED_AT = 'createdAt',
  SCHEDULED_START = 'scheduledStart',
  NUMBER = 'number',
  SLA_DUE_AT = 'slaDueAt',
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(WorkOrderSortField, { name: 'WorkOrderSortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A job: a hotel service order or a field-service work order.' })
export class WorkOrder {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Per-organization number, shown as WO-<number>' })
  number!: number;
  @Field(() => WorkOrderKind) kind!: WorkOrderKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => WorkOrderStatus) status!: WorkOrderStatus;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => WorkOrderPriority) priority!: WorkOrderPriority;
  @Field(() => Date, { nullable: true }) windowStart!: Date | null;
  @Field(() => Date, { nullable: true }) windowEnd!: Date | null;
  @Field(() => Date, { nullable: true }) scheduledStart!: Date | null;
  @Field(() => Date, { nullable: true }) scheduledEnd!: Date | null;
  @Field(() => Date, { nullable: true }) slaDueAt!: Date | null;
  @Field(() => Int) estimatedMinutes!: number;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;

  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the technician left the site after completing it (from the geofence)',
  })
  departedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "The customer's rating, 1 to 5" })
  customerRating!: number | null;
  @Field(() => String, { nullable: true }) customerFeedback!: string | null;
  @Field(() => Int, {
    description: 'Increases with every change; pass it back to detect concurrent edits',
  })
  version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  // Resolved by field resolvers.
  @Field(() => Money, { nullable: true }) price?: Money | null;
  @Field(() => [WorkOrderStatus], { description: 'Statuses this work order may move to next' })
  allowedTransitions?: WorkOrderStatus[];

  // Plain ids into other domains, resolved as entity references.
  guestId!: string | null;
  siteId!: string | null;
  roomId!: string | null;
  reservationId!: string | null;
  technicianId!: string | null;
  // Operations ids, resolved by the areas that own them (catalog, people, vendor, sla).
  serviceTypeId!: string | null;
  vendorId!: string | null;
  teamId!: string | null;
  reworkOfId!: string | null;
  slaPolicyId!: string | null;
  responseDueAt!: Date | null;
  respondedAt!: Date | null;
  slaWarnedAt!: Date | null;
  slaBreachedAt!: Date | null;
  maintenancePlanId!: string | null;
  automationRuleId!: string | null;
  priceMinor!: number | null;
  currency!: string | null;
  organizationId!: string;
}

export const WorkOrderConnection = Connection(WorkOrder, 'WorkOrder');

@InputType()
export class WorkOrderFilter {
  @Field(() => [WorkOrderStatus], { nullable: true }) status?: WorkOrderStatus[];
  @Field(() => [WorkOrderPriority], { nullable: true }) priority?: WorkOrderPriority[];
  @Field(() => WorkOrderKind, { nullable: true }) kind?: WorkOrderKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() technicianId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() guestId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() serviceTypeId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() vendorId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teamId?: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: neither a technician nor a vendor is assigned; false: one of them is',
  })
  unassigned?: boolean;
  @Field({ nullable: true, description: 'Matches title, description or WO number' })
  @IsOptional()
  @MaxLength(100)
  search?: string;
  @Field(() => Date, { nullable: true, description: 'Scheduled to start at or after' })
  scheduledFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'Scheduled to start before' })
  scheduledTo?: Date;
}

@InputType()
export class WorkOrderOrder {
  @Field(() => WorkOrderSortField) field!: WorkOrderSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) direction!: SortDirection;
}

@InputType()
export class CreateWorkOrderInput {
  @Field(() => WorkOrderKind) kind!: WorkOrderKind;
  @Field() @Length(3, 200, { message: 'Title must be 3 to 200 characters' }) title!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(5000) description?: string;
  @Field(() => WorkOrderPriority, { defaultValue: WorkOrderPriority.NORMAL })
  priority!: WorkOrderPriority;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a UUID' })
  siteId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') reservationId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string;
  @Field(() => ID, { nullable: true, description: 'From the service catalog' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string;
  @Field(() => ID, { nullable: true, description: 'Give the job to a vendor instead' })
  @IsOptional()
  @IsUUID('all', { message: 'vendorId must be a UUID' })
  vendorId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The earlier work order this one redoes because it did not fix the problem',
  })
  @IsOptional()
  @IsUUID('all', { message: 'reworkOfId must be a UUID' })
  reworkOfId?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() windowStart?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() windowEnd?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() scheduledStart?: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'Overrides the SLA policy: the resolution deadline (no response target then)',
  })
  @IsOptional()
  @IsDate()
  slaDueAt?: Date;
  @Field(() => Int, {
    nullable: true,
    description: "Default: the service type's duration, else 60",
  })
  @IsOptional()
  @IsInt()
  @Min(5, { message: 'Estimated duration must be at least 5 minutes' })
  @Max(1440, { message: 'Estimated duration must be at most 1440 minutes' })
  estimatedMinutes?: number;
  @Field(() => Int, { nullable: true, description: "Default: the service type's price" })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Price cannot be negative' })
  priceMinor?: number;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'Currency must be a 3-letter ISO code' })
  currency?: string;
}

@InputType()
export class UpdateWorkOrderInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 200, { message: 'Title must be 3 to 200 characters' })
  title?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(5000) description?: string;
  @Field(() => WorkOrderPriority, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(WorkOrderPriority))
  priority?: WorkOrderPriority;
  @Field(() => ID, { nullable: true, description: 'Assign a technician; null unassigns' })
  @IsOptional()
  @IsUUID('all', { message: 'technicianId must be a UUID' })
  technicianId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Give the job to a vendor; null unassigns' })
  @IsOptional()
  @IsUUID('all', { message: 'vendorId must be a UUID' })
  vendorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'null removes the team' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
  @Field(() => ID, { nullable: true, description: 'null removes the service type' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceTypeId must be a UUID' })
  serviceTypeId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() windowStart?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() windowEnd?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() scheduledStart?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() slaDueAt?: Date | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(5, { message: 'Estimated duration must be at least 5 minutes' })
  @Max(1440, { message: 'Estimated duration must be at most 1440 minutes' })
  estimatedMinutes?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Price cannot be negative' })
  priceMinor?: number | null;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'Currency must be a 3-letter ISO code' })
  currency?: string;
}

@InputType()
export class ChangeWorkOrderStatusInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id!: string;
  @Field(() => WorkOrderStatus) status!: WorkOrderStatus;
  @Field({ nullable: true, description: 'Required for ON_HOLD and CANCELLED' })
  @IsOptional()
  @MaxLength(500)
  reason?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last saw. Changes made since are merged field by field: the status change still applies when nobody else changed the status (a technician: when the move is still allowed); otherwise CONFLICT',
  })
  expectedVersion?: number;
  @IdempotencyKeyField() idempotencyKey?: string;
}

@ObjectType({ description: 'What one version of a work order changed' })
export class WorkOrderRevision {
  @Field(() => Int) version!: number;
  @Field(() => [String], {
    description:
      'The fields it changed (status, technicianId, scheduledStart, priority, …); empty when only its checklist, notes, files, parts or time changed',
  })
  fields!: string[];
  @Field() changedAt!: Date;
}
