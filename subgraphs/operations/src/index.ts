import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { AuthResolver, organizationReference, userReference } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { TechnicianResolver, technicianReference } from './technician/technician.resolver';
import { TechnicianService } from './technician/technician.service';
import { workOrderReference } from './work-order/work-order.reference';
import { GuestWorkOrdersResolver, WorkOrderResolver } from './work-order/work-order.resolver';
import { WorkOrderService } from './work-order/work-order.service';

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
  type Subscription {
    "A work order was created or changed; delivers its current state"
    workOrderChanged(filter: WorkOrderChangedFilter): WorkOrder!
  }
`;

export const operationsSubgraph: SubgraphDefinition = {
  name: 'operations',
  async buildSchema({ db, config }) {
    const workOrders = new WorkOrderService(db);
    const technicians = new TechnicianService(db);
    const auth = new AuthService(db, config.JWT_SECRET);
    const resolvers = [
      new WorkOrderResolver(workOrders, technicians),
      new GuestWorkOrdersResolver(workOrders),
      new TechnicianResolver(technicians),
      new AuthResolver(auth),
    ];
    return buildFederatedSchema(
      {
        resolvers: [WorkOrderResolver, GuestWorkOrdersResolver, TechnicianResolver, AuthResolver],
        container: containerOf(resolvers),
      },
      {
        WorkOrder: workOrderReference(workOrders),
        Technician: technicianReference(technicians),
        User: userReference(auth),
        Organization: organizationReference(auth),
        Guest: { __resolveReference: (ref: { id: string }) => ref },
      },
      SUBSCRIPTIONS,
    );
  },
  internalRoutes({ db, config }, router) {
    const auth = new AuthService(db, config.JWT_SECRET);
    // The gateway resolves API keys here, so only operations reads the key table.
    router.post('/api-keys/verify', async (req, res) => {
      const key = typeof req.body?.key === 'string' ? req.body.key : '';
      const actor = key.length <= 200 ? await auth.verifyApiKey(key) : null;
      res.status(actor ? 200 : 404).json({ actor });
    });
  },
};
