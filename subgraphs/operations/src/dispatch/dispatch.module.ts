import type { ModuleFactory } from '../shared/module';

export const dispatchModule: ModuleFactory = () => ({ resolvers: [] });
