import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import { TaskStatus, WorkOrderPriority } from '@attendant/db';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { User } from '../auth/auth.type';
import { Guest, Reservation, ref } from '../shared/references';
import { WorkOrder } from '../work-order/work-order.type';
import type { TaskBulkService } from './task-bulk.service';
import type { TaskService } from './task.service';
import {
  BulkTaskResult,
  CreateStaffTaskInput,
  StaffTask,
  StaffTaskBulkAction,
  StaffTaskConnection,
  StaffTaskCounts,
  StaffTaskFilter,
  UpdateStaffTaskInput,
} from './task.type';

@ArgsType()
class StaffTasksArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => StaffTaskFilter, { nullable: true }) filter?: StaffTaskFilter;
}

@ArgsType()
class BulkUpdateStaffTasksArgs {
  @Field(() => [ID], { description: '1 to 200 task ids' }) ids!: string[];
  @Field(() => StaffTaskBulkAction) action!: StaffTaskBulkAction;
  @Field(() => ID, { nullable: true, description: 'For ASSIGN; leave out to unassign' })
  assigneeId?: string | null;
  @Field(() => WorkOrderPriority, { nullable: true, description: 'For SET_PRIORITY' })
  priority?: WorkOrderPriority | null;
}

const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'] as const;
// Technicians change only the tasks assigned to them (the service limits them).
const WRITERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'INTEGRATOR'] as const;

@Resolver(() => StaffTask)
export class StaffTaskResolver {
  constructor(
    private readonly tasks: TaskService,
    private readonly bulk: TaskBulkService,
  ) {}

  @Authorized(...READERS)
  @Query(() => StaffTaskConnection, {
    description:
      'The staff task queue: overdue first, then priority, then due time (none last), then age',
  })
  async staffTasks(@Args() args: StaffTasksArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.tasks.list(ctx.actor, args));
  }

  @Authorized(...READERS)
  @Query(() => StaffTask)
  staffTask(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.tasks.get(ctx.actor, id);
  }

  @Authorized(...READERS)
  @Query(() => StaffTaskCounts, { description: 'Counters for the task queue badges' })
  staffTaskCounts(@Ctx() ctx: SubgraphContext) {
    return this.tasks.counts(ctx.actor);
  }

  @Authorized(...READERS)
  @Query(() => [User], { description: 'Active staff members tasks can be assigned to' })
  assignableUsers(@Ctx() ctx: SubgraphContext) {
    return this.tasks.assignableUsers(ctx.actor);
  }

  @Authorized(...WRITERS)
  @Mutation(() => StaffTask)
  createStaffTask(@Arg('input') input: CreateStaffTaskInput, @Ctx() ctx: SubgraphContext) {
    return this.tasks.create(ctx.actor, input);
  }

  @Authorized(...WRITERS)
  @Mutation(() => StaffTask)
  updateStaffTask(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateStaffTaskInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tasks.update(ctx.actor, id, input, expectedVersion);
  }

  @Authorized(...WRITERS)
  @Mutation(() => StaffTask, {
    description: 'OPEN ↔ IN_PROGRESS, open → DONE or CANCELLED, DONE or CANCELLED → OPEN',
  })
  setStaffTaskStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => TaskStatus) status: TaskStatus,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tasks.setStatus(ctx.actor, id, status, expectedVersion);
  }

  @Authorized(...WRITERS)
  @Mutation(() => BulkTaskResult, {
    description: 'Applies one action to many tasks at once; tasks it cannot change are skipped',
  })
  bulkUpdateStaffTasks(@Args() args: BulkUpdateStaffTasksArgs, @Ctx() ctx: SubgraphContext) {
    return this.bulk.apply(ctx.actor, args);
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due time' })
  overdue(@Root() task: StaffTask) {
    return this.tasks.isOverdue(task);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() task: StaffTask, @Ctx() ctx: SubgraphContext) {
    if (!task.assigneeId) return null;
    return loader(ctx, 'StaffTaskAssignee', (ids) => this.tasks.usersByIds(ctx.actor, ids)).load(
      task.assigneeId,
    );
  }

  @FieldResolver(() => WorkOrder, { nullable: true })
  workOrder(@Root() task: StaffTask, @Ctx() ctx: SubgraphContext) {
    if (!task.workOrderId) return null;
    return loader(ctx, 'StaffTaskWorkOrder', (ids) =>
      this.tasks.workOrdersByIds(ctx.actor, ids),
    ).load(task.workOrderId);
  }

  @FieldResolver(() => Guest, { nullable: true })
  guest(@Root() task: StaffTask) {
    return ref('Guest', task.guestId);
  }

  @FieldResolver(() => Reservation, { nullable: true })
  reservation(@Root() task: StaffTask) {
    return ref('Reservation', task.reservationId);
  }
}

/** `_entities` for StaffTask: all references of one request load in one query. */
export const staffTaskReference = (tasks: TaskService) => ({
  __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'StaffTask', (ids) => tasks.byIds(ctx.actor, ids)).load(reference.id);
  },
});
