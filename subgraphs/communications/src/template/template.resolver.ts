import { TriggerEvent } from '@attendant/db';
import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { Channel } from '../shared/channel';
import { TEMPLATE_EDITORS, type TemplateService } from './template.service';
import {
  CreateTemplateInput,
  MergeField,
  PreviewTemplateInput,
  Template,
  TemplateConnection,
  TemplateFilterInput,
  TemplatePreview,
  UpdateTemplateInput,
} from './template.type';

@Resolver(() => Template)
export class TemplateResolver {
  constructor(private readonly service: TemplateService) {}

  @Authorized()
  @Query(() => [Template], { description: 'Message templates by name, optionally for one channel' })
  templates(
    @Ctx() ctx: SubgraphContext,
    @Arg('channel', () => Channel, { nullable: true }) channel?: Channel,
  ) {
    return this.service.list(ctx.actor, channel);
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => TemplateConnection, { description: 'Templates by name, searched and filtered' })
  async templatePage(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => TemplateFilterInput, { nullable: true }) filter?: TemplateFilterInput,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await this.service.page(ctx.actor, { first, after, filter }));
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => [String], { description: 'The languages the organization has templates in' })
  templateLanguages(@Ctx() ctx: SubgraphContext) {
    return this.service.languages(ctx.actor);
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => [MergeField], {
    description: 'Merge fields a template may use; with an event, those it has data for',
  })
  mergeFields(@Arg('event', () => TriggerEvent, { nullable: true }) event?: TriggerEvent) {
    return this.service.mergeFields(event);
  }

  @FieldResolver(() => Int, { description: 'Triggers that send this template' })
  async triggerCount(@Root() template: Template, @Ctx() ctx: SubgraphContext) {
    const row = await loader(ctx, 'Template.triggerCount', (ids) =>
      this.service.triggerCounts(ctx.actor, ids),
    ).load(template.id);
    return row?.count ?? 0;
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => TemplatePreview, {
    description: 'Renders a saved template or a draft with sample data; lists unknown fields',
  })
  previewTemplate(@Arg('input') input: PreviewTemplateInput, @Ctx() ctx: SubgraphContext) {
    return this.service.preview(ctx.actor, input);
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => Template, {
    description: 'Refused with the list when the text has unknown fields',
  })
  createTemplate(@Arg('input') input: CreateTemplateInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => Template, { description: 'Edits a template and bumps its version' })
  updateTemplate(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateTemplateInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => Boolean, { description: 'Deletes a template no trigger uses' })
  deleteTemplate(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.delete(ctx.actor, id);
  }
}
