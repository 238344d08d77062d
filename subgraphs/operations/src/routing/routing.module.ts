import { matrixProviderFromEnv } from '../optimizer/matrix/from-env';
import { closeSharedOptimizerPool, sharedOptimizerPool } from '../optimizer/worker/optimizer-pool';
import type { ModuleFactory } from '../shared/module';
import { TechnicianService } from '../technician/technician.service';
import { WorkOrderService } from '../work-order/work-order.service';
import {
  PlannedRouteResolver,
  RouteStopResolver,
  RoutingResolver,
  ScheduleChangeResolver,
  UnplannedJobResolver,
} from './routing.resolver';
import { RoutingService } from './routing.service';
import { urgentInsertionConsumer } from './urgent-insertion';

/**
 * The dispatch optimizer as a product: suggestions, apply, what-if, and emergencies fitted in
 * live. Travel times come from OPTIMIZER_MATRIX (great-circle or osrm); solving runs on a
 * worker thread.
 */
export const routingModule: ModuleFactory = ({ db }) => {
  const matrix = matrixProviderFromEnv(process.env);
  const service = new RoutingService(db, { matrix, pool: sharedOptimizerPool });
  const workOrders = new WorkOrderService(db);
  return {
    resolvers: [
      new RoutingResolver(service, workOrders),
      new RouteStopResolver(workOrders),
      new UnplannedJobResolver(workOrders),
      new ScheduleChangeResolver(workOrders),
      new PlannedRouteResolver(new TechnicianService(db)),
    ],
    consumers: [urgentInsertionConsumer(matrix)],
    async background() {
      return closeSharedOptimizerPool;
    },
  };
};
