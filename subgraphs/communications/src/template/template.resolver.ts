import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Channel } from '../shared/channel';
import type { TemplateService } from './template.service';
import { Template } from './template.type';

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
}
