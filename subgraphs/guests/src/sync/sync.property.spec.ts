import type { RoomState } from '@attendant/db';
import { SecretBox, signActor, type DomainEvent, type RunningSubgraph } from '@attendant/kit';
import {
  startMewsSim,
  type Faults,
  type MewsSim,
  type ReservationState,
  type ResourceState,
  type SimCustomer,
  type SimReservation,
} from '@attendant/mews-sim';
import {
  callSubgraph,
  createTestDatabase,
  startTestSubgraph,
  staffActor,
  testConsumer,
  TEST_SECRETS,
  type TestDatabase,
} from '@attendant/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guestsSubgraph } from '../index';
import { RETURNING_CLASSIFICATION } from '../intelligence/guest-rules';
import { LANGUAGE_BY_COUNTRY } from '../intelligence/guest-rules.tables';
import type { Address, Customer } from '../mews/mews.types';
import { profileFromRow } from './mews-inbound';
import {
  profileFromCustomer,
  reservationStatus,
  roomState,
  sameValue,
  SYNCED_GUEST_FIELDS,
  type GuestProfile,
  type GuestValue,
  type SyncedGuestField,
} from './mews.mapping';

/*
 * Property-based sync test (issue #4). fast-check generates sequences of Mews-side edits
 * (reservations, room states, customer profiles, new customers), platform-side edits (staff
 * profile edits and room states, pushed to Mews by the outbound queue; completed hotel service
 * orders charged to the guest's Mews bill, with redelivered events) and faults (5xx answers,
 * latency, dropped WebSockets, duplicated and lost webhooks, worker crashes: the guests process
 * is stopped and a new one started on the same database). After each sequence the faults are
 * cleared, the queues drained and a window poll forced; then:
 *
 *   1. every Mews reservation has its status, dates and room on the platform (Mews owns them);
 *   2. every Mews room state is the platform's;
 *   3. every Mews customer's synced profile fields equal the platform guest's (two-way
 *      convergence), except guests with an OPEN conflict, which are counted;
 *   4. no staff edit is lost: its value is the final one, or a later staff or Mews value won (and
 *      then the staff value is in the sync audit as a losing value), or a manager settled a
 *      conflict on it; guests with an open conflict are left out;
 *   5. every completed work order is billed exactly once (one Mews order line carrying its
 *      ExternalIdentifier, one posted PmsCharge row);
 *   6. every customer added in Mews exists on the platform.
 *
 * Email races (both sides give one new address to two profiles at once) produce conflicts, and
 * managers resolve some of them. The runs share one connected hotel (imported once, with a crash
 * in the middle of the import), so each run starts from the converged state the previous one
 * left.
 *
 * Reproducing: a failure prints the run's trace and fast-check's seed and path. Set
 * SYNC_PROPERTY_SEED (and SYNC_PROPERTY_PATH) to generate the same commands again, or
 * SYNC_PROPERTY_EXAMPLE='[faults, commands]' (the printed counterexample) to replay one sequence
 * first; SYNC_PROPERTY_RUNS sets the number of generated runs. The sync timing is real (queues,
 * sockets, polls), so a replay repeats the commands, not necessarily the same interleaving.
 */

jest.setTimeout(240_000);

const NUM_RUNS = Number(process.env['SYNC_PROPERTY_RUNS'] ?? 15);
const SEED = process.env['SYNC_PROPERTY_SEED']
  ? Number(process.env['SYNC_PROPERTY_SEED'])
  : undefined;
/** A sequence to replay first: `[faults, commands]` as JSON, e.g. a printed counterexample. */
const EXAMPLES = process.env['SYNC_PROPERTY_EXAMPLE']
  ? [JSON.parse(process.env['SYNC_PROPERTY_EXAMPLE']) as [Partial<Faults>, Command[]]]
  : [];
const DAY = 86_400_000;
/** Entities most commands touch, so edits from both sides meet on the same records. */
const HOT_CUSTOMERS = 4;
const HOT_ROOMS = 4;
const HOT_RESERVATIONS = 6;

const org = randomUUID();
const admin = staffActor(org, ['ADMIN'], randomUUID());

let db: TestDatabase;
let sim: MewsSim;
let sub: RunningSubgraph;
let relay: Server;
/** Where the relay forwards Mews webhooks; null while the guests process is down. */
let webhookTarget: string | null = null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 30_000,
  every = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(every);
  }
}

