import { CatalogService } from '../catalog/catalog.service';
import type { ModuleFactory } from '../shared/module';
import { loadSlaConfig } from './sla.config';
import { startSlaMonitor } from './sla.monitor';
import { SlaPolicyResolver, WorkOrderSlaResolver } from './sla.resolver';
import { SlaService } from './sla.service';

export const slaModule: ModuleFactory = ({ db }) => {
  const config = loadSlaConfig();
  const sla = new SlaService(db);
  return {
    resolvers: [new SlaPolicyResolver(sla, new CatalogService(db)), new WorkOrderSlaResolver(sla)],
    async background(deps) {
      const logger = deps.logger.child({ component: 'sla-monitor' });
      return startSlaMonitor(deps.db, config.SLA_MONITOR_INTERVAL_MS, logger);
    },
  };
};
