import type { ModuleFactory } from '../shared/module';

export const slaModule: ModuleFactory = () => ({ resolvers: [] });