const gql = <T = any>(query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph<T>(sub.url, admin, query, variables);

// ------------------------------------------------------------------ statistics

const stats = {
  runs: 0,
  commands: {} as Record<string, number>,
  faults: {} as Record<string, number>,
  skipped: 0,
  refusedStaffEdits: 0,
  crashes: 0,
  webhooksRelayed: 0,
  webhooksUndelivered: 0,
  staffEdits: 0,
  roomEdits: 0,
  mewsWonOverStaff: 0,
  workOrders: 0,
  redeliveries: 0,
  ignoredDeliveries: 0,
  conflictGuests: 0,
  settleMs: [] as number[],
  mewsEditsOverwritten: [] as string[],
  resolvedConflicts: 0,
  managerDecided: 0,
};
const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

// ------------------------------------------------------------------- the world

/** Sim → relay → the guests process's internal webhook route, signed like the gateway does. */
async function startRelay(): Promise<string> {
  relay = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = webhookTarget;
      if (!target) {
        stats.webhooksUndelivered++;
        res.statusCode = 503;
        res.end();
        return;
      }
      fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signActor(staffActor(org), TEST_SECRETS.ACTOR_SIGNING_SECRET),
        },
        body: Buffer.concat(chunks),
      })
        .then((r) => {
          if (r.ok) stats.webhooksRelayed++;
          else stats.webhooksUndelivered++;
          res.statusCode = r.status;
        })
        .catch(() => {
          stats.webhooksUndelivered++;
          res.statusCode = 502;
        })
        .finally(() => res.end());
    });
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(relay.address() as AddressInfo).port}/webhooks/mews`;
}

async function pointRelay(): Promise<void> {
  const connection = await sub.db.mewsConnection.findUnique({ where: { organizationId: org } });
  if (!connection) return;
  const secret = SecretBox.fromConfig(TEST_SECRETS as never).open(connection.webhookSecretEnc);
  webhookTarget = sub.url.replace(/\/graphql$/, `/internal/webhooks/mews/${secret}`);
}

/** A worker crash: the guests process goes away and a new one starts on the same database. */
async function crash(whileDown: () => void = () => undefined): Promise<void> {
  webhookTarget = null;
  await sub.stop();
  whileDown();
  sub = await startTestSubgraph(guestsSubgraph, db);
  await pointRelay();
  stats.crashes++;
}

const NO_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  dropSockets: false,
  duplicateWebhooks: false,
  webhookLossRate: 0,
  failNext: null,
};

// -------------------------------------------------------------------- settling

/** Outbox relayed, sync and consumer queues empty, nothing PENDING, every charge posted. */
async function drained(): Promise<string | null> {
  const [row] = await sub.db.$queryRawUnsafe<{ outbox: number; jobs: number }[]>(
    `SELECT (SELECT count(*)::int FROM "guests"."outbox" WHERE "publishedAt" IS NULL) AS outbox,
            (SELECT count(*)::int FROM "pgboss"."job"
              WHERE "name" LIKE 'guests.%' AND "name" NOT LIKE '%.dead'
                AND "state" IN ('created', 'retry', 'active')) AS jobs`,
  );
  if (row!.outbox > 0) return `${row!.outbox} outbox events`;
  if (row!.jobs > 0) {
    // Which ones, for a run that never drains.
    const jobs = await sub.db.$queryRawUnsafe<{ job: string }[]>(
      `SELECT concat_ws(' ', "name", "state", 'retries ' || "retry_count", "start_after", "data"::text) AS job
         FROM "pgboss"."job"
        WHERE "name" LIKE 'guests.%' AND "name" NOT LIKE '%.dead'
          AND "state" IN ('created', 'retry', 'active')
        LIMIT 3`,
    );
    return `${row!.jobs} queued jobs (${jobs.map((j) => j.job).join('; ')})`;
  }
  const pendingGuests = await sub.db.guest.count({
    where: { organizationId: org, syncStatus: 'PENDING' },
  });
  if (pendingGuests > 0) return `${pendingGuests} PENDING guests`;
  const pendingRooms = await sub.db.room.count({
    where: { organizationId: org, syncStatus: 'PENDING' },
  });
  if (pendingRooms > 0) return `${pendingRooms} PENDING rooms`;
  const unposted = await sub.db.pmsCharge.count({ where: { organizationId: org, postedAt: null } });
  if (unposted > 0) return `${unposted} unposted charges`;
  const running = await sub.db.syncRun.count({ where: { organizationId: org, status: 'RUNNING' } });
  if (running > 0) return `${running} running sync runs`;
  return null;
}

async function drain(): Promise<void> {
  let last: string | null = null;
  try {
    await until(
      'the queues to drain',
      async () => {
        last = await drained();
        return last === null;
      },
      45_000,
      150,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}: still ${last}`);
  }
}

/** Makes the next tick poll; returns once a poll that started after now has completed. */
async function forcePoll(): Promise<void> {
  const asked = Date.now();
  let nudged = 0;
  await until(
    'a complete window poll',
    async () => {
      const c = await sub.db.mewsConnection.findUniqueOrThrow({ where: { organizationId: org } });
      if (c.pollWatermark && c.pollWatermark.getTime() >= asked && c.lastPollAt) return true;
      // A poll that started before we asked may reset lastPollAt when it ends: ask again.
      if (Date.now() - nudged > 1000) {
        nudged = Date.now();
        await sub.db.mewsConnection.update({
          where: { organizationId: org },
          data: { lastPollAt: null },
        });
      }
      return false;
    },
    30_000,
  );
}

const auditCount = () => sub.db.syncAudit.count({ where: { organizationId: org } });

/** Faults off, then drain → poll → drain until a poll and its pushes change nothing more. */
async function settle(): Promise<void> {
  const started = Date.now();
  sim.admin.faults(NO_FAULTS);
  for (let round = 0; round < 6; round++) {
    await drain();
    const before = await auditCount();
    await forcePoll();
    await drain();
    if ((await auditCount()) === before) break;
  }
  stats.settleMs.push(Date.now() - started);
}

// --------------------------------------------------------------------- commands

type StaffField = 'phone' | 'email' | 'notes' | 'lastName';

type MewsCommand =
  | {
      kind: 'mewsReservation';
      pick: number;
      change:
        | { state: ReservationState }
        | { startDay: number; nights: number }
        | { room: number | null };
    }
  | { kind: 'mewsRoom'; pick: number; state: ResourceState }
  | {
      kind: 'mewsCustomer';
      pick: number;
      patch: Partial<
        Pick<SimCustomer, 'Email' | 'Phone' | 'LastName' | 'Notes' | 'Classifications'>
      >;
    }
  | { kind: 'mewsAddCustomer'; lastName: string; email: string | null; phone: string | null };

type Command =
  | MewsCommand
  | { kind: 'staffGuest'; pick: number; field: StaffField; value: string | null }
  | { kind: 'staffRoom'; pick: number; state: RoomState }
  | { kind: 'workOrder'; pick: number; priceMinor: number; redeliver: 'no' | 'same' | 'newEvent' }
  | { kind: 'redeliverWorkOrder'; pick: number; newEvent: boolean }
  | { kind: 'fault'; faults: Partial<Faults> }
  | { kind: 'emailRace'; a: number; b: number; n: number }
  | { kind: 'resolveConflict'; pick: number; keep: 'MEWS' | 'PLATFORM' }
  | { kind: 'crash'; whileDown: MewsCommand[] }
  | { kind: 'pause'; ms: number };

