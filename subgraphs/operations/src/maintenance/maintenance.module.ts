import { CatalogService } from '../catalog/catalog.service';
import { loadIntervalMs, startInterval } from '../generated-orders/interval';
import { TeamService } from '../people/team.service';
import type { ModuleFactory } from '../shared/module';
import { TechnicianService } from '../technician/technician.service';
import { generateDue } from './maintenance.generator';
import { MaintenanceResolver } from './maintenance.resolver';
import { MaintenanceService } from './maintenance.service';

/** Preventive maintenance plans; their work orders are generated every 10 minutes and on demand. */
export const maintenanceModule: ModuleFactory = ({ db }) => {
  const service = new MaintenanceService(db);
  return {
    resolvers: [
      new MaintenanceResolver(
        service,
        new CatalogService(db),
        new TeamService(db),
        new TechnicianService(db),
      ),
    ],
    async background({ db, logger }) {
      const everyMs = loadIntervalMs('MAINTENANCE_INTERVAL_MS', 10 * 60_000);
      return startInterval('maintenance-generation', everyMs, logger, async () => {
        const result = await generateDue(db, null, new Date());
        if (result.created > 0) logger.info(result, 'maintenance work orders generated');
      });
    },
  };
};
