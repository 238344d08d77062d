import { loader, type SubgraphContext } from '@attendant/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Guest } from '../shared/references';
import type { HealthScoreService } from './health-score.service';
import { HealthScore } from './health-score.type';

@Resolver(() => Guest)
export class GuestHealthScoreResolver {
  constructor(private readonly service: HealthScoreService) {}

  @Authorized()
  @FieldResolver(() => HealthScore, {
    nullable: true,
    description: 'The latest health score; null until one is computed',
  })
  async healthScore(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    const l = loader(
      ctx,
      'HealthScoreByGuest',
      (ids) => this.service.forGuests(ctx.actor, ids),
      (r) => r.guestId,
    );
    return (await l.load(guest.id))?.score ?? null;
  }
}
