import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { TEMPLATE_EDITORS } from '../template/template.service';
import type { MessagingSettingsService } from './messaging-settings.service';
import { MessagingSettings, UpdateMessagingSettingsInput } from './messaging-settings.type';

@Resolver(() => MessagingSettings)
export class MessagingSettingsResolver {
  constructor(private readonly service: MessagingSettingsService) {}

  @Authorized(...MESSAGE_READERS)
  @Query(() => MessagingSettings, {
    description: 'SMS and WhatsApp settings (defaults until saved)',
  })
  messagingSettings(@Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor);
  }

  @Authorized(...TEMPLATE_EDITORS)
  @Mutation(() => MessagingSettings, {
    description: 'Changes the given settings; unset keeps a value, null clears it',
  })
  updateMessagingSettings(
    @Arg('input') input: UpdateMessagingSettingsInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, input);
  }
}
