import { Connection } from '@attendant/kit';
import { TaskStatus, WorkOrderPriority } from '@attendant/db';
import { IsDate, IsIn, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
// Registers WorkOrderPriority (and the other work order enums) with the schema.
import '../work-order/work-order.type';

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'OPEN and IN_PROGRESS are open; DONE and CANCELLED are closed (reopen to edit)',
});

export enum StaffTaskBulkAction {
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
  REOPEN = 'REOPEN',
  ASSIGN = 'ASSIGN',
  SET_PRIORITY = 'SET_PRIORITY',
}
registerEnumType(StaffTaskBulkAction, { name: 'StaffTaskBulkAction' });

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An internal to-do for staff, e.g. "call the guest about a late arrival"',
})
export class StaffTask {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => WorkOrderPriority) priority!: WorkOrderPriority;
  @Field(() => TaskStatus) status!: TaskStatus;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Int, {
    description: '0 until overdue; 1 when past due, 2 after 60 minutes, 3 after 240 minutes',
  })
  escalationLevel!: number;
  @Field(() => Date, { nullable: true }) escalatedAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int, {
    description: 'Increases with every change; pass it back to detect concurrent edits',
  })
  version!: number;

  // Plain ids, resolved by field resolvers.
  organizationId!: string;
  assigneeId!: string | null;
  guestId!: string | null;
  reservationId!: string | null;
  workOrderId!: string | null;
  createdById!: string | null;
}

export const StaffTaskConnection = Connection(StaffTask, 'StaffTask');

@InputType()
export class StaffTaskFilter {
  @Field(() => [TaskStatus], {
    nullable: true,
    description: 'Default: the open statuses (OPEN, IN_PROGRESS)',
  })
  status?: TaskStatus[];
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;
  @Field({ nullable: true, description: 'Only tasks assigned to the caller' }) mine?: boolean;
  @Field({ nullable: true, description: 'true: only tasks nobody is assigned to' })
  unassigned?: boolean;
  @Field({ nullable: true, description: 'true: only overdue tasks; false: only tasks on time' })
  overdue?: boolean;
  @Field({ nullable: true, description: 'true: only tasks that have been escalated' })
  escalated?: boolean;
  @Field(() => [WorkOrderPriority], { nullable: true }) priority?: WorkOrderPriority[];
  @Field({ nullable: true, description: 'Matches title or description' })
  @IsOptional()
  @MaxLength(100, { message: 'Search for at most 100 characters' })
  search?: string;
  @Field(() => Date, { nullable: true, description: 'Due before this time' })
  @IsOptional()
  @IsDate()
  dueBefore?: Date;
}

@InputType()
export class CreateStaffTaskInput {
  @Field() @Length(3, 200, { message: 'Title must be 3 to 200 characters' }) title!: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'Description must be at most 5000 characters' })
  description?: string;
  @Field(() => WorkOrderPriority, { defaultValue: WorkOrderPriority.NORMAL })
  @IsIn(Object.values(WorkOrderPriority))
  priority!: WorkOrderPriority;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() dueAt?: Date;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'reservationId must be a UUID' })
  reservationId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string;
}

@InputType({ description: 'Fields to change; null clears an optional field' })
export class UpdateStaffTaskInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 200, { message: 'Title must be 3 to 200 characters' })
  title?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'Description must be at most 5000 characters' })
  description?: string | null;
  @Field(() => WorkOrderPriority, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(WorkOrderPriority))
  priority?: WorkOrderPriority;
  @Field(() => Date, { nullable: true, description: 'A new due time resets the escalation' })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
  @Field(() => ID, { nullable: true, description: 'null unassigns' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'reservationId must be a UUID' })
  reservationId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string | null;
}

@ObjectType()
export class StaffTaskCounts {
  @Field(() => Int, { description: 'Open tasks (OPEN or IN_PROGRESS)' }) open!: number;
  @Field(() => Int, { description: 'Open tasks past their due time' }) overdue!: number;
  @Field(() => Int, { description: 'Open tasks assigned to the caller' }) mine!: number;
  @Field(() => Int, { description: 'Open tasks that have escalated' }) escalated!: number;
}

@ObjectType({ description: 'A task a bulk action left unchanged, and why' })
export class BulkTaskSkip {
  @Field(() => ID) id!: string;
  @Field() reason!: string;
}

@ObjectType()
export class BulkTaskResult {
  @Field(() => Int) updated!: number;
  @Field(() => [BulkTaskSkip]) skipped!: BulkTaskSkip[];
  @Field(() => [StaffTask], { description: 'The tasks the action changed, as they are now' })
  tasks!: StaffTask[];
}
