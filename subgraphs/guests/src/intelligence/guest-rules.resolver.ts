import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RULE_READERS, RULE_WRITERS, type GuestRulesService } from './guest-rules.service';
import { GuestRuleSettings, GuestRuleSettingsInput } from './guest-rules.type';

@Resolver(() => GuestRuleSettings)
export class GuestRulesResolver {
  constructor(private readonly service: GuestRulesService) {}

  @Authorized(...RULE_READERS)
  @Query(() => GuestRuleSettings, {
    description: 'The guest intelligence rules in force (the defaults until an admin saves some)',
  })
  guestRuleSettings(@Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor);
  }

  @Authorized(...RULE_WRITERS)
  @Mutation(() => GuestRuleSettings, {
    description: 'Replaces the guest intelligence rules and recomputes every guest',
  })
  updateGuestRuleSettings(
    @Arg('input') input: GuestRuleSettingsInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, input);
  }

  @Authorized(...RULE_WRITERS)
  @Mutation(() => GuestRuleSettings, {
    description: 'Goes back to the default rules and recomputes every guest',
  })
  resetGuestRuleSettings(@Ctx() ctx: SubgraphContext) {
    return this.service.reset(ctx.actor);
  }
}
