import type { ModuleFactory } from '../shared/module';

export const automationModule: ModuleFactory = () => ({ resolvers: [] });
