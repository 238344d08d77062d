import type { ModuleFactory } from '../shared/module';
import { TaskBulkService } from './task-bulk.service';
import { loadTaskConfig } from './task.config';
import { startTaskEscalation } from './task.escalation';
import { StaffTaskResolver, staffTaskReference } from './task.resolver';
import { TaskService } from './task.service';

/** Staff tasks: the priority queue, bulk actions and the escalation of overdue tasks. */
export const taskModule: ModuleFactory = (deps) => {
  const tasks = new TaskService(deps.db);
  const bulk = new TaskBulkService(deps.db, tasks);
  return {
    resolvers: [new StaffTaskResolver(tasks, bulk)],
    references: { StaffTask: staffTaskReference(tasks) },
    async background({ db, logger }) {
      const { TASK_ESCALATION_INTERVAL_MS } = loadTaskConfig();
      return startTaskEscalation(db, logger, TASK_ESCALATION_INTERVAL_MS);
    },
  };
};
