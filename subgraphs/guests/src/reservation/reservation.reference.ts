import { loader, type SubgraphContext } from '@attendant/kit';
import type { ReservationService } from './reservation.service';

/** The request's Reservation loader: `_entities` and every field pointing at a reservation share it. */
export const reservationLoader = (ctx: SubgraphContext, service: ReservationService) =>
  loader(ctx, 'Reservation', (ids) => service.byIds(ctx.actor, ids));

/** `_entities` for Reservation: all references of one request load in one query. */
export const reservationReference = (service: ReservationService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return reservationLoader(ctx, service).load(ref.id);
  },
});