const phoneArb = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+420 7${n}`);
/** A small pool, so both sides now and then pick the same address (a conflict is allowed). */
const emailArb = fc
  .tuple(fc.constantFrom('ada', 'bob', 'cyd', 'dee', 'eve'), fc.integer({ min: 1, max: 8 }))
  .map(([name, n]) => `${name}.${n}@example.org`);
const lastNameArb = fc.constantFrom('Novak', 'Svoboda', 'Dvorak', 'Cerny', 'Prochazka', 'Kucera');
const notesArb = fc.constantFrom('Late arrival', 'Allergic to nuts', 'Quiet room', 'Needs parking');
const pick = fc.nat({ max: 1000 });

const mewsCommandArb: fc.Arbitrary<MewsCommand> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mewsReservation' as const),
      pick,
      change: fc.oneof(
        fc.record({
          state: fc.constantFrom<ReservationState>(
            'Confirmed',
            'Started',
            'Processed',
            'Canceled',
            'Optional',
          ),
        }),
        fc.record({
          startDay: fc.integer({ min: -60, max: 60 }),
          nights: fc.integer({ min: 1, max: 7 }),
        }),
        fc.record({ room: fc.option(fc.nat({ max: 1000 }), { freq: 8 }) }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mewsRoom' as const),
      pick,
      state: fc.constantFrom<ResourceState>(
        'Dirty',
        'Clean',
        'Inspected',
        'OutOfService',
        'OutOfOrder',
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('mewsCustomer' as const),
      pick,
      patch: fc.oneof(
        fc.record({ Email: fc.option(emailArb, { freq: 6 }) }),
        fc.record({ Phone: fc.option(phoneArb, { freq: 6 }) }),
        fc.record({ LastName: lastNameArb }),
        fc.record({ Notes: fc.option(notesArb, { freq: 4 }) }),
        fc.record({
          Classifications: fc.subarray(['Vip', 'Media', 'LoyaltyProgram', 'Blacklist']),
        }),
        fc.record({ Phone: phoneArb, Notes: notesArb }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('mewsAddCustomer' as const),
      lastName: lastNameArb,
      email: fc.option(emailArb, { freq: 3 }),
      phone: fc.option(phoneArb, { freq: 3 }),
    }),
  },
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 8, arbitrary: mewsCommandArb },
  {
    weight: 5,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('staffGuest' as const),
        pick,
        field: fc.constant('phone' as const),
        value: fc.option(phoneArb, { freq: 6 }),
      }),
      fc.record({
        kind: fc.constant('staffGuest' as const),
        pick,
        field: fc.constant('email' as const),
        value: emailArb,
      }),
      fc.record({
        kind: fc.constant('staffGuest' as const),
        pick,
        field: fc.constant('notes' as const),
        value: fc.option(notesArb, { freq: 4 }),
      }),
      fc.record({
        kind: fc.constant('staffGuest' as const),
        pick,
        field: fc.constant('lastName' as const),
        value: lastNameArb,
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('staffRoom' as const),
      pick,
      state: fc.constantFrom<RoomState>('DIRTY', 'CLEAN', 'INSPECTED', 'OUT_OF_SERVICE'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('workOrder' as const),
      pick,
      priceMinor: fc.integer({ min: 100, max: 50_000 }),
      redeliver: fc.constantFrom('no' as const, 'same' as const, 'newEvent' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('redeliverWorkOrder' as const),
      pick,
      newEvent: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      faults: fc.oneof(
        fc.record({ errorRate: fc.constantFrom(0, 0.1, 0.2) }),
        fc.record({ latencyMs: fc.constantFrom(0, 20, 80) }),
        fc.constant({ dropSockets: true }),
        fc.record({ duplicateWebhooks: fc.boolean() }),
        fc.record({ webhookLossRate: fc.constantFrom(0, 0.5, 0.9) }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('emailRace' as const),
      a: pick,
      b: pick,
      n: fc.integer({ min: 1, max: 1_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolveConflict' as const),
      pick,
      keep: fc.constantFrom('MEWS' as const, 'PLATFORM' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('crash' as const),
      whileDown: fc.array(mewsCommandArb, { maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      ms: fc.integer({ min: 20, max: 700 }),
    }),
  },
);

/** Faults a run starts with (commands toggle them further). */
const faultProfileArb: fc.Arbitrary<Partial<Faults>> = fc.record({
  errorRate: fc.constantFrom(0, 0.1, 0.2),
  latencyMs: fc.constantFrom(0, 20, 80),
  duplicateWebhooks: fc.boolean(),
  webhookLossRate: fc.constantFrom(0, 0.5, 0.9),
});
const commandsArb = fc.array(commandArb, { minLength: 5, maxLength: 15 });
/** How long the queues keep working with the faults on after the last command. */
const FAULTY_TAIL_MS = 1000;

// ------------------------------------------------------------- what happened

interface StaffEdit {
  guestId: string;
  externalId: string;
  field: StaffField;
  value: string | null;
  /** The platform's stamp of the edit (fieldChangedAt). */
  at: number;
}
interface RoomEdit {
  roomId: string;
  externalId: string;
  state: RoomState;
  at: number;
}
/** A customer as Mews had it right after one of our Mews-side edits. */
interface MewsCustomerVersion {
  customerId: string;
  at: number;
  profile: GuestProfile;
  /** The profile fields this edit changed (none for a new customer). */
  fields: SyncedGuestField[];
}
interface MewsRoomVersion {
  resourceId: string;
  at: number;
  state: RoomState;
}
interface CompletedWorkOrder {
  id: string;
  event: DomainEvent;
}

/** Everything one run did, for the checks. */
interface RunLog {
  trace: string[];
  staffEdits: StaffEdit[];
  roomEdits: RoomEdit[];
  mewsCustomers: MewsCustomerVersion[];
  mewsRooms: MewsRoomVersion[];
}

/** Across runs: every work order billed and every customer added in Mews. */
const workOrders: CompletedWorkOrder[] = [];
const addedCustomers: string[] = [];
let workOrderNumber = 1;

const hotCustomers = () => [
  ...sim.state.customers.slice(0, HOT_CUSTOMERS).map((c) => c.Id),
  ...addedCustomers.slice(-2),
];
const hotRooms = () => sim.state.resources.slice(0, HOT_ROOMS);
const hotReservations = () => sim.state.reservations.slice(0, HOT_RESERVATIONS);
const at = <T>(items: T[], i: number): T => items[i % items.length]!;

function addressOf(c: SimCustomer): Address | null {
  return (sim.state.addresses.find((a) => a.Id === c.AddressId) ?? null) as Address | null;
}
const PROFILE_FIELD = {
  Email: 'email',
  Phone: 'phone',
  LastName: 'lastName',
  Notes: 'notes',
  Classifications: 'classifications',
} as const satisfies Record<string, SyncedGuestField>;
const mewsProfile = (c: SimCustomer) => profileFromCustomer(c as unknown as Customer, addressOf(c));

function applyMews(cmd: MewsCommand, log: RunLog): void {
  switch (cmd.kind) {
    case 'mewsReservation': {
      const r = at(hotReservations(), cmd.pick);
      const patch: Partial<SimReservation> = {};
      if ('state' in cmd.change) {
        // As the Mews admin does it (tools/mews-sim/admin.ts patchReservation).
        const next = cmd.change.state;
        const checkedIn = next === 'Started' || next === 'Processed';
        const now = sim.state.now();
        Object.assign(patch, {
          State: next,
          ActualStartUtc: checkedIn ? (r.ActualStartUtc ?? now) : null,
          ActualEndUtc: next === 'Processed' ? (r.ActualEndUtc ?? now) : null,
          Options: {
            ...r.Options,
            OwnerCheckedIn: checkedIn,
            AllCompanionsCheckedIn: checkedIn,
            AnyCompanionCheckedIn: checkedIn,
          },
          CancellationReason: next === 'Canceled' ? (r.CancellationReason ?? 'Other') : null,
          ...(next === 'Canceled' ? {} : { CancelledUtc: null }),
        });
      } else if ('startDay' in cmd.change) {
        const today = Math.floor(Date.now() / DAY) * DAY;
        const start = today + cmd.change.startDay * DAY + 14 * 3_600_000;
        patch.ScheduledStartUtc = new Date(start).toISOString();
        patch.ScheduledEndUtc = new Date(
          start + cmd.change.nights * DAY - 4 * 3_600_000,
        ).toISOString();
      } else {
        patch.AssignedResourceId =
          cmd.change.room === null ? null : at(sim.state.resources, cmd.change.room).Id;
      }
      sim.state.updateReservation(r.Id, patch);
      log.trace.push(`mews reservation ${r.Number} ${JSON.stringify(cmd.change)}`);
      return;
    }
    case 'mewsRoom': {
      const r = at(hotRooms(), cmd.pick);
      const updated = sim.state.setResourceState(
        r.Id,
        cmd.state,
        cmd.state === 'OutOfOrder' ? 'Maintenance' : null,
      );
      log.mewsRooms.push({
        resourceId: r.Id,
        at: Date.parse(updated.UpdatedUtc),
        state: roomState(cmd.state),
      });
      log.trace.push(`mews room ${r.Name} → ${cmd.state}`);
      return;
    }
    case 'mewsCustomer': {
      const id = at(hotCustomers(), cmd.pick);
      const email = cmd.patch.Email?.toLowerCase();
      // Mews refuses an email another profile has (customers/update answers 403).
      if (
        email &&
        sim.state.customers.some((c) => c.Id !== id && c.Email?.toLowerCase() === email)
      ) {
        stats.skipped++;
        log.trace.push(
          `mews customer ${id.slice(0, 8)} ${JSON.stringify(cmd.patch)}: email taken, skipped`,
        );
        return;
      }
      const updated = sim.state.updateCustomer(id, cmd.patch);
      log.mewsCustomers.push({
        customerId: id,
        at: Date.parse(updated.UpdatedUtc),
        profile: mewsProfile(updated),
        fields: Object.keys(cmd.patch).map((k) => PROFILE_FIELD[k as keyof typeof PROFILE_FIELD]),
      });
      log.trace.push(`mews customer ${id.slice(0, 8)} ${JSON.stringify(cmd.patch)}`);
      return;
    }
    case 'mewsAddCustomer': {
      const email =
        cmd.email && !sim.state.customers.some((c) => c.Email?.toLowerCase() === cmd.email)
          ? cmd.email
          : null;
      const added = sim.state.addCustomer({
        LastName: cmd.lastName,
        FirstName: 'Added',
        Email: email,
        Phone: cmd.phone,
      });
      addedCustomers.push(added.Id);
      log.mewsCustomers.push({
        customerId: added.Id,
        at: Date.parse(added.UpdatedUtc),
        profile: mewsProfile(added),
        fields: [],
      });
      log.trace.push(`mews add customer ${added.Id.slice(0, 8)} ${cmd.lastName} ${email ?? '-'}`);
      return;
    }
  }
}

const UPDATE_GUEST = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateGuestInput!) {
    updateGuest(id: $id, input: $input) {
      id
    }
  }
`;
const SET_ROOM_STATE = /* GraphQL */ `
  mutation ($input: SetRoomStateInput!) {
    setRoomState(input: $input) {
      id
      state
    }
  }
`;

