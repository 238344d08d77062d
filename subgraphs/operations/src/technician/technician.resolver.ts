import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { TechnicianService } from './technician.service';
import { Technician, TechnicianConnection } from './technician.type';

@Resolver(() => Technician)
export class TechnicianResolver {
  constructor(private readonly service: TechnicianService) {}

  @Authorized()
  @Query(() => TechnicianConnection, { description: 'Technicians by name' })
  async technicians(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('skill', () => String, { nullable: true, description: 'Only technicians with this skill' })
    skill?: string,
  ) {
    return toConnection(await this.service.list(ctx.actor, { first, after, search, skill }));
  }

  @Authorized()
  @Query(() => Technician)
  technician(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }
}

export const technicianReference = (service: TechnicianService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Technician', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
