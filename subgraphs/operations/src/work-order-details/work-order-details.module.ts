import type { ModuleFactory } from '../shared/module';

export const workOrderDetailsModule: ModuleFactory = () => ({ resolvers: [] });
