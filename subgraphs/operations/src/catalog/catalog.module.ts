import type { ModuleFactory } from '../shared/module';
import {
  CatalogResolver,
  serviceTypeReference,
  WorkOrderServiceTypeResolver,
} from './catalog.resolver';
import { CatalogService } from './catalog.service';

export const catalogModule: ModuleFactory = ({ db }) => {
  const catalog = new CatalogService(db);
  return {
    resolvers: [new CatalogResolver(catalog), new WorkOrderServiceTypeResolver(catalog)],
    references: { ServiceType: serviceTypeReference(catalog) },
  };
};
