import type { ModuleFactory } from '../shared/module';

export const vendorModule: ModuleFactory = () => ({ resolvers: [] });