async function run(cmd: Command, log: RunLog): Promise<void> {
  bump(stats.commands, cmd.kind);
  switch (cmd.kind) {
    case 'mewsReservation':
    case 'mewsRoom':
    case 'mewsCustomer':
    case 'mewsAddCustomer':
      return applyMews(cmd, log);
    case 'staffGuest':
      return staffEdit(at(hotCustomers(), cmd.pick), cmd.field, cmd.value, log);
    case 'emailRace': {
      // Both sides give the same new address to two different profiles at the same time: Mews
      // refuses the push (403), or the platform will not take it from Mews (taken locally).
      const hot = hotCustomers();
      const a = at(hot, cmd.a);
      const b = at(hot, cmd.a + 1 + (cmd.b % (hot.length - 1)));
      const email = `race.${cmd.n}@example.org`;
      applyMews({ kind: 'mewsCustomer', pick: hot.indexOf(b), patch: { Email: email } }, log);
      await staffEdit(a, 'email', email, log);
      return;
    }
    case 'resolveConflict': {
      const open = await sub.db.syncConflict.findMany({
        where: { organizationId: org, status: 'OPEN' },
        orderBy: { createdAt: 'asc' },
      });
      if (open.length === 0) return;
      const conflict = at(open, cmd.pick);
      const res = await gql(
        `mutation ($id: ID!, $keep: ConflictChoice!) { resolveSyncConflict(id: $id, keep: $keep) { id } }`,
        { id: conflict.id, keep: cmd.keep },
      );
      if (res.body.errors) throw new Error(`resolveSyncConflict: ${res.body.errors[0]!.message}`);
      stats.resolvedConflicts++;
      log.trace.push(
        `manager keeps ${cmd.keep} ${conflict.field} of guest ${conflict.entityId.slice(0, 8)}`,
      );
      return;
    }
    case 'staffRoom': {
      const resource = at(hotRooms(), cmd.pick);
      const room = await sub.db.room.findFirstOrThrow({
        where: { organizationId: org, externalId: resource.Id },
      });
      const res = await gql(SET_ROOM_STATE, { input: { roomId: room.id, state: cmd.state } });
      if (res.body.errors) throw new Error(`setRoomState failed: ${res.body.errors[0]!.message}`);
      const row = await sub.db.room.findUniqueOrThrow({
        where: { id: room.id, organizationId: org },
      });
      log.roomEdits.push({
        roomId: room.id,
        externalId: resource.Id,
        state: cmd.state,
        at: row.stateChangedAt!.getTime(),
      });
      stats.roomEdits++;
      log.trace.push(`staff room ${resource.Name} → ${cmd.state}`);
      return;
    }
    case 'workOrder': {
      const stays = await sub.db.reservation.findMany({
        where: { organizationId: org, status: 'CHECKED_IN', externalId: { not: null } },
        orderBy: { confirmationCode: 'asc' },
      });
      if (stays.length === 0) {
        stats.skipped++;
        return;
      }
      const stay = at(stays, cmd.pick);
      const id = randomUUID();
      const number = workOrderNumber++;
      const event: DomainEvent = {
        id: randomUUID(),
        type: 'WorkOrderCompleted',
        entityType: 'WorkOrder',
        entityId: id,
        organizationId: org,
        occurredAt: new Date().toISOString(),
        payload: {
          number,
          title: `Room service #${number}`,
          status: 'COMPLETED',
          kind: 'HOTEL_SERVICE',
          guestId: stay.guestId,
          reservationId: stay.id,
          priceMinor: cmd.priceMinor,
          currency: 'EUR',
        },
      };
      workOrders.push({ id, event });
      stats.workOrders++;
      await deliver(event);
      if (cmd.redeliver === 'same') await deliver(event);
      if (cmd.redeliver === 'newEvent') await deliver({ ...event, id: randomUUID() });
      if (cmd.redeliver !== 'no') stats.redeliveries++;
      log.trace.push(
        `work order ${number} completed on ${stay.confirmationCode} (${cmd.redeliver})`,
      );
      return;
    }
    case 'redeliverWorkOrder': {
      if (workOrders.length === 0) return;
      const wo = at(workOrders, cmd.pick);
      await deliver(cmd.newEvent ? { ...wo.event, id: randomUUID() } : wo.event);
      stats.redeliveries++;
      log.trace.push(`work order ${String(wo.event.payload['number'])} redelivered`);
      return;
    }
    case 'fault': {
      sim.admin.faults(cmd.faults);
      for (const [name, value] of Object.entries(cmd.faults)) if (value) bump(stats.faults, name);
      log.trace.push(`fault ${JSON.stringify(cmd.faults)}`);
      return;
    }
    case 'crash': {
      bump(stats.faults, 'crash');
      log.trace.push(`crash (${cmd.whileDown.length} Mews edits while down)`);
      await crash(() => cmd.whileDown.forEach((c) => applyMews(c, log)));
      return;
    }
    case 'pause':
      await sleep(cmd.ms);
      return;
  }
}

