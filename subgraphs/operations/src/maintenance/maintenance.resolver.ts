import { loader, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { CatalogService } from '../catalog/catalog.service';
import { ServiceType } from '../catalog/catalog.type';
import type { TeamService } from '../people/team.service';
import { Team } from '../people/team.type';
import { dateOnly } from '../generated-orders/local-days';
import { Guest, Room, Site, ref } from '../shared/references';
import type { TechnicianService } from '../technician/technician.service';
import { Technician } from '../technician/technician.type';
import type { MaintenanceService } from './maintenance.service';
import {
  CreateMaintenancePlanInput,
  MaintenancePlan,
  MaintenanceRunResult,
  UpdateMaintenancePlanInput,
} from './maintenance.type';

// Settings: managers change them, dispatch may look.
const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
const EDITORS = ['ADMIN', 'MANAGER'] as const;

@Resolver(() => MaintenancePlan)
export class MaintenanceResolver {
  constructor(
    private readonly service: MaintenanceService,
    private readonly catalog: CatalogService,
    private readonly teams: TeamService,
    private readonly technicians: TechnicianService,
  ) {}

  @Authorized(...READERS)
  @Query(() => [MaintenancePlan], { description: 'Maintenance plans by name' })
  maintenancePlans(@Ctx() ctx: SubgraphContext) {
    return this.service.list(ctx.actor);
  }

  @Authorized(...READERS)
  @Query(() => MaintenancePlan)
  maintenancePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MaintenancePlan)
  createMaintenancePlan(
    @Arg('input') input: CreateMaintenancePlanInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MaintenancePlan)
  updateMaintenancePlan(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateMaintenancePlanInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MaintenancePlan)
  setMaintenancePlanActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setActive(ctx.actor, id, active);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Boolean, { description: 'Work orders the plan generated stay' })
  deleteMaintenancePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.delete(ctx.actor, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => MaintenanceRunResult, {
    description: 'Generates the work orders due within each active plan’s lead time now',
  })
  runMaintenancePlans(@Ctx() ctx: SubgraphContext) {
    return this.service.run(ctx.actor);
  }

  @FieldResolver(() => String, { description: 'First due day, YYYY-MM-DD' })
  startsOn(@Root() plan: MaintenancePlan) {
    return dateOnly(plan.startsOn);
  }

  @FieldResolver(() => [String], { description: 'The next due days (local dates), from today' })
  async nextDueDates(
    @Root() plan: MaintenancePlan,
    @Ctx() ctx: SubgraphContext,
    @Arg('count', () => Int, { defaultValue: 5, description: '1 to 50' }) count: number,
  ) {
    // Every plan of a request is the actor's organization's: its zone is read once.
    const zone = await loader(ctx, 'OrganizationZone', async (ids) => {
      const zone = await this.service.zoneOf(ctx.actor);
      return ids.map((id) => ({ id, zone }));
    }).load(plan.organizationId);
    return this.service.nextDueDates(plan, zone?.zone ?? 'UTC', count);
  }

  @FieldResolver(() => Int, { description: 'Work orders this plan has generated' })
  async generatedCount(@Root() plan: MaintenancePlan, @Ctx() ctx: SubgraphContext) {
    const counts = loader(ctx, 'MaintenancePlanGeneratedCount', (ids) =>
      this.service.generatedCounts(ctx.actor, ids),
    );
    return (await counts.load(plan.id))?.count ?? 0;
  }

  @FieldResolver(() => ServiceType, { nullable: true })
  serviceType(@Root() plan: MaintenancePlan, @Ctx() ctx: SubgraphContext) {
    return loader(ctx, 'ServiceType', (ids) => this.catalog.serviceTypesByIds(ctx.actor, ids)).load(
      plan.serviceTypeId,
    );
  }

  @FieldResolver(() => Team, { nullable: true })
  team(@Root() plan: MaintenancePlan, @Ctx() ctx: SubgraphContext) {
    if (!plan.teamId) return null;
    return loader(ctx, 'Team', (ids) => this.teams.byIds(ctx.actor, ids)).load(plan.teamId);
  }

  @FieldResolver(() => Technician, { nullable: true })
  technician(@Root() plan: MaintenancePlan, @Ctx() ctx: SubgraphContext) {
    if (!plan.technicianId) return null;
    return loader(ctx, 'Technician', (ids) => this.technicians.byIds(ctx.actor, ids)).load(
      plan.technicianId,
    );
  }

  @FieldResolver(() => Room, { nullable: true })
  room(@Root() plan: MaintenancePlan) {
    return ref('Room', plan.roomId);
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Root() plan: MaintenancePlan) {
    return ref('Site', plan.siteId);
  }

  @FieldResolver(() => Guest, { nullable: true, description: 'The customer the work is for' })
  guest(@Root() plan: MaintenancePlan) {
    return ref('Guest', plan.guestId);
  }
}
