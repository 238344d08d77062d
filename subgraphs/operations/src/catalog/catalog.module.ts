import type { ModuleFactory } from '../shared/module';

export const catalogModule: ModuleFactory = () => ({ resolvers: [] });
