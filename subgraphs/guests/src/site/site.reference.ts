import { loader, type SubgraphContext } from '@attendant/kit';
import type { SiteService } from './site.service';

/** The request's Site loader: `_entities` and every field pointing at a site share it. */
export const siteLoader = (ctx: SubgraphContext, service: SiteService) =>
  loader(ctx, 'Site', (ids) => service.byIds(ctx.actor, ids));

/** `_entities` for Site: all references of one request load in one query. */
export const siteReference = (service: SiteService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return siteLoader(ctx, service).load(ref.id);
  },
});