/** A staff edit of a Mews guest's profile field, through the API like the admin does it. */
async function staffEdit(
  externalId: string,
  field: StaffField,
  value: string | null,
  log: RunLog,
): Promise<void> {
  const guest = await sub.db.guest.findFirst({ where: { organizationId: org, externalId } });
  if (!guest) {
    stats.skipped++;
    log.trace.push(`staff ${field} on ${externalId.slice(0, 8)}: not on the platform yet`);
    return;
  }
  const before = (guest as Record<string, unknown>)[field] ?? null;
  const res = await gql(UPDATE_GUEST, { id: guest.id, input: { [field]: value } });
  if (res.body.errors) {
    // e.g. another guest has this email: the platform refuses, nothing to sync.
    stats.refusedStaffEdits++;
    log.trace.push(
      `staff ${field}=${value} on ${externalId.slice(0, 8)} refused: ${res.body.errors[0]!.message}`,
    );
    return;
  }
  log.trace.push(`staff ${field}=${value} on ${externalId.slice(0, 8)}`);
  if (sameValue(before as GuestValue, value)) return; // no change, nothing stamped
  const row = await sub.db.guest.findUniqueOrThrow({
    where: { id: guest.id, organizationId: org },
  });
  const stamp = (row.fieldChangedAt as Record<string, string> | null)?.[field];
  if (!stamp) throw new Error(`updateGuest did not stamp ${field} of ${guest.id}`);
  log.staffEdits.push({ guestId: guest.id, externalId, field, value, at: Date.parse(stamp) });
  stats.staffEdits++;
}

/** Delivers a domain event to the pms-charges consumer exactly as the queue would. */
async function deliver(event: DomainEvent): Promise<void> {
  const consumer = testConsumer(guestsSubgraph, sub, db, 'pms-charges');
  const handled = await sub.jobs.runOnce(consumer, event);
  if (!handled) stats.ignoredDeliveries++;
}

// ------------------------------------------------------------------------ checks

/** An entity's sync audit, oldest first (printed with a failure). */
async function trail(entityId: string): Promise<string> {
  const rows = await sub.db.syncAudit.findMany({
    where: { organizationId: org, entityId },
    orderBy: { occurredAt: 'asc' },
  });
  return rows
    .map(
      (a) =>
        `    ${a.occurredAt.toISOString()} ${a.side}/${a.source} ${a.action} ` +
        `${JSON.stringify(a.changes)}${(a.losing as unknown[]).length ? ` losing ${JSON.stringify(a.losing)}` : ''}`,
    )
    .join('\n');
}

