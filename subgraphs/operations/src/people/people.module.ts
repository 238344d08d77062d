import type { ModuleFactory } from '../shared/module';

export const peopleModule: ModuleFactory = () => ({ resolvers: [] });
