import type { ModuleFactory } from '../shared/module';

export const projectionModule: ModuleFactory = () => ({ resolvers: [] });
