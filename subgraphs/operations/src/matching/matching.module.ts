import type { ModuleFactory } from '../shared/module';

export const matchingModule: ModuleFactory = () => ({ resolvers: [] });
