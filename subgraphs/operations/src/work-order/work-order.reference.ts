import { loader, type SubgraphContext } from '@attendant/kit';
import type { WorkOrderService } from './work-order.service';

/** `_entities` for WorkOrder: all references of one request load in one query. */
export const workOrderReference = (service: WorkOrderService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'WorkOrder', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
