import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { companyReference } from './company/company.reference';
import { CompanyResolver } from './company/company.resolver';
import { CompanyService } from './company/company.service';
import { guestReference } from './guest/guest.reference';
import { GuestResolver } from './guest/guest.resolver';
import { GuestService } from './guest/guest.service';
import { reservationReference } from './reservation/reservation.reference';
import { GuestReservationsResolver, ReservationResolver } from './reservation/reservation.resolver';
import { ReservationService } from './reservation/reservation.service';
import { roomReference } from './room/room.reference';
import { RoomResolver } from './room/room.resolver';
import { RoomService } from './room/room.service';
import { siteReference } from './site/site.reference';
import { GuestSitesResolver, SiteResolver } from './site/site.resolver';
import { SiteService } from './site/site.service';

// Served by the gateway from GuestCreated / GuestUpdated events (see gateway/src/subscriptions).
const SUBSCRIPTIONS = /* GraphQL */ `
  input GuestChangedFilter {
    "Only this guest"
    id: ID
    "Only guests whose VIP flag now has this value"
    vip: Boolean
  }
  type Subscription {
    "A guest was created or changed; delivers its current state"
    guestChanged(filter: GuestChangedFilter): Guest!
  }
`;

export const guestsSubgraph: SubgraphDefinition = {
  name: 'guests',
  async buildSchema({ db }) {
    const guests = new GuestService(db);
    const companies = new CompanyService(db);
    const sites = new SiteService(db);
    const rooms = new RoomService(db);
    const reservations = new ReservationService(db);
    const resolvers = [
      new GuestResolver(guests, companies),
      new CompanyResolver(companies, guests),
      new SiteResolver(sites, guests, companies),
      new GuestSitesResolver(sites),
      new RoomResolver(rooms, reservations),
      new ReservationResolver(reservations, guests, rooms),
      new GuestReservationsResolver(reservations),
    ];
    return buildFederatedSchema(
      {
        resolvers: [
          GuestResolver,
          CompanyResolver,
          SiteResolver,
          GuestSitesResolver,
          RoomResolver,
          ReservationResolver,
          GuestReservationsResolver,
        ],
        container: containerOf(resolvers),
      },
      {
        Guest: guestReference(guests),
        Company: companyReference(companies),
        Site: siteReference(sites),
        Room: roomReference(rooms),
        Reservation: reservationReference(reservations),
      },
      SUBSCRIPTIONS,
    );
  },
};
