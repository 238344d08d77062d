import { loader, toConnection, money, Money, type SubgraphContext } from '@attendant/kit';
import { WorkOrderStatus } from '@attendant/db';
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
import { Guest, Reservation, Room, Site, ref } from '../shared/references';
import { Technician } from '../technician/technician.type';
import type { TechnicianService } from '../technician/technician.service';
import type { WorkOrderService } from './work-order.service';
import {
  ChangeWorkOrderStatusInput,
  CreateWorkOrderInput,
  UpdateWorkOrderInput,
  WorkOrder,
  WorkOrderConnection,
  WorkOrderFilter,
  WorkOrderOrder,
  WorkOrderRevision,
} from './work-order.type';

@ArgsType()
class WorkOrdersArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => WorkOrderFilter, { nullable: true }) filter?: WorkOrderFilter;
  @Field(() => WorkOrderOrder, { nullable: true }) orderBy?: WorkOrderOrder;
}

const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'] as const;
const PLANNERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  constructor(
    private readonly service: WorkOrderService,
    private readonly technicians: TechnicianService,
  ) {}

  @Authorized(...READERS)
  @Query(() => WorkOrderConnection, {
    description: 'Work orders, newest first unless ordered otherwise',
  })
  async workOrders(@Args() args: WorkOrdersArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...READERS)
  @Query(() => WorkOrder)
  workOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => WorkOrder)
  createWorkOrder(@Arg('input') input: CreateWorkOrderInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => WorkOrder)
  updateWorkOrder(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateWorkOrderInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input, expectedVersion);
  }

  @Authorized('ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'INTEGRATOR')
  @Mutation(() => WorkOrder, { description: 'Moves a work order along its status machine' })
  changeWorkOrderStatus(
    @Arg('input') input: ChangeWorkOrderStatusInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.changeStatus(ctx.actor, input);
  }

  @FieldResolver(() => Money, { nullable: true })
  price(@Root() wo: WorkOrder) {
    return money(wo.priceMinor, wo.currency);
  }

  @FieldResolver(() => [WorkOrderRevision], {
    description:
      'What changed after the version you have, oldest first (at most 100): the offline app shows a technician what dispatch changed meanwhile',
  })
  changesSince(
    @Root() wo: WorkOrder,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.changesSince(ctx.actor, wo.id, version);
  }

  @FieldResolver(() => [WorkOrderStatus])
  allowedTransitions(@Root() wo: WorkOrder) {
    return this.service.allowedTransitions(wo);
  }

  @FieldResolver(() => Technician, { nullable: true })
  technician(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    if (!wo.technicianId) return null;
    return loader(ctx, 'Technician', (ids) => this.technicians.byIds(ctx.actor, ids)).load(
      wo.technicianId,
    );
  }

  @FieldResolver(() => Guest, {
    nullable: true,
    description: 'The hotel guest or customer (from guests)',
  })
  guest(@Root() wo: WorkOrder) {
    return ref('Guest', wo.guestId);
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Root() wo: WorkOrder) {
    return ref('Site', wo.siteId);
  }

  @FieldResolver(() => Room, { nullable: true })
  room(@Root() wo: WorkOrder) {
    return ref('Room', wo.roomId);
  }

  @FieldResolver(() => Reservation, { nullable: true })
  reservation(@Root() wo: WorkOrder) {
    return ref('Reservation', wo.reservationId);
  }
}

@Resolver(() => Guest)
export class GuestWorkOrdersResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver(() => [WorkOrder], {
    description: 'Work orders of this guest that are not completed or cancelled',
  })
  async openWorkOrders(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    const l = loader(ctx, 'OpenWorkOrdersByGuest', async (guestIds) => {
      const rows = await this.workOrders.openForGuests(ctx.actor, guestIds);
      return guestIds.map((id) => ({ id, rows: rows.filter((r) => r.guestId === id) }));
    });
    return (await l.load(guest.id))?.rows ?? [];
  }
}
