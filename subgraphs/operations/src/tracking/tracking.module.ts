import type { StopBackground } from '@attendant/kit';
import { matrixProviderFromEnv } from '../optimizer/matrix/from-env';
import type { ModuleFactory } from '../shared/module';
import { TechnicianService } from '../technician/technician.service';
import { WorkOrderService } from '../work-order/work-order.service';
import { customerLinkConsumer } from './customer-link.consumer';
import { EtaEstimator } from './eta';
import { PreparedHotSql } from './hot-sql';
import { LocationIngest } from './location-ingest';
import { locationsRoute } from './locations.route';
import { scheduleRetention } from './retention';
import { loadTrackingConfig } from './tracking.config';
import { LocationEvents } from './tracking.events';
import { TrackingLinkService } from './tracking-link';
import {
  TechnicianPositionResolver,
  TrackingLinkResolver,
  TrackingResolver,
  WorkOrderTrackingLinksResolver,
} from './tracking.resolver';
import { TrackingService } from './tracking.service';
import { OrgTrackingCache } from './tracking-settings';

/**
 * Live technician tracking: location pings, positions with ETA and geofence, paths, the daily
 * retention purge, and the customer's public tracking link (served by the gateway at /track/).
 */
export const trackingModule: ModuleFactory = ({ db, config, logger }) => {
  const log = logger.child({ component: 'tracking' });
  const orgs = new OrgTrackingCache(db);
  const workOrders = new WorkOrderService(db);
  const events = new LocationEvents(config, log);
  const tracking = new TrackingService(db, orgs);
  const trackingConfig = loadTrackingConfig();
  // Opens connections on first use only: building the schema (e.g. to compose) opens none.
  const hotSql =
    trackingConfig.TRACKING_DB_POOL_SIZE > 0
      ? new PreparedHotSql(config.DATABASE_URL, trackingConfig.TRACKING_DB_POOL_SIZE, log)
      : undefined;
  const ingest = new LocationIngest(db, {
    orgs,
    eta: new EtaEstimator(matrixProviderFromEnv(process.env), log),
    events,
    workOrders,
    logger: log,
    hotSql,
  });
  const publicBaseUrl = trackingConfig.PUBLIC_BASE_URL;
  const links = new TrackingLinkService(db, workOrders, orgs, publicBaseUrl);
  return {
    consumers: [customerLinkConsumer(publicBaseUrl)],
    resolvers: [
      new TrackingResolver(tracking, ingest, new TechnicianService(db), workOrders),
      new TechnicianPositionResolver(tracking),
      new TrackingLinkResolver(links, workOrders),
      new WorkOrderTrackingLinksResolver(links),
    ],
    internalRoutes(router) {
      locationsRoute(router, ingest);
    },
    async background(deps): Promise<StopBackground> {
      const stopRetention = await scheduleRetention(deps.db, deps.jobs, log);
      return async () => {
        await stopRetention();
        await events.close();
        await hotSql?.close();
      };
    },
  };
};
