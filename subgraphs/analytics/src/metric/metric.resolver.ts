import { loader, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { METRIC_READERS, UTILIZATION_READERS } from '../shared/actors';
import { Technician } from '../shared/references';
import type { MetricService } from './metric.service';
import { MetricSnapshot } from './metric.type';

@Resolver(() => MetricSnapshot)
export class MetricResolver {
  constructor(private readonly service: MetricService) {}

  @Authorized(...METRIC_READERS)
  @Query(() => [MetricSnapshot], {
    description: 'A metric over time (periods starting in [from, to)), oldest first',
  })
  metricSeries(
    @Arg('metric') metric: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: SubgraphContext,
    @Arg('subjectId', () => ID, {
      nullable: true,
      description: 'Omit for the organization-wide series',
    })
    subjectId?: string,
  ) {
    return this.service.series(ctx.actor, { metric, subjectId, from, to });
  }
}

@Resolver(() => Technician)
export class TechnicianUtilizationResolver {
  constructor(private readonly service: MetricService) {}

  @Authorized(...UTILIZATION_READERS)
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Average share of shift time on jobs (0–1) over the last days; null without data',
  })
  async utilization(
    @Root() technician: Technician,
    @Ctx() ctx: SubgraphContext,
    @Arg('days', () => Int, { defaultValue: 7 }) days: number,
  ) {
    const l = loader(ctx, `Utilization:${days}`, (ids) =>
      this.service.utilization(ctx.actor, ids, days),
    );
    return (await l.load(technician.id))?.value ?? null;
  }
}