type Failures = string[];

/** Platform values that enrichment derives from the Mews ones (never stamped, never pushed). */
function enriched(field: string, mews: GuestValue, platform: GuestValue, p: GuestProfile): boolean {
  if (field === 'language') {
    return (
      mews === null && platform === LANGUAGE_BY_COUNTRY[String(p.nationality ?? '').toUpperCase()]
    );
  }
  if (field === 'companyId') return mews === null && platform !== null;
  if (field === 'classifications') {
    const extra = [...((mews as string[] | null) ?? []), RETURNING_CLASSIFICATION];
    return sameValue(platform, extra);
  }
  return false;
}

async function check(
  log: RunLog,
): Promise<{ conflicts: number; failures: Failures; trails: string[] }> {
  const failures: Failures = [];
  /** Guests and rooms a failure is about: their audit trail is printed with it. */
  const suspects = new Set<string>();
  const [guests, rooms, reservations, conflicts, charges] = await Promise.all([
    sub.db.guest.findMany({
      where: { organizationId: org, externalId: { not: null } },
      include: { company: { select: { externalId: true } } },
    }),
    sub.db.room.findMany({ where: { organizationId: org } }),
    sub.db.reservation.findMany({ where: { organizationId: org } }),
    sub.db.syncConflict.findMany({ where: { organizationId: org, status: 'OPEN' } }),
    sub.db.pmsCharge.findMany({ where: { organizationId: org } }),
  ]);
  const guestByExt = new Map(guests.map((g) => [g.externalId!, g]));
  const roomByExt = new Map(rooms.map((r) => [r.externalId, r]));
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const resByExt = new Map(reservations.map((r) => [r.externalId, r]));
  const inConflict = new Set(conflicts.map((c) => c.entityId));

  // 1. Reservations: Mews owns status, dates and room.
  for (const r of sim.state.reservations) {
    const local = resByExt.get(r.Id);
    if (!local) {
      failures.push(`reservation ${r.Number} missing on the platform`);
      continue;
    }
    const want = {
      status: reservationStatus(r),
      arrivalAt: r.ScheduledStartUtc,
      departureAt: r.ScheduledEndUtc,
      room: r.AssignedResourceId,
    };
    const got = {
      status: local.status,
      arrivalAt: local.arrivalAt.toISOString(),
      departureAt: local.departureAt.toISOString(),
      room: local.roomId ? (roomById.get(local.roomId)?.externalId ?? '?') : null,
    };
    if (
      want.status !== got.status ||
      Date.parse(want.arrivalAt) !== Date.parse(got.arrivalAt) ||
      Date.parse(want.departureAt) !== Date.parse(got.departureAt) ||
      want.room !== got.room
    ) {
      failures.push(
        `reservation ${r.Number}: Mews ${JSON.stringify(want)} ≠ platform ${JSON.stringify(got)}`,
      );
    }
  }

  // 2. Room states.
  for (const r of sim.state.resources) {
    const local = roomByExt.get(r.Id);
    if (local?.state !== roomState(r.State)) {
      failures.push(`room ${r.Name}: Mews ${r.State} ≠ platform ${local?.state ?? 'missing'}`);
      if (local) suspects.add(local.id);
    }
  }

  // 3 + 6. Customers: two-way convergence of the synced fields; added ones all arrived.
  const finalProfiles = new Map<string, { mews: GuestProfile; platform: GuestProfile | null }>();
  for (const c of sim.state.customers) {
    const guest = guestByExt.get(c.Id);
    const mews = mewsProfile(c);
    finalProfiles.set(c.Id, { mews, platform: guest ? profileFromRow(guest) : null });
    if (!guest) {
      failures.push(`customer ${c.Id} (${c.LastName}) is not on the platform`);
      continue;
    }
    if (inConflict.has(guest.id)) continue;
    const platform = profileFromRow(guest);
    const diff = SYNCED_GUEST_FIELDS.filter(
      (f) => !sameValue(platform[f], mews[f]) && !enriched(f, mews[f], platform[f], platform),
    );
    if (diff.length > 0) {
      suspects.add(guest.id);
      failures.push(
        `guest ${guest.id} / customer ${c.Id} (${guest.syncStatus}): ` +
          diff
            .map(
              (f) =>
                `${f} Mews ${JSON.stringify(mews[f])} ≠ platform ${JSON.stringify(platform[f])}`,
            )
            .join('; '),
      );
    }
  }
  for (const id of addedCustomers) {
    if (!guestByExt.has(id)) failures.push(`customer ${id} added in Mews never arrived`);
  }

  // 4. No staff edit is lost.
  const byGuestField = new Map<string, StaffEdit[]>();
  for (const e of log.staffEdits) {
    const key = `${e.guestId}:${e.field}`;
    byGuestField.set(key, [...(byGuestField.get(key) ?? []), e]);
  }
  for (const edits of byGuestField.values()) {
    const { guestId, externalId, field } = edits[0]!;
    if (inConflict.has(guestId)) continue;
    const final = finalProfiles.get(externalId)?.platform?.[field] ?? null;
    for (const [i, e] of edits.entries()) {
      if (sameValue(final, e.value)) continue;
      if (edits.slice(i + 1).some((later) => sameValue(later.value, final))) continue;
      const laterMews = log.mewsCustomers.some(
        (v) => v.customerId === externalId && v.at > e.at && sameValue(v.profile[field], final),
      );
      const audits = await sub.db.syncAudit.findMany({
        where: { organizationId: org, entityId: guestId, occurredAt: { gte: new Date(e.at) } },
        orderBy: { occurredAt: 'asc' },
      });
      // A manager settled a conflict on this field after the edit: their choice is final.
      if (
        audits.some(
          (a) =>
            a.action === 'RESOLVED' &&
            (a.changes as { field: string }[]).some((ch) => ch.field === field),
        )
      ) {
        stats.managerDecided++;
        continue;
      }
      if (!laterMews) {
        suspects.add(guestId);
        failures.push(
          `staff edit lost: ${field}=${JSON.stringify(e.value)} on guest ${guestId} at ` +
            `${new Date(e.at).toISOString()}; final ${JSON.stringify(final)} is neither a later ` +
            `staff value nor a later Mews value`,
        );
        continue;
      }
      if (i < edits.length - 1) continue;
      stats.mewsWonOverStaff++;
      const kept = audits.some((a) =>
        ((a.losing ?? []) as { field: string; value: unknown; side: string }[]).some(
          (l) =>
            l.field === field && l.side === 'PLATFORM' && sameValue(l.value as GuestValue, e.value),
        ),
      );
      if (!kept) {
        suspects.add(guestId);
        failures.push(
          `staff ${field}=${JSON.stringify(e.value)} on guest ${guestId} lost to Mews' ` +
            `${JSON.stringify(final)} without a losing value in the audit`,
        );
      }
    }
  }
  const byRoom = new Map<string, RoomEdit[]>();
  for (const e of log.roomEdits) byRoom.set(e.roomId, [...(byRoom.get(e.roomId) ?? []), e]);
  for (const edits of byRoom.values()) {
    const { roomId, externalId } = edits[0]!;
    const final = roomById.get(roomId)!.state;
    for (const [i, e] of edits.entries()) {
      if (final === e.state) continue;
      if (edits.slice(i + 1).some((later) => later.state === final)) continue;
      const laterMews = log.mewsRooms.some(
        (v) => v.resourceId === externalId && v.at > e.at && v.state === final,
      );
      if (!laterMews) {
        suspects.add(roomId);
        failures.push(
          `staff room edit lost: room ${roomId} set ${e.state} at ${new Date(e.at).toISOString()}; ` +
            `final ${final} is neither a later staff value nor a later Mews value`,
        );
        continue;
      }
      if (i < edits.length - 1) continue;
      stats.mewsWonOverStaff++;
      const audits = await sub.db.syncAudit.findMany({
        where: {
          organizationId: org,
          entityId: roomId,
          side: 'MEWS',
          occurredAt: { gte: new Date(e.at) },
        },
      });
      const kept = audits.some((a) =>
        ((a.changes ?? []) as { field: string; from: unknown }[]).some(
          (ch) => ch.field === 'state' && ch.from === e.state,
        ),
      );
      if (!kept) {
        suspects.add(roomId);
        failures.push(`staff room ${e.state} on ${roomId} lost to Mews without an audit entry`);
      }
    }
  }

  // Observed, not asserted: a Mews edit that neither stayed nor gave way to a later edit (the
  // Mews API has no compare-and-set, so a push that read Mews just before it can overwrite it).
  for (const v of log.mewsCustomers) {
    const guest = guestByExt.get(v.customerId);
    if (!guest || inConflict.has(guest.id)) continue;
    const final = finalProfiles.get(v.customerId)!.mews;
    for (const field of v.fields) {
      if (sameValue(final[field], v.profile[field])) continue;
      const later =
        log.mewsCustomers.some(
          (w) =>
            w.customerId === v.customerId &&
            w.at > v.at &&
            w.fields.includes(field) &&
            sameValue(w.profile[field], final[field]),
        ) ||
        log.staffEdits.some(
          (e) =>
            e.externalId === v.customerId &&
            e.field === field &&
            e.at > v.at &&
            sameValue(e.value, final[field]),
        );
      if (!later) {
        stats.mewsEditsOverwritten.push(
          `customer ${v.customerId.slice(0, 8)} ${field}: Mews ${JSON.stringify(v.profile[field])} at ${new Date(v.at).toISOString()} → ${JSON.stringify(final[field])}`,
        );
      }
    }
  }
  for (const v of log.mewsRooms) {
    const final = roomState(sim.state.resource(v.resourceId)!.State);
    if (final === v.state) continue;
    const later =
      log.mewsRooms.some(
        (w) => w.resourceId === v.resourceId && w.at > v.at && w.state === final,
      ) ||
      log.roomEdits.some((e) => e.externalId === v.resourceId && e.at > v.at && e.state === final);
    if (!later) {
      stats.mewsEditsOverwritten.push(
        `room ${v.resourceId.slice(0, 8)}: Mews ${v.state} at ${new Date(v.at).toISOString()} → ${final}`,
      );
    }
  }

  // 5. Nothing billed twice (or not at all).
  for (const wo of workOrders) {
    const ext = `attendant-wo-${wo.id}`;
    const orders = sim.state.orders.filter((o) => o.ExternalIdentifiers.includes(ext));
    const rows = charges.filter((c) => c.workOrderId === wo.id);
    if (orders.length !== 1) failures.push(`work order ${wo.id}: ${orders.length} Mews orders`);
    if (rows.length !== 1) failures.push(`work order ${wo.id}: ${rows.length} charge rows`);
    else if (!rows[0]!.postedAt || rows[0]!.mewsOrderId !== orders[0]?.OrderId) {
      failures.push(`work order ${wo.id}: charge not posted as Mews order ${orders[0]?.OrderId}`);
    }
  }

  const trails: string[] = [];
  for (const id of [...suspects].slice(0, 5)) trails.push(`${id}:\n${await trail(id)}`);
  return { conflicts: inConflict.size, failures, trails };
}

