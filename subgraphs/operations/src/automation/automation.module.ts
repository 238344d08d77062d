import { loadIntervalMs, startInterval } from '../generated-orders/interval';
import { CatalogService } from '../catalog/catalog.service';
import { TeamService } from '../people/team.service';
import type { ModuleFactory } from '../shared/module';
import { runAutomationSweep } from './automation.evaluator';
import { AutomationResolver } from './automation.resolver';
import { AutomationService } from './automation.service';

/** Automation rules; reservation events run them (projection/), and a sweep every 5 minutes. */
export const automationModule: ModuleFactory = ({ db }) => {
  const service = new AutomationService(db);
  return {
    resolvers: [new AutomationResolver(service, new CatalogService(db), new TeamService(db))],
    async background({ db, logger }) {
      const everyMs = loadIntervalMs('AUTOMATION_SWEEP_INTERVAL_MS', 5 * 60_000);
      return startInterval('automation-sweep', everyMs, logger, async () => {
        const result = await runAutomationSweep(db, new Date());
        if (result.created > 0) logger.info(result, 'automation sweep created orders');
      });
    },
  };
};
