import type { ModuleFactory } from '../shared/module';

export const taskModule: ModuleFactory = () => ({ resolvers: [] });
