import { loader, type SubgraphContext } from '@attendant/kit';
import type { NotificationService } from './notification.service';

/** `_entities` for Notification: the caller's own only, all of one request in one query. */
export const notificationReference = (service: NotificationService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Notification', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
