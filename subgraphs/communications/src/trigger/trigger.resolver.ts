import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import { TriggerEvent } from '@attendant/db';
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
import { TEMPLATE_EDITORS, type TemplateService } from '../template/template.service';
import { Template } from '../template/template.type';
import type { TriggerService } from './trigger.service';
import {
  CreateTriggerInput,
  Trigger,
  TriggerFiring,
  TriggerFiringConnection,
  UpdateTriggerInput,
} from './trigger.type';

@Resolver(() => Trigger)
export class TriggerResolver {
  constructor(
    private readonly service: TriggerService,
    private readonly templates: TemplateService,
  ) {}

  @FieldResolver(() => Template, { nullable: true, description: 'The template it sends' })
  template(@Root() trigger: Trigger, @Ctx() ctx: SubgraphContext) {
    return loader(ctx, 'Template', (ids) => this.templates.byIds(ctx.actor, ids)).load(
      trigger.templateId,
    );
  }

  @FieldResolver(() => TriggerFiringConnection, {
    description: 'Its sends, newest first: status, reason, time and message',
  })
  async firings(
    @Root() trigger: Trigger,
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await this.service.firingPage(ctx.actor, trigger.id, { first, after }));
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => [Trigger], { description: "The organization's automatic messages" })
  triggers(
    @Ctx() ctx: SubgraphContext,
    @Arg('event', () => TriggerEvent, { nullable: true }) event?: TriggerEvent,
  ) {
    return this.service.list(ctx.actor, event);
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => Trigger, { description: 'One trigger (NOT_FOUND in another organization)' })
  trigger(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.one(ctx.actor, id);
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => [TriggerFiring], {
    description: 'Automatic sends for a work order or reservation, or of one trigger (newest 200)',
  })
  triggerFirings(
    @Ctx() ctx: SubgraphContext,
    @Arg('entityId', () => ID, { nullable: true }) entityId?: string,
    @Arg('triggerId', () => ID, { nullable: true }) triggerId?: string,
  ) {
    return this.service.firings(ctx.actor, { entityId, triggerId });
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => Trigger, { description: 'Its channel is the template channel' })
  createTrigger(@Arg('input') input: CreateTriggerInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => Trigger)
  updateTrigger(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateTriggerInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => Boolean, { description: 'Deletes a trigger and its history of sends' })
  deleteTrigger(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.delete(ctx.actor, id);
  }
}
