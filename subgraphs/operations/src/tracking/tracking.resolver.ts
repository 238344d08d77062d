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
import { Technician } from '../technician/technician.type';
import type { WorkOrderService } from '../work-order/work-order.service';
import { WorkOrder } from '../work-order/work-order.type';
import type { LocationIngest } from './location-ingest';
import type { TrackingLinkService } from './tracking-link';
import { POSITION_VIEWERS, type TrackingService } from './tracking.service';
import {
  CreatedTrackingLink,
  LocationPingInput,
  LocationPoint,
  PublicVisit,
  RecordLocationsResult,
  TechnicianPosition,
  TrackingLink,
  TrackingSettings,
  UpdateTrackingSettingsInput,
} from './tracking.type';

const SETTINGS_EDITORS = ['ADMIN', 'MANAGER'] as const;
const STAFF = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST'] as const;
// Technicians share links for their own jobs (the service checks which jobs they see).
const LINK_MAKERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN'] as const;

const workOrderLoader = (workOrders: WorkOrderService, ctx: SubgraphContext) =>
  loader(ctx, 'WorkOrder', (ids) => workOrders.byIds(ctx.actor, ids));

@Resolver(() => TechnicianPosition)
export class TrackingResolver {
  constructor(
    private readonly tracking: TrackingService,
    private readonly ingest: LocationIngest,
    private readonly technicians: TechnicianService,
    private readonly workOrders: WorkOrderService,
  ) {}

  @Authorized()
  @Query(() => TrackingSettings, { description: 'Tracking settings (defaults until changed)' })
  trackingSettings(@Ctx() ctx: SubgraphContext) {
    return this.tracking.settings(ctx.actor);
  }

  @Authorized(...SETTINGS_EDITORS)
  @Mutation(() => TrackingSettings)
  updateTrackingSettings(
    @Arg('input') input: UpdateTrackingSettingsInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tracking.updateSettings(ctx.actor, input);
  }

  @Authorized(...POSITION_VIEWERS)
  @Query(() => [TechnicianPosition], {
    description: "Technicians' latest positions (of one team when given)",
  })
  technicianPositions(
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tracking.positions(ctx.actor, teamId ?? null);
  }

  @Authorized(...STAFF)
  @Query(() => TechnicianPosition, {
    nullable: true,
    description: 'A technician’s latest position (id = technician id); technicians see their own',
  })
  technicianPosition(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    // The live map's subscription asks for dozens of these in one query (one alias each).
    return positionLoader(this.tracking, ctx).load(id);
  }

  @Authorized(...STAFF)
  @Query(() => [LocationPoint], {
    description:
      'Where a technician went between from and to (at most 24 h), evenly thinned to at most 2000 points',
  })
  technicianPath(
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tracking.path(ctx.actor, technicianId, from, to);
  }

  @Authorized('TECHNICIAN')
  @Mutation(() => RecordLocationsResult, {
    description:
      'The signed-in technician’s GPS fixes, 1 to 500; a replayed fix (same recordedAt) is stored once',
  })
  recordLocations(
    @Arg('pings', () => [LocationPingInput]) pings: LocationPingInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.ingest.record(ctx.actor, pings);
  }

  @FieldResolver(() => Technician)
  technician(@Root() p: TechnicianPosition, @Ctx() ctx: SubgraphContext) {
    return loader(ctx, 'Technician', (ids) => this.technicians.byIds(ctx.actor, ids)).load(
      p.technicianId,
    );
  }

  @FieldResolver(() => WorkOrder, { nullable: true })
  nextWorkOrder(@Root() p: TechnicianPosition, @Ctx() ctx: SubgraphContext) {
    return p.nextWorkOrderId ? workOrderLoader(this.workOrders, ctx).load(p.nextWorkOrderId) : null;
  }

  @FieldResolver(() => WorkOrder, {
    nullable: true,
    description: 'Geofence PROPOSE: the job the app should offer "Mark arrived" for',
  })
  async arrivalProposedFor(@Root() p: TechnicianPosition, @Ctx() ctx: SubgraphContext) {
    if (!p.arrivalProposedForId) return null;
    const wo = await workOrderLoader(this.workOrders, ctx).load(p.arrivalProposedForId);
    // Marked arrived (or moved on) since the last ping: nothing left to propose.
    return wo?.status === 'EN_ROUTE' ? wo : null;
  }
}

@Resolver(() => Technician)
export class TechnicianPositionResolver {
  constructor(private readonly tracking: TrackingService) {}

  @FieldResolver(() => TechnicianPosition, {
    nullable: true,
    description: 'The latest position (office staff; a technician sees their own)',
  })
  position(@Root() t: Technician, @Ctx() ctx: SubgraphContext) {
    return positionLoader(this.tracking, ctx).load(t.id);
  }
}

/** Positions by technician id, one query per request whatever asks for them. */
const positionLoader = (tracking: TrackingService, ctx: SubgraphContext) =>
  loader(
    ctx,
    'TechnicianPosition',
    (ids) => tracking.byTechnicianIds(ctx.actor, ids),
    (p) => p.technicianId,
  );

@Resolver(() => TrackingLink)
export class TrackingLinkResolver {
  constructor(
    private readonly links: TrackingLinkService,
    private readonly workOrders: WorkOrderService,
  ) {}

  @Authorized(...LINK_MAKERS)
  @Mutation(() => CreatedTrackingLink, {
    description: 'A link for the customer to follow the visit (valid 24 h); the URL is shown once',
  })
  createTrackingLink(
    @Arg('workOrderId', () => ID) workOrderId: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.links.create(ctx.actor, workOrderId);
  }

  @Authorized(...LINK_MAKERS)
  @Mutation(() => TrackingLink, { description: 'Ends a tracking link at once' })
  revokeTrackingLink(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.links.revoke(ctx.actor, id);
  }

  // Public on purpose (no role check): the token is the credential, the answer an allow-list.
  @Query(() => PublicVisit, {
    description:
      'The public tracking page’s data (no sign-in): NOT_FOUND for an unknown token, reason TRACKING_LINK_EXPIRED when it has ended',
  })
  trackVisit(@Arg('token') token: string) {
    return this.links.visit(token);
  }

  @FieldResolver(() => WorkOrder)
  workOrder(@Root() l: TrackingLink, @Ctx() ctx: SubgraphContext) {
    return workOrderLoader(this.workOrders, ctx).load(l.workOrderId);
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderTrackingLinksResolver {
  constructor(private readonly links: TrackingLinkService) {}

  @Authorized(...STAFF)
  @FieldResolver(() => [TrackingLink], {
    description: 'Tracking links made for this job, newest first',
  })
  async trackingLinks(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    const l = loader(ctx, 'WorkOrderTrackingLinks', async (ids) => {
      const groups = new Map<string, TrackingLink[]>(ids.map((id) => [id, []]));
      for (const row of await this.links.linksOf(ctx.actor, ids))
        groups.get(row.workOrderId)?.push(row);
      return ids.map((id) => ({ id, rows: groups.get(id) ?? [] }));
    });
    return (await l.load(wo.id))?.rows ?? [];
  }
}
