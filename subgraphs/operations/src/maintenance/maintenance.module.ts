import type { ModuleFactory } from '../shared/module';

export const maintenanceModule: ModuleFactory = () => ({ resolvers: [] });
