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
import { WorkOrder } from '../work-order/work-order.type';
import { READERS, SETTINGS } from './roles';
import type { TeamService } from './team.service';
import { Team } from './team.type';

const teamLoader = (ctx: SubgraphContext, teams: TeamService) =>
  loader(ctx, 'Team', (ids) => teams.byIds(ctx.actor, ids));

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly technicianService: TechnicianService,
  ) {}

  @Authorized(...READERS)
  @Query(() => [Team], { description: 'Teams by name' })
  teams(@Ctx() ctx: SubgraphContext) {
    return this.teamService.list(ctx.actor);
  }

  @Authorized(...READERS)
  @Query(() => Team)
  team(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.teamService.get(ctx.actor, id);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Team)
  createTeam(@Arg('name') name: string, @Ctx() ctx: SubgraphContext) {
    return this.teamService.create(ctx.actor, name);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Team)
  renameTeam(
    @Arg('id', () => ID) id: string,
    @Arg('name') name: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.teamService.rename(ctx.actor, id, name);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Boolean, {
    description: 'Deletes a team; its technicians and work orders stay, without a team',
  })
  deleteTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.teamService.delete(ctx.actor, id);
  }

  @FieldResolver(() => [Technician], { description: 'Members by name (active ones by default)' })
  async technicians(
    @Root() team: Team,
    @Ctx() ctx: SubgraphContext,
    @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ) {
    const l = loader(ctx, `TeamTechnicians:${includeInactive}`, async (teamIds) => {
      const rows = await this.technicianService.byTeamIds(ctx.actor, teamIds, includeInactive);
      return teamIds.map((id) => ({ id, rows: rows.filter((r) => r.teamId === id) }));
    });
    return (await l.load(team.id))?.rows ?? [];
  }
}

@Resolver(() => Technician)
export class TechnicianTeamResolver {
  constructor(private readonly teams: TeamService) {}

  @FieldResolver(() => Team, { nullable: true })
  team(@Root() technician: Technician, @Ctx() ctx: SubgraphContext) {
    return technician.teamId ? teamLoader(ctx, this.teams).load(technician.teamId) : null;
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderTeamResolver {
  constructor(private readonly teams: TeamService) {}

  @FieldResolver(() => Team, { nullable: true, description: 'The team the job is meant for' })
  team(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    // The stored row carries teamId even while the WorkOrder class does not declare it.
    const teamId = (wo as WorkOrder & { teamId?: string | null }).teamId;
    return teamId ? teamLoader(ctx, this.teams).load(teamId) : null;
  }
}

export const teamReference = (teams: TeamService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return teamLoader(ctx, teams).load(ref.id);
  },
});
