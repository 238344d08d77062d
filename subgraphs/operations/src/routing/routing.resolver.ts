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
import type { TechnicianService } from '../technician/technician.service';
import type { WorkOrderService } from '../work-order/work-order.service';
import type { RoutingService } from './routing.service';
import {
  ApplyScheduleSuggestionInput,
  ApplyScheduleSuggestionResult,
  PlannedRoute,
  RouteStop,
  ScheduleChange,
  ScheduleSuggestion,
  ScheduleSuggestionStatus,
  SuggestScheduleInput,
  UnplannedJob,
  WhatIfResult,
  WhatIfScenarioInput,
} from './routing.type';

// Suggestions show every technician's day, like the dispatch board.
const BOARD_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'] as const;
const PLANNERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;

@Resolver(() => ScheduleSuggestion)
export class RoutingResolver {
  constructor(
    private readonly service: RoutingService,
    private readonly workOrders: WorkOrderService,
  ) {}

  @Authorized(...PLANNERS)
  @Mutation(() => ScheduleSuggestion, {
    description:
      'Runs the dispatch optimizer over a day (and team) and stores its proposal; nothing is scheduled until it is applied',
  })
  suggestSchedule(@Arg('input') input: SuggestScheduleInput, @Ctx() ctx: SubgraphContext) {
    return this.service.suggest(ctx.actor, input);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => ApplyScheduleSuggestionResult, {
    description:
      'Applies all or some of a suggestion’s changes in one transaction; changes that went stale are skipped with a reason',
  })
  applyScheduleSuggestion(
    @Arg('input') input: ApplyScheduleSuggestionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.apply(ctx.actor, input);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => ScheduleSuggestion, { description: 'Dismisses an open suggestion' })
  rejectScheduleSuggestion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.reject(ctx.actor, id);
  }

  @Authorized(...BOARD_READERS)
  @Query(() => ScheduleSuggestion, { nullable: true })
  scheduleSuggestion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...BOARD_READERS)
  @Query(() => [ScheduleSuggestion], {
    description: 'Suggestions of a day, newest first (at most 20)',
  })
  scheduleSuggestions(
    @Arg('day') day: string,
    @Arg('status', () => [ScheduleSuggestionStatus], { nullable: true })
    status: ScheduleSuggestionStatus[] | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.list(ctx.actor, day, status ?? null);
  }

  @Authorized(...PLANNERS)
  @Query(() => WhatIfResult, {
    description:
      'Optimises a day as it is and with a hypothetical change, side by side; changes nothing',
  })
  whatIfSchedule(@Arg('input') input: WhatIfScenarioInput, @Ctx() ctx: SubgraphContext) {
    return this.service.whatIf(ctx.actor, input);
  }

  @FieldResolver()
  triggerWorkOrder(@Root() s: ScheduleSuggestion, @Ctx() ctx: SubgraphContext) {
    return s.triggerWorkOrderId
      ? workOrderLoader(this.workOrders, ctx, s.triggerWorkOrderId)
      : null;
  }
}

function workOrderLoader(service: WorkOrderService, ctx: SubgraphContext, id: string) {
  return loader(ctx, 'WorkOrder', (ids) => service.byIds(ctx.actor, ids)).load(id);
}

@Resolver(() => RouteStop)
export class RouteStopResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver()
  workOrder(@Root() s: RouteStop, @Ctx() ctx: SubgraphContext) {
    return s.workOrderId ? workOrderLoader(this.workOrders, ctx, s.workOrderId) : null;
  }
}

@Resolver(() => UnplannedJob)
export class UnplannedJobResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver()
  workOrder(@Root() s: UnplannedJob, @Ctx() ctx: SubgraphContext) {
    return s.workOrderId ? workOrderLoader(this.workOrders, ctx, s.workOrderId) : null;
  }
}

@Resolver(() => ScheduleChange)
export class ScheduleChangeResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver()
  workOrder(@Root() s: ScheduleChange, @Ctx() ctx: SubgraphContext) {
    return workOrderLoader(this.workOrders, ctx, s.workOrderId);
  }
}

@Resolver(() => PlannedRoute)
export class PlannedRouteResolver {
  constructor(private readonly technicians: TechnicianService) {}

  @FieldResolver()
  technician(@Root() r: PlannedRoute, @Ctx() ctx: SubgraphContext) {
    if (r.technicianId.startsWith('what-if:')) return null;
    return loader(ctx, 'Technician', (ids) => this.technicians.byIds(ctx.actor, ids)).load(
      r.technicianId,
    );
  }
}
