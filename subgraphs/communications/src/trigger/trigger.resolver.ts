import type { SubgraphContext } from '@attendant/kit';
import { TriggerEvent } from '@attendant/db';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { TEMPLATE_EDITORS } from '../template/template.service';
import type { TriggerService } from './trigger.service';
import { CreateTriggerInput, Trigger, TriggerFiring, UpdateTriggerInput } from './trigger.type';

@Resolver(() => Trigger)
export class TriggerResolver {
  constructor(private readonly service: TriggerService) {}

  @Authorized(...MESSAGE_READERS)
  @Query(() => [Trigger], { description: "The organization's automatic messages" })
  triggers(
    @Ctx() ctx: SubgraphContext,
    @Arg('event', () => TriggerEvent, { nullable: true }) event?: TriggerEvent,
  ) {
    return this.service.list(ctx.actor, event);
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
