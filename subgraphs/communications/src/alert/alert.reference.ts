import { loader, type SubgraphContext } from '@attendant/kit';
import type { AlertService } from './alert.service';

/** `_entities` for Alert: all references of one request load in one query. */
export const alertReference = (service: AlertService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Alert', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
