import { loader, type SubgraphContext } from '@attendant/kit';
import type { GuestService } from './guest.service';

/** The request's Guest loader: `_entities` and every field pointing at a guest share it. */
export const guestLoader = (ctx: SubgraphContext, service: GuestService) =>
  loader(ctx, 'Guest', (ids) => service.byIds(ctx.actor, ids));

/** `_entities` for Guest: all references of one request load in one query. */
export const guestReference = (service: GuestService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return guestLoader(ctx, service).load(ref.id);
  },
});
