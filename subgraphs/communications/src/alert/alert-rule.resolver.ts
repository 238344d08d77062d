import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ALERT_HANDLERS } from '../shared/actors';
import { ALERT_RULE_EDITORS, type AlertRuleService } from './alert-rule.service';
import { AlertRule, AlertRuleInput, AlertStaffMember } from './alert-rule.type';

@Resolver(() => AlertRule)
export class AlertRuleResolver {
  constructor(private readonly service: AlertRuleService) {}

  @Authorized(...ALERT_HANDLERS)
  @Query(() => [AlertRule], { description: 'Every kind of alert, as the organization set it up' })
  alertRules(@Ctx() ctx: SubgraphContext) {
    return this.service.list(ctx.actor);
  }

  @Authorized(...ALERT_RULE_EDITORS)
  @Mutation(() => AlertRule, { description: 'Changes how one kind of alert is routed' })
  saveAlertRule(@Arg('input') input: AlertRuleInput, @Ctx() ctx: SubgraphContext) {
    return this.service.save(ctx.actor, input);
  }

  @Authorized(...ALERT_HANDLERS)
  @Query(() => [AlertStaffMember], { description: 'Staff alerts can be routed to' })
  alertStaff(@Ctx() ctx: SubgraphContext) {
    return this.service.staff(ctx.actor);
  }
}
