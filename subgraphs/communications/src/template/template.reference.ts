import { loader, type SubgraphContext } from '@attendant/kit';
import type { TemplateService } from './template.service';

/** `_entities` for Template: all references of one request load in one query. */
export const templateReference = (service: TemplateService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Template', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
