import type { ModuleFactory } from '../shared/module';
import { technicianHourlyCostMinor } from './matching.config';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

export const matchingModule: ModuleFactory = ({ db }) => ({
  resolvers: [
    new MatchingResolver(
      new MatchingService(db, { technicianHourlyCostMinor: technicianHourlyCostMinor() }),
    ),
  ],
});
