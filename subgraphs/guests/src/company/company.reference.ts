import { loader, type SubgraphContext } from '@attendant/kit';
import type { CompanyService } from './company.service';

/** The request's Company loader: `_entities` and every field pointing at a company share it. */
export const companyLoader = (ctx: SubgraphContext, service: CompanyService) =>
  loader(ctx, 'Company', (ids) => service.byIds(ctx.actor, ids));

/** `_entities` for Company: all references of one request load in one query. */
export const companyReference = (service: CompanyService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return companyLoader(ctx, service).load(ref.id);
  },
});
