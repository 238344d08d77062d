import { loader, type SubgraphContext } from '@attendant/kit';
import type { MessageService } from './message.service';

/** `_entities` for Message: all references of one request load in one query. */
export const messageReference = (service: MessageService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Message', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
