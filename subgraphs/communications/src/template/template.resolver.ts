import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { Channel } from '../shared/channel';
import { TEMPLATE_EDITORS, type TemplateService } from './template.service';
import {
  CreateTemplateInput,
  PreviewTemplateInput,
  Template,
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
