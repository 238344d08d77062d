import { loader, toConnection, type Page, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { Guest } from '../shared/references';
import type { TimelineService } from './timeline.service';
import { TimelineConnection, TimelineFilter, type TimelineEntry } from './timeline.type';

@Resolver(() => Guest)
export class GuestTimelineResolver {
  constructor(private readonly service: TimelineService) {}

  @Authorized(...MESSAGE_READERS)
  @FieldResolver(() => TimelineConnection, {
    description:
      'Messages, calls, notes, work order and reservation changes and alerts about this guest, newest first',
  })
  async timeline(
    @Root() guest: Guest,
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' })
    after?: string,
    @Arg('filter', () => TimelineFilter, { nullable: true }) filter?: TimelineFilter,
  ) {
    const args = { first, after, filter };
    const l = loader<{ id: string; page: Page<TimelineEntry> }>(
      ctx,
      `GuestTimeline:${JSON.stringify(args)}`,
      (ids) => this.service.forGuests(ctx.actor, ids, args),
    );
    const found = await l.load(guest.id);
    return toConnection(
      found?.page ?? { nodes: [], hasNextPage: false, endCursor: null, totalCount: 0 },
    );
  }
}
