import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { MatchingService } from './matching.service';
import { AssignmentCandidate } from './matching.type';

@Resolver(() => AssignmentCandidate)
export class MatchingResolver {
  constructor(private readonly service: MatchingService) {}

  @Authorized('ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR')
  @Query(() => [AssignmentCandidate], {
    description:
      'Technicians and vendors for a work order, best first, each with its factors and a one-line explanation; ineligible ones last with the reason',
  })
  assignmentCandidates(
    @Arg('workOrderId', () => ID) workOrderId: string,
    @Arg('limit', () => Int, { defaultValue: 10, description: '1–50' }) limit: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.candidates(ctx.actor, workOrderId, limit);
  }
}
