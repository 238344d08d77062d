import { loader, type SubgraphContext } from '@attendant/kit';
import type { RoomService } from './room.service';

/** The request's Room loader: `_entities` and every field pointing at a room share it. */
export const roomLoader = (ctx: SubgraphContext, service: RoomService) =>
  loader(ctx, 'Room', (ids) => service.byIds(ctx.actor, ids));

/** `_entities` for Room: all references of one request load in one query. */
export const roomReference = (service: RoomService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return roomLoader(ctx, service).load(ref.id);
  },
});
