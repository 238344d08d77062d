import { loader, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { Guest } from '../shared/references';
import type { TimelineService } from './timeline.service';
import { TimelineEntry } from './timeline.type';

@Resolver(() => Guest)
export class GuestTimelineResolver {
  constructor(private readonly service: TimelineService) {}

  @Authorized(...MESSAGE_READERS)
  @FieldResolver(() => [TimelineEntry], {
    description: 'Messages with this guest and alerts about them, newest first',
  })
  async timeline(
    @Root() guest: Guest,
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many entries, 1–100' })
    first: number,
  ) {
    const l = loader(ctx, `GuestTimeline:${first}`, (ids) =>
      this.service.forGuests(ctx.actor, ids, first),
    );
    return (await l.load(guest.id))?.entries ?? [];
  }
}
