import { loader, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { WorkOrder } from '../work-order/work-order.type';
import type { DispatchService } from './dispatch.service';
import {
  CheckScheduleInput,
  DispatchBoard,
  ScheduleConflict,
  ScheduleWorkOrderInput,
} from './dispatch.type';

const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'] as const;
// The board shows every technician's day; technicians see only their own jobs elsewhere.
const BOARD_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'] as const;
const PLANNERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;

@Resolver(() => DispatchBoard)
export class DispatchResolver {
  constructor(private readonly service: DispatchService) {}

  @Authorized(...BOARD_READERS)
  @Query(() => DispatchBoard, {
    description: 'Technicians’ timelines and the unassigned queue of one local day',
  })
  dispatchBoard(
    @Arg('day', { description: 'YYYY-MM-DD in the organization’s time zone' }) day: string,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.board(ctx.actor, day, teamId ?? null);
  }

  @Authorized(...PLANNERS)
  @Query(() => [ScheduleConflict], {
    description: 'Conflicts a schedule would have, without changing anything',
  })
  checkSchedule(@Arg('input') input: CheckScheduleInput, @Ctx() ctx: SubgraphContext) {
    return this.service.checkSchedule(ctx.actor, input);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => WorkOrder, {
    description:
      'Assigns and times a work order, or returns it to the queue; refuses blocking conflicts unless forced',
  })
  scheduleWorkOrder(@Arg('input') input: ScheduleWorkOrderInput, @Ctx() ctx: SubgraphContext) {
    return this.service.schedule(ctx.actor, input);
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderConflictsResolver {
  constructor(private readonly service: DispatchService) {}

  @Authorized(...READERS)
  @FieldResolver(() => [ScheduleConflict], {
    description: 'Problems with the current schedule (open, scheduled orders only)',
  })
  async conflicts(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    const found = await loader(ctx, 'WorkOrderConflicts', (ids) =>
      this.service.conflictsOf(ctx.actor, ids),
    ).load(wo.id);
    return found?.conflicts ?? [];
  }
}
