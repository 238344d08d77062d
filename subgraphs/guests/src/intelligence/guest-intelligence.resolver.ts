import { loader, type SubgraphContext } from '@attendant/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Guest } from '../guest/guest.type';
import type { GuestIntelligence } from './guest-intelligence.service';
import { CompletenessPoint } from './guest-rules.type';

@Resolver(() => Guest)
export class GuestIntelligenceResolver {
  constructor(private readonly intelligence: GuestIntelligence) {}

  @FieldResolver(() => [CompletenessPoint], {
    description: 'Profile completeness over the last `days` days (1–730), oldest first',
  })
  async completenessTrend(
    @Root() guest: Guest,
    @Ctx() ctx: SubgraphContext,
    @Arg('days', () => Int, { defaultValue: 90 }) days: number,
  ) {
    // One loader per window, so every guest of a list asking the same window shares a query.
    const trends = loader(ctx, `CompletenessTrend:${days}`, (ids) =>
      this.intelligence.trends(ctx.actor, ids, days),
    );
    return (await trends.load(guest.id))?.points ?? [];
  }
}
