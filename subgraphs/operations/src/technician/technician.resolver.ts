import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import { READERS, SETTINGS } from '../people/roles';
import type { TechnicianService } from './technician.service';
import {
  CreateTechnicianInput,
  Technician,
  TechnicianConnection,
  TechnicianSkillInput,
  UpdateTechnicianInput,
} from './technician.type';

@ArgsType()
class TechniciansArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => String, { nullable: true, description: 'Part of the name' }) search?: string;
  @Field(() => String, { nullable: true, description: 'Only technicians with this skill' })
  skill?: string;
  @Field(() => ID, { nullable: true, description: 'Only members of this team' }) teamId?: string;
  @Field({ defaultValue: false, description: 'Include deactivated technicians' })
  includeInactive!: boolean;
}

@Resolver(() => Technician)
export class TechnicianResolver {
  constructor(private readonly service: TechnicianService) {}

  @Authorized(...READERS)
  @Query(() => TechnicianConnection, {
    description: 'Technicians by name (active ones by default)',
  })
  async technicians(@Args() args: TechniciansArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...READERS)
  @Query(() => Technician)
  technician(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Technician)
  createTechnician(@Arg('input') input: CreateTechnicianInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Technician, { description: 'Changes the given fields; null clears a field' })
  updateTechnician(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateTechnicianInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Technician, {
    description: 'Deactivated technicians keep their history but get no new work',
  })
  setTechnicianActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setActive(ctx.actor, id, active);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Technician, { description: "Replaces the technician's skills" })
  setTechnicianSkills(
    @Arg('id', () => ID) id: string,
    @Arg('skills', () => [TechnicianSkillInput]) skills: TechnicianSkillInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setSkills(ctx.actor, id, skills);
  }
}

export const technicianReference = (service: TechnicianService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Technician', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
