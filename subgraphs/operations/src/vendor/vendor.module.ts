import { CatalogService } from '../catalog/catalog.service';
import type { ModuleFactory } from '../shared/module';
import {
  VendorOfferResolver,
  VendorResolver,
  WorkOrderVendorResolver,
  vendorReference,
} from './vendor.resolver';
import { VendorService } from './vendor.service';

export const vendorModule: ModuleFactory = ({ db }) => {
  const vendors = new VendorService(db);
  return {
    resolvers: [
      new VendorResolver(vendors),
      new VendorOfferResolver(new CatalogService(db)),
      new WorkOrderVendorResolver(vendors),
    ],
    references: { Vendor: vendorReference(vendors) },
  };
};
