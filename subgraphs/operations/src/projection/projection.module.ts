import { evaluateReservation } from '../automation/automation.evaluator';
import type { ModuleFactory } from '../shared/module';
import { reservationProjector, roomProjector, siteProjector } from './projection.consumers';

/** Read models of guests' reservations, rooms and sites; reservation changes run automation. */
export const projectionModule: ModuleFactory = () => ({
  resolvers: [],
  consumers: [
    reservationProjector((tx, organizationId, projection) =>
      evaluateReservation(tx, organizationId, projection),
    ),
    roomProjector(),
    siteProjector(),
  ],
});
