import type { ModuleFactory } from '../shared/module';
import { DispatchResolver, WorkOrderConflictsResolver } from './dispatch.resolver';
import { DispatchService } from './dispatch.service';

export const dispatchModule: ModuleFactory = ({ db }) => {
  const service = new DispatchService(db);
  return { resolvers: [new DispatchResolver(service), new WorkOrderConflictsResolver(service)] };
};