// --------------------------------------------------------------------- lifecycle

beforeAll(async () => {
  // Fast workers: quick ticks, short leases (a crashed worker's run is taken over soon), short
  // retry backoff, small pages (pagination is exercised), a short poll overlap.
  Object.assign(process.env, {
    MEWS_WORKER_TICK_MS: '200',
    MEWS_LEASE_MS: '1500',
    MEWS_BACKOFF_BASE_MS: '20',
    MEWS_PAGE_SIZE: '100',
    MEWS_POLL_OVERLAP_MS: '1000',
    MEWS_RATE_LIMIT_REQUESTS: '100000',
  });
  const setupStart = Date.now();
  db = await createTestDatabase();
  const webhookUrl = await startRelay();
  sim = await startMewsSim({
    seed: 23,
    webhookUrl,
    rateLimit: { requests: 100_000, windowMs: 30_000 },
  });
  sub = await startTestSubgraph(guestsSubgraph, db);
  const res = await gql(
    /* GraphQL */ `
      mutation ($input: ConnectMewsInput!) {
        connectMews(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        baseUrl: sim.url,
        webSocketUrl: sim.wsUrl.replace(/\/ws\/connector$/, ''),
        clientToken: sim.tokens.ClientToken,
        accessToken: sim.tokens.AccessToken,
        pollIntervalSeconds: 10,
      },
    },
  );
  expect(res.body.errors).toBeUndefined();
  await pointRelay();
  // A worker crash in the middle of the import: the next process resumes it from its cursor.
  const midway = await until(
    'the import to start',
    async () => {
      const run = await sub.db.syncRun.findFirst({ where: { organizationId: org } });
      return run && (run.status !== 'RUNNING' || run.percent >= 10) ? run : null;
    },
    30_000,
    20,
  );
  if (midway.status === 'RUNNING') await crash();
  const run = await until(
    'the import',
    async () => {
      const r = await sub.db.syncRun.findFirst({ where: { organizationId: org } });
      if (r?.status === 'FAILED') throw new Error(`import failed: ${r.error}`);
      return r?.status === 'COMPLETED' ? r : null;
    },
    60_000,
  );
  expect(await sub.db.guest.count({ where: { organizationId: org } })).toBe(
    sim.state.customers.length,
  );
  expect(await sub.db.reservation.count({ where: { organizationId: org } })).toBe(
    sim.state.reservations.length,
  );
  await settle();
  console.log(
    `Imported ${JSON.stringify(run.counts)} in ${Date.now() - setupStart} ms, ` +
      (midway.status === 'RUNNING'
        ? `resumed by a new worker after a crash at ${midway.percent}%`
        : 'finished before the crash'),
  );
  const baseline = await check({
    trace: [],
    staffEdits: [],
    roomEdits: [],
    mewsCustomers: [],
    mewsRooms: [],
  });
  expect(baseline.failures).toEqual([]);
}, 120_000);

afterAll(async () => {
  webhookTarget = null;
  await sub?.stop();
  await sim?.stop();
  await new Promise((r) => relay?.close(r));
  await db?.drop();
});

describe('Mews sync under random edits and faults', () => {
  it('should converge with Mews, lose no edit and bill nothing twice', async () => {
    const started = Date.now();
    let conflicts = 0;
    await fc.assert(
      fc.asyncProperty(faultProfileArb, commandsArb, async (faults, commands) => {
        const log: RunLog = {
          trace: [],
          staffEdits: [],
          roomEdits: [],
          mewsCustomers: [],
          mewsRooms: [],
        };
        stats.runs++;
        try {
          await run({ kind: 'fault', faults }, log);
          for (const cmd of commands) await run(cmd, log);
          // Let the queues, sockets and webhooks work through the faults for a while.
          await sleep(FAULTY_TAIL_MS);
          await settle();
        } catch (error) {
          console.log(`run ${stats.runs} broke:\n  ${log.trace.join('\n  ')}`);
          throw error;
        }
        const result = await check(log);
        conflicts = result.conflicts;
        if (result.failures.length > 0) {
          // The failures first: a CI log that is cut short still shows what went wrong.
          console.log(
            `run ${stats.runs} failed:\n  ${result.failures.slice(0, 10).join('\n  ')}\n` +
              `trace:\n  ${log.trace.join('\n  ')}\n` +
              `audit trails:\n  ${result.trails.join('\n  ')}`,
          );
          throw new Error(
            `${result.failures.length} failure(s):\n  ${result.failures.slice(0, 20).join('\n  ')}`,
          );
        }
      }),
      // Examples count as runs: they go first, generated sequences follow.
      {
        numRuns: NUM_RUNS + EXAMPLES.length,
        seed: SEED,
        path: process.env['SYNC_PROPERTY_PATH'],
        endOnFailure: true,
        examples: EXAMPLES,
      },
    );
    stats.conflictGuests = conflicts;
    const pushes = await sub.db.syncAudit.groupBy({
      by: ['entityType', 'action'],
      where: { organizationId: org, side: 'PLATFORM', source: 'JOB' },
      _count: { _all: true },
    });
    const deadLetters = await sub.db.syncDeadLetter.groupBy({
      by: ['operation'],
      where: { organizationId: org },
      _count: { _all: true },
    });
    const settling = [...stats.settleMs].sort((a, b) => a - b);
    console.log(
      [
        'Mews sync property',
        `  runs ${stats.runs} · ${Object.values(stats.commands).reduce((a, b) => a + b, 0)} commands in ${((Date.now() - started) / 1000).toFixed(1)} s` +
          ` (settling median ${settling[Math.floor(settling.length / 2)] ?? 0} ms, max ${settling.at(-1) ?? 0} ms)`,
        `  commands  ${Object.entries(stats.commands)
          .map(([k, v]) => `${k} ${v}`)
          .join(' · ')}`,
        `  faults    ${Object.entries(stats.faults)
          .map(([k, v]) => `${k} ${v}`)
          .join(' · ')}`,
        `  webhooks  relayed ${stats.webhooksRelayed} · undelivered (process down) ${stats.webhooksUndelivered}`,
        `  pushes    ${pushes.map((p) => `${p.entityType} ${p.action} ${p._count._all}`).join(' · ')}`,
        `  edits     staff profile ${stats.staffEdits} (refused ${stats.refusedStaffEdits}) · staff room ${stats.roomEdits} · won by a later Mews value ${stats.mewsWonOverStaff}`,
        `  billing   work orders ${stats.workOrders} · redeliveries ${stats.redeliveries} (same event ignored ${stats.ignoredDeliveries}) · Mews orders ${sim.state.orders.length}`,
        `  observed  Mews edits overwritten by an older platform value: ${stats.mewsEditsOverwritten.length}` +
          stats.mewsEditsOverwritten
            .slice(0, 5)
            .map((o) => `\n              ${o}`)
            .join(''),
        `  outcome   open conflicts ${stats.conflictGuests} guest(s) · resolved by a manager ${stats.resolvedConflicts} (decided a staff edit ${stats.managerDecided}) · dead letters ${deadLetters.map((d) => `${d.operation} ${d._count._all}`).join(', ') || 0} · skipped commands ${stats.skipped} · crashes ${stats.crashes}`,
      ].join('\n'),
    );
  });
});
