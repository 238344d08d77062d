import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { GuestHealthScoreResolver } from './health-score/health-score.resolver';
import { HealthScoreService } from './health-score/health-score.service';
import { MetricResolver, TechnicianUtilizationResolver } from './metric/metric.resolver';
import { MetricService } from './metric/metric.service';
import { Guest, Technician } from './shared/references';
import { workOrderFactProjector } from './work-order-fact/work-order-fact.consumer';
import { WorkOrderFactService } from './work-order-fact/work-order-fact.service';

export {
  WORK_ORDER_FACTS,
  workOrderFactProjector,
} from './work-order-fact/work-order-fact.consumer';

export const analyticsSubgraph: SubgraphDefinition = {
  name: 'analytics',
  async buildSchema({ db }) {
    const metrics = new MetricService(db);
    const resolvers = [
      new MetricResolver(metrics),
      new TechnicianUtilizationResolver(metrics),
      new GuestHealthScoreResolver(new HealthScoreService(db)),
    ];
    return buildFederatedSchema(
      {
        resolvers: [MetricResolver, TechnicianUtilizationResolver, GuestHealthScoreResolver],
        container: containerOf(resolvers),
        // Reached only through `_entities`, so no query mentions them.
        orphanedTypes: [Guest, Technician],
      },
      {
        Guest: { __resolveReference: (ref: { id: string }) => ref },
        Technician: { __resolveReference: (ref: { id: string }) => ref },
      },
    );
  },
  consumers({ logger }) {
    return [workOrderFactProjector(new WorkOrderFactService(), logger)];
  },
};
