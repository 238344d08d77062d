import {
  buildFederatedSchema,
  containerOf,
  type SubgraphDefinition,
  type SubgraphDeps,
} from '@attendant/kit';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { automationModule } from './automation/automation.module';
import { catalogModule } from './catalog/catalog.module';
import { dispatchModule } from './dispatch/dispatch.module';
import { maintenanceModule } from './maintenance/maintenance.module';
import { matchingModule } from './matching/matching.module';
import { peopleModule } from './people/people.module';
import { projectionModule } from './projection/projection.module';
import { routingModule } from './routing/routing.module';
import { slaModule } from './sla/sla.module';
import { taskModule } from './task/task.module';
import { trackingModule } from './tracking/tracking.module';
import { vendorModule } from './vendor/vendor.module';
import { workOrderDetailsModule } from './work-order-details/work-order-details.module';
import { startAll, type OperationsModule } from './shared/module';
import { AuthResolver, organizationReference, userReference } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { TechnicianResolver, technicianReference } from './technician/technician.resolver';
import { TechnicianService } from './technician/technician.service';
import { workOrderReference } from './work-order/work-order.reference';
import { GuestWorkOrdersResolver, WorkOrderResolver } from './work-order/work-order.resolver';
import { WorkOrderService } from './work-order/work-order.service';
import { uploadRoutes } from './work-order-details/work-order-details.module';
import { UPLOAD_ROUTE } from './work-order-details/uploads/upload-server';

// Served by the gateway from WorkOrder* events (see gateway/src/subscriptions).
const SUBSCRIPTIONS = /* GraphQL */ `
  input WorkOrderChangedFilter {
    "Only this work order"
    id: ID
    "Only work orders that now have one of these statuses"
    status: [WorkOrderStatus!]
    technicianId: ID
    guestId: ID
  }
  input TechnicianLocationFilter {
    "Only this technician"
    technicianId: ID
    "Only members of this team"
    teamId: ID
  }
  input ScheduleSuggestionChangedFilter {
    "Only suggestions of this local day (YYYY-MM-DD)"
    day: String
  }
  type Subscription {
    "A work order was created or changed; delivers its current state"
    workOrderChanged(filter: WorkOrderChangedFilter): WorkOrder!
    "A dispatch suggestion was made, applied, rejected or superseded (e.g. an emergency fitted in)"
    scheduleSuggestionChanged(filter: ScheduleSuggestionChangedFilter): ScheduleSuggestion!
    "A technician's position moved (office staff); delivers the new position with its ETA"
    technicianLocationChanged(filter: TechnicianLocationFilter): TechnicianPosition!
  }
`;

const FEATURES = [
  catalogModule,
  slaModule,
  peopleModule,
  vendorModule,
  matchingModule,
  dispatchModule,
  routingModule,
  taskModule,
  maintenanceModule,
  automationModule,
  projectionModule,
  workOrderDetailsModule,
  trackingModule,
];

/** The feature modules of one process (one set per database client, shared by all hooks). */
const built = new WeakMap<object, OperationsModule[]>();
function modulesOf(deps: SubgraphDeps): OperationsModule[] {
  let modules = built.get(deps.db);
  if (!modules) {
    modules = FEATURES.map((create) => create(deps));
    built.set(deps.db, modules);
  }
  return modules;
}

export const operationsSubgraph: SubgraphDefinition = {
  name: 'operations',
  async buildSchema(deps) {
    const { db, config } = deps;
    const workOrders = new WorkOrderService(db);
    const technicians = new TechnicianService(db);
    const auth = new AuthService(db, config.JWT_SECRET);
    const modules = modulesOf(deps);
    const resolvers = [
      new WorkOrderResolver(workOrders, technicians),
      new GuestWorkOrdersResolver(workOrders),
      new TechnicianResolver(technicians),
      new AuthResolver(auth),
      ...modules.flatMap((m) => m.resolvers),
    ];
    return buildFederatedSchema(
      {
        resolvers: resolvers.map((r) => r.constructor) as unknown as NonEmptyArray<ClassType>,
        container: containerOf(resolvers),
      },
      {
        WorkOrder: workOrderReference(workOrders),
        Technician: technicianReference(technicians),
        User: userReference(auth),
        Organization: organizationReference(auth),
        Guest: { __resolveReference: (ref: { id: string }) => ref },
        ...Object.assign({}, ...modules.map((m) => m.references ?? {})),
      },
      SUBSCRIPTIONS,
    );
  },
  consumers(deps) {
    return modulesOf(deps).flatMap((m) => m.consumers ?? []);
  },
  background(deps) {
    return startAll(modulesOf(deps), deps);
  },
  internalRoutes(deps, router) {
    const { db, config, logger } = deps;
    const auth = new AuthService(db, config.JWT_SECRET);
    for (const m of modulesOf(deps)) m.internalRoutes?.(router);
    // Resumable uploads (tus) of photos, signatures and documents, forwarded by the gateway.
    const uploads = uploadRoutes(db, config.ACTOR_SIGNING_SECRET, logger);
    router.all([UPLOAD_ROUTE, `${UPLOAD_ROUTE}/:id`], (req, res) => void uploads.handle(req, res));
    // The gateway resolves API keys here, so only operations reads the key table.
    router.post('/api-keys/verify', async (req, res) => {
      const key = typeof req.body?.key === 'string' ? req.body.key : '';
      const actor = key.length <= 200 ? await auth.verifyApiKey(key) : null;
      res.status(actor ? 200 : 404).json({ actor });
    });
  },
};
