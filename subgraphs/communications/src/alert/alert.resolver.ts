import { toConnection, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ALERT_HANDLERS } from '../shared/actors';
import type { AlertService } from './alert.service';
import { Alert, AlertConnection } from './alert.type';

@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Authorized()
  @Query(() => AlertConnection, { description: 'Alerts, newest first' })
  async alerts(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('unacknowledgedOnly', () => Boolean, { defaultValue: false }) unacknowledgedOnly?: boolean,
  ) {
    return toConnection(await this.service.list(ctx.actor, { first, after, unacknowledgedOnly }));
  }

  @Authorized(...ALERT_HANDLERS)
  @Mutation(() => Alert, {
    description: 'Marks an alert as seen and handled; doing it twice changes nothing',
  })
  acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.acknowledge(ctx.actor, id);
  }
}
