import {
  buildFederatedSchema,
  containerOf,
  type SubgraphDefinition,
  type SubgraphDeps,
} from '@attendant/kit';
import { ArrivalsResolver } from './arrivals/arrivals.resolver';
import { ArrivalsService } from './arrivals/arrivals.service';
import { companyReference } from './company/company.reference';
import { CompanyResolver } from './company/company.resolver';
import { CompanyService } from './company/company.service';
import { guestReference } from './guest/guest.reference';
import { GuestResolver } from './guest/guest.resolver';
import { GuestService } from './guest/guest.service';
import { GuestIntelligenceResolver } from './intelligence/guest-intelligence.resolver';
import { GuestIntelligence } from './intelligence/guest-intelligence.service';
import { GuestRulesResolver } from './intelligence/guest-rules.resolver';
import { GuestRulesService } from './intelligence/guest-rules.service';
import { reservationReference } from './reservation/reservation.reference';
import { GuestReservationsResolver, ReservationResolver } from './reservation/reservation.resolver';
import { ReservationService } from './reservation/reservation.service';
import { roomReference } from './room/room.reference';
import { RoomResolver } from './room/room.resolver';
import { RoomService } from './room/room.service';
import { siteReference } from './site/site.reference';
import { GuestSitesResolver, SiteResolver } from './site/site.resolver';
import { SiteService } from './site/site.service';
import { refreshStays } from './sync/reservation-events';
import { mewsWebhookRoute } from './sync/mews-webhook';
import {
  arrivalAnnouncer,
  guestPusher,
  pmsCharges,
  roomTurnaround,
  serviceOrderProjector,
} from './sync/sync.consumers';
import { createSyncModule, type SyncModule } from './sync/sync.module';
import {
  MewsConnectionResolver,
  ResyncResolver,
  SyncAuditResolver,
  SyncConflictResolver,
  SyncDeadLetterResolver,
  SyncRunResolver,
  syncRunReference,
} from './sync/sync.resolver';

// Served by the gateway from GuestCreated / GuestUpdated events (see gateway/src/subscriptions).
const SUBSCRIPTIONS = /* GraphQL */ `
  input GuestChangedFilter {
    "Only this guest"
    id: ID
    "Only guests whose VIP flag now has this value"
    vip: Boolean
  }
  input ReservationChangedFilter {
    "Only this reservation"
    id: ID
    "Only reservations arriving at or after this time"
    arrivalFrom: DateTimeISO
    "Only reservations arriving before this time"
    arrivalTo: DateTimeISO
  }
  input SyncRunChangedFilter {
    "Only this run"
    id: ID
  }
  type Subscription {
    "A guest was created or changed; delivers its current state"
    guestChanged(filter: GuestChangedFilter): Guest!
    "A reservation, its room or its guest changed (the arrival board listens)"
    reservationChanged(filter: ReservationChangedFilter): Reservation!
    "An import or re-sync progressed"
    syncRunChanged(filter: SyncRunChangedFilter): SyncRun!
  }
`;

/**
 * Guests written before their intelligence existed (seeded or migrated data) get their scores
 * once, on the first start that finds them without any score history.
 */
async function backfillIntelligence(deps: Required<SubgraphDeps>, intelligence: GuestIntelligence) {
  const orgs = await deps.db.$queryRawUnsafe<{ organizationId: string }[]>(
    `SELECT DISTINCT g."organizationId" FROM "guests"."guest" g
      WHERE NOT EXISTS (SELECT 1 FROM "guests"."guest_score_history" h
                         WHERE h."organizationId" = g."organizationId")`,
  );
  for (const { organizationId } of orgs) {
    await refreshStays(deps.db, organizationId);
    for (const table of ['guest', 'room', 'reservation']) {
      await deps.db.$executeRawUnsafe(
        `UPDATE "guests"."${table}" SET "syncStatus" = 'SYNCED'
          WHERE "organizationId" = $1::uuid AND "externalId" IS NOT NULL AND "syncStatus" IS NULL`,
        organizationId,
      );
    }
    const updated = await intelligence.refreshAll(organizationId, null, {
      events: false,
      source: 'BACKFILL',
    });
    deps.logger.info({ organizationId, updated }, 'guest intelligence computed');
  }
}

/** The sync stack of a running guests subgraph (for tests and tools). */
export function guestsModule(running: { db: SubgraphDeps['db'] }) {
  const m = modules.get(running.db);
  if (!m) throw new Error('The guests subgraph is not running on this database client');
  return m;
}

/** One sync stack per process, shared by the schema, the webhook route and the workers. */
const modules = new WeakMap<object, { intelligence: GuestIntelligence; sync: SyncModule }>();
function moduleOf(deps: SubgraphDeps) {
  let m = modules.get(deps.db);
  if (!m) {
    const intelligence = new GuestIntelligence(deps.db);
    m = { intelligence, sync: createSyncModule(deps, intelligence) };
    modules.set(deps.db, m);
  }
  return m;
}

export const guestsSubgraph: SubgraphDefinition = {
  name: 'guests',
  async buildSchema(deps) {
    const { db } = deps;
    const { intelligence, sync } = moduleOf(deps);
    const guests = new GuestService(db, intelligence);
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
      new GuestRulesResolver(new GuestRulesService(db, intelligence)),
      new GuestIntelligenceResolver(intelligence),
      new MewsConnectionResolver(sync.service),
      new SyncRunResolver(sync.service),
      new SyncAuditResolver(sync.service),
      new SyncDeadLetterResolver(sync.service),
      new SyncConflictResolver(sync.service),
      new ResyncResolver(sync.service),
      new ArrivalsResolver(new ArrivalsService(db)),
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
          GuestRulesResolver,
          GuestIntelligenceResolver,
          MewsConnectionResolver,
          SyncRunResolver,
          SyncAuditResolver,
          SyncDeadLetterResolver,
          SyncConflictResolver,
          ResyncResolver,
          ArrivalsResolver,
        ],
        container: containerOf(resolvers),
      },
      {
        Guest: guestReference(guests),
        Company: companyReference(companies),
        Site: siteReference(sites),
        Room: roomReference(rooms),
        Reservation: reservationReference(reservations),
        SyncRun: syncRunReference(sync.service),
      },
      SUBSCRIPTIONS,
    );
  },
  consumers(deps) {
    const { worker } = moduleOf(deps).sync;
    return [
      serviceOrderProjector(),
      roomTurnaround(worker, deps.logger),
      pmsCharges(worker),
      guestPusher(worker),
      arrivalAnnouncer(),
    ];
  },
  internalRoutes(deps, router) {
    const { connections, worker } = moduleOf(deps).sync;
    mewsWebhookRoute(router, connections, worker, deps.logger);
  },
  async background(deps) {
    const { intelligence, sync } = moduleOf(deps);
    const { worker } = sync;
    await backfillIntelligence(deps, intelligence);
    await worker.start();
    return () => sync.stop();
  },
};
