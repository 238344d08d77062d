import { toConnection, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ALERT_HANDLERS, ALERT_READERS } from '../shared/actors';
import type { AlertService } from './alert.service';
import { AlertKind, AlertSeverity } from '@attendant/db';
import { Alert, AlertConnection, AlertStatus } from './alert.type';

@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Authorized(...ALERT_READERS)
  @Query(() => AlertConnection, { description: 'Alerts, newest first' })
  async alerts(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('unacknowledgedOnly', () => Boolean, { defaultValue: false }) unacknowledgedOnly?: boolean,
    @Arg('status', () => AlertStatus, { nullable: true }) status?: AlertStatus,
    @Arg('kind', () => AlertKind, { nullable: true }) kind?: AlertKind,
    @Arg('severity', () => AlertSeverity, { nullable: true }) severity?: AlertSeverity,
  ) {
    return toConnection(
      await this.service.list(ctx.actor, {
        first,
        after,
        unacknowledgedOnly,
        status,
        kind,
        severity,
      }),
    );
  }

  @Authorized(...ALERT_HANDLERS)
  @Mutation(() => Alert, {
    description: 'Marks an alert as seen and handled; doing it twice changes nothing',
  })
  acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.acknowledge(ctx.actor, id);
  }
}
