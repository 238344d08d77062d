import type { Prisma, SyncRun } from '@attendant/db';
import { recordEvent, type Db, type Logger, type Tx } from '@attendant/kit';
import type { CallMeta } from '../mews/mews.client';
import type { MewsConnections } from './mews-connections';
import {
  MissingReferences,
  type ApplyContext,
  type MewsInbound,
  type SyncSource,
} from './mews-inbound';
import { SyncError, SyncErrorCode } from './sync.errors';
import { SyncPages, type Page } from './sync-pages';
import { announceUpcomingArrivals, refreshStays } from './reservation-events';

export const IMPORT_PHASES = [
  'services',
  'resources',
  'companies',
  'customers',
  'reservations',
] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
const PHASE_WEIGHT: Record<ImportPhase, number> = {
  services: 2,
  resources: 3,
  companies: 5,
  customers: 40,
  reservations: 50,
};

interface RunCursor {
  phase: ImportPhase | 'done';
  chunk: number;
  cursor: string | null;
}
type RunCounts = Partial<Record<ImportPhase, { done: number; total: number | null }>>;

export interface SyncEngineOptions {
  /** Page size for getAll calls (Mews allows 1..1000). */
  pageSize: number;
  /** How far back and ahead the import looks for reservations (months). */
  importMonthsBack: number;
  importMonthsAhead: number;
  /** How far back the import looks for customers (years, by creation time). */
  customerYearsBack: number;
  /** Each poll window starts this long before the previous one ended. */
  pollOverlapMs: number;
  /** How long a worker holds a run without renewing its lease. */
  leaseMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: SyncEngineOptions = {
  pageSize: 1000,
  importMonthsBack: 12,
  importMonthsAhead: 12,
  customerYearsBack: 5,
  pollOverlapMs: 300_000,
  leaseMs: 20_000,
};

const MAX_INTERVAL_MS = 89 * 86_400_000; // under the 3-month limit of Mews interval filters
const BATCH_TX = { timeout: 300_000, maxWait: 30_000 };

/** [start, end] split into inclusive intervals no longer than the Mews limit. */
export function chunkInterval(
  startMs: number,
  endMs: number,
): { StartUtc: string; EndUtc: string }[] {
  const chunks: { StartUtc: string; EndUtc: string }[] = [];
  for (let from = startMs; from <= endMs; from += MAX_INTERVAL_MS + 1) {
    const to = Math.min(endMs, from + MAX_INTERVAL_MS);
    chunks.push({ StartUtc: new Date(from).toISOString(), EndUtc: new Date(to).toISOString() });
  }
  return chunks;
}

/**
 * Pulls Mews data into the platform: the resumable initial import, the overlapping `UpdatedUtc`
 * window poll (the safety net behind the push channels), and targeted fetches of one entity.
 * Everything it applies is idempotent (an entity older than what we hold is skipped), so a
 * repeated page, event or window changes nothing twice.
 */
export class SyncEngine {
  private readonly options: SyncEngineOptions;
  private readonly pages: SyncPages;

  constructor(
    private readonly db: Db,
    private readonly connections: MewsConnections,
    private readonly inbound: MewsInbound,
    private readonly logger: Logger,
    options: Partial<SyncEngineOptions> = {},
  ) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.pages = new SyncPages(db, inbound, this.options.pageSize);
  }

  // ---------------------------------------------------------------- runs

  /** Creates a run (import or window re-sync); a worker picks it up through its lease. */
  async createRun(
    organizationId: string,
    kind: 'IMPORT' | 'WINDOW',
    scope: Record<string, unknown> = {},
  ): Promise<SyncRun> {
    await this.connections.require(organizationId);
    return this.db.$transaction(async (tx) => {
      // One import at a time per organization: lock the connection row while checking.
      await tx.$queryRawUnsafe(
        `SELECT 1 FROM "guests"."mews_connection" WHERE "organizationId" = $1::uuid FOR UPDATE`,
        organizationId,
      );
      const running = await tx.syncRun.findFirst({
        where: { organizationId, status: 'RUNNING', kind: { in: ['IMPORT', 'WINDOW'] } },
      });
      if (running) {
        throw new SyncError(
          SyncErrorCode.ImportRunning,
          `A ${running.kind === 'IMPORT' ? 'import' : 're-sync'} is already running (${running.percent}%)`,
          { runId: running.id },
        );
      }
      const first: RunCursor = {
        phase: kind === 'IMPORT' ? 'services' : 'customers',
        chunk: 0,
        cursor: null,
      };
      const run = await tx.syncRun.create({
        data: {
          organizationId,
          kind,
          scope: scope as Prisma.InputJsonValue,
          phase: first.phase,
          cursor: first as unknown as Prisma.InputJsonValue,
        },
      });
      await runEvent(tx, run);
      return run;
    });
  }

  /** Takes runs nobody holds (new, or their worker died) and runs them to the end. */
  async claimRun(owner: string): Promise<SyncRun | null> {
    const until = new Date(Date.now() + this.options.leaseMs);
    const rows = await this.db.$queryRawUnsafe<SyncRun[]>(
      `UPDATE "guests"."sync_run" SET "leaseOwner" = $1, "leaseUntil" = $2
        WHERE "id" = (SELECT "id" FROM "guests"."sync_run"
                       WHERE "status" = 'RUNNING' AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
                       ORDER BY "startedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      owner,
      until,
    );
    return rows[0] ?? null;
  }

  /** Runs (or resumes) a run from its saved cursor; each page commits with its cursor. */
  async executeRun(
    run: SyncRun,
    owner: string,
    stopping: () => boolean = () => false,
  ): Promise<SyncRun | null> {
    const { organizationId } = run;
    const log = this.logger.child({ runId: run.id, organizationId, kind: run.kind });
    let cursor = run.cursor as unknown as RunCursor;
    const counts = { ...(run.counts as RunCounts) };
    let requests = run.requestCount;
    const anchor = run.startedAt.getTime();
    // Keep the lease while a page waits on the rate limiter or a slow Mews answer.
    const heartbeat = setInterval(
      () => {
        void this.db
          .$executeRawUnsafe(
            `UPDATE "guests"."sync_run" SET "leaseUntil" = $3
            WHERE "id" = $1::uuid AND "leaseOwner" = $2 AND "status" = 'RUNNING'`,
            run.id,
            owner,
            new Date(Date.now() + this.options.leaseMs),
          )
          .catch(() => undefined);
      },
      Math.max(200, Math.floor(this.options.leaseMs / 3)),
    );
    try {
      const connection = await this.connections.require(organizationId);
      const client = this.connections.client(connection);
      const phases: readonly ImportPhase[] =
        run.kind === 'IMPORT' ? IMPORT_PHASES : ['resources', 'customers', 'reservations'];
      for (let p = phases.indexOf(cursor.phase as ImportPhase); p >= 0 && p < phases.length; p++) {
        const phase = phases[p]!;
        const chunks = this.chunksFor(phase, run, anchor);
        counts[phase] ??= { done: 0, total: null };
        for (let c = cursor.phase === phase ? cursor.chunk : 0; c < chunks.length; c++) {
          const fetch = (from: string | null) => {
            const meta: CallMeta = {};
            const page = this.pages.fetchPage(client, phase, chunks[c]!, from, meta);
            return page.then((p) => ({ page: p, meta }));
          };
          let pending = fetch(cursor.phase === phase && cursor.chunk === c ? cursor.cursor : null);
          for (;;) {
            const { page, meta } = await pending;
            // The process is stopping: leave the run to whoever takes its lease next.
            if (stopping()) return null;
            const last = !page.cursor || page.size < this.options.pageSize;
            // Ask for the next page while this one is written (the cursor is all it needs).
            if (!last) {
              pending = fetch(page.cursor);
              pending.catch(() => undefined); // awaited next turn; a failure surfaces there
            }
            const ctx: ApplyContext = {
              organizationId,
              source: run.kind === 'IMPORT' ? 'IMPORT' : 'MANUAL',
              requestId: meta.requestId ?? null,
            };
            const extra = await this.pages.prepare(client, ctx, connection, page, meta);
            requests += meta.requests ?? 0;
            const next: RunCursor = last
              ? c + 1 < chunks.length
                ? { phase, chunk: c + 1, cursor: null }
                : { phase: phases[p + 1] ?? 'done', chunk: 0, cursor: null }
              : { phase, chunk: c, cursor: page.cursor };
            counts[phase] = {
              done: counts[phase]!.done + page.size,
              total: next.phase !== phase ? counts[phase]!.done + page.size : null,
            };
            const percent = progress(phases, next, chunks.length);
            const saved = await this.db.$transaction(async (tx) => {
              await this.pages.applyPage(tx, ctx, connection, page, extra);
              // Only while this worker still holds the run: a lost lease undoes the page.
              const held = await tx.syncRun.updateMany({
                where: { id: run.id, organizationId, leaseOwner: owner },
                data: {
                  phase: next.phase,
                  cursor: next as unknown as Prisma.InputJsonValue,
                  counts: counts as unknown as Prisma.InputJsonValue,
                  percent: Math.min(99, percent),
                  requestCount: requests,
                  leaseUntil: new Date(Date.now() + this.options.leaseMs),
                },
              });
              if (held.count === 0) throw new LostLease();
              const updated = await tx.syncRun.findFirstOrThrow({
                where: { id: run.id, organizationId },
              });
              if (updated.status !== 'RUNNING') throw new Error('The run was stopped');
              await runEvent(tx, updated);
              return updated;
            }, BATCH_TX);
            cursor = next;
            log.debug({ phase, chunk: c, percent: saved.percent }, 'sync page applied');
            if (last) break;
          }
        }
      }
      return await this.finishRun(run, counts, requests, null);
    } catch (error) {
      if (error instanceof LostLease) {
        log.warn('another worker took this run over; stopping here');
        return null;
      }
      log.warn({ err: error instanceof Error ? error.message : error }, 'sync run failed');
      await this.connections.markFailure(organizationId, error);
      return this.finishRun(run, counts, requests, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finishRun(
    run: SyncRun,
    counts: RunCounts,
    requests: number,
    error: unknown,
  ): Promise<SyncRun> {
    if (!error && run.kind === 'IMPORT') {
      // Stays, completeness, enrichment and VIP status, once for everyone the import touched.
      await refreshStays(this.db, run.organizationId);
      await this.inbound.intelligence.refreshAll(run.organizationId, null, {
        events: false,
        source: 'IMPORT',
      });
      await announceUpcomingArrivals(this.db, run.organizationId);
    }
    return this.db.$transaction(async (tx) => {
      const finished = await tx.syncRun.update({
        where: { id: run.id, organizationId: run.organizationId },
        data: {
          status: error ? 'FAILED' : 'COMPLETED',
          percent: error ? undefined : 100,
          counts: counts as unknown as Prisma.InputJsonValue,
          requestCount: requests,
          error: error ? (error instanceof Error ? error.message : String(error)) : null,
          finishedAt: new Date(),
          leaseOwner: null,
          leaseUntil: null,
        },
      });
      if (!error && run.kind === 'IMPORT') {
        // The poll takes over from when the import began (overlapping, so nothing slips).
        await tx.mewsConnection.update({
          where: { organizationId: run.organizationId },
          data: { importedAt: new Date(), pollWatermark: run.startedAt },
        });
      }
      await runEvent(tx, finished);
      return finished;
    });
  }

  private chunksFor(phase: ImportPhase, run: SyncRun, anchor: number) {
    const month = 30 * 86_400_000;
    const scope = run.scope as { from?: string; to?: string };
    if (run.kind === 'WINDOW' && (phase === 'customers' || phase === 'reservations')) {
      return chunkInterval(Date.parse(scope.from!), Date.parse(scope.to!));
    }
    switch (phase) {
      case 'services':
      case 'resources':
      case 'companies':
        return [null];
      case 'customers':
        return chunkInterval(anchor - this.options.customerYearsBack * 12 * month, anchor);
      case 'reservations':
        return chunkInterval(
          anchor - this.options.importMonthsBack * month,
          anchor + this.options.importMonthsAhead * month,
        );
    }
  }

  /** Called when a platform value won over Mews: the outbound side queues a push. */
  set onPlatformWins(fn: ((organizationId: string, guestId: string) => void) | undefined) {
    this.pages.onPlatformWins = fn;
  }

  // --------------------------------------------------------------- polls

  /**
   * One window poll: everything Mews changed since the last window (minus an overlap, so a
   * change stamped just before our previous poll cannot slip between two windows). The
   * watermark only moves after the whole window applied: a failure repeats it next time.
   */
  async poll(
    organizationId: string,
  ): Promise<{ reservations: number; customers: number; rooms: number }> {
    const connection = await this.connections.find(organizationId);
    if (!connection || connection.status !== 'CONNECTED') {
      return { reservations: 0, customers: 0, rooms: 0 };
    }
    const end = Date.now();
    const start =
      (connection.pollWatermark?.getTime() ?? end - 3_600_000) - this.options.pollOverlapMs;
    const client = this.connections.client(connection);
    const ctx: ApplyContext = { organizationId, source: 'POLL', requestId: null };
    const tally = { reservations: 0, customers: 0, rooms: 0 };
    try {
      const resources = await this.pages.collect(client, 'resources', null);
      tally.rooms = await this.pages.applyAll(client, ctx, connection, resources);
      for (const interval of chunkInterval(start, end)) {
        const window = { ...interval, updated: true };
        tally.customers += await this.pages.applyAll(
          client,
          ctx,
          connection,
          await this.pages.collect(client, 'customers', window),
        );
        tally.reservations += await this.pages.applyAll(
          client,
          ctx,
          connection,
          await this.pages.collect(client, 'reservations', window),
        );
      }
      await this.db.mewsConnection.update({
        where: { organizationId },
        data: { pollWatermark: new Date(end), lastPollAt: new Date(), lastError: null },
      });
      return tally;
    } catch (error) {
      await this.connections.markFailure(organizationId, error);
      await this.db.mewsConnection.update({
        where: { organizationId },
        data: {
          lastPollAt: new Date(),
          lastError: `Poll failed: ${error instanceof Error ? error.message : String(error)}`,
          lastErrorAt: new Date(),
        },
      });
      throw error;
    }
  }

  // ------------------------------------------------------- targeted fetch

  /** Fetches one entity Mews told us about (push channels, manual re-sync) and applies it. */
  async fetchEntity(
    organizationId: string,
    entityType: 'Reservation' | 'Customer' | 'Resource',
    externalId: string,
    source: SyncSource,
  ): Promise<boolean> {
    const connection = await this.connections.require(organizationId);
    const client = this.connections.client(connection);
    const meta: CallMeta = {};
    const Limitation = { Count: 10 };
    let page: Page;
    try {
      if (entityType === 'Reservation') {
        const r = await client.getReservations({ ReservationIds: [externalId], Limitation }, meta);
        page = { kind: 'reservations', items: r.Reservations, cursor: null, size: 0 };
      } else if (entityType === 'Customer') {
        const r = await client.getCustomers(
          { Extent: { Customers: true, Addresses: true }, CustomerIds: [externalId], Limitation },
          meta,
        );
        page = {
          kind: 'customers',
          items: r.Customers ?? [],
          addresses: r.Addresses ?? [],
          cursor: null,
          size: 0,
        };
      } else {
        const r = await client.getResources(
          { Extent: { Resources: true, Inactive: true }, ResourceIds: [externalId], Limitation },
          meta,
        );
        page = { kind: 'resources', items: r.Resources ?? [], cursor: null, size: 0 };
      }
    } catch (error) {
      await this.connections.markFailure(organizationId, error);
      throw error;
    }
    page.requestId = meta.requestId ?? null;
    if (page.items.length === 0) return false;
    await this.pages.applyAll(
      client,
      { organizationId, source, requestId: page.requestId },
      connection,
      [page],
    );
    return true;
  }
}
/** The run's lease belongs to another worker now: this one stops without finishing it. */
class LostLease extends Error {}

function progress(phases: readonly ImportPhase[], at: RunCursor, chunks: number): number {
  const total = phases.reduce((sum, p) => sum + PHASE_WEIGHT[p], 0);
  if (at.phase === 'done') return 100;
  const index = phases.indexOf(at.phase);
  const before = phases.slice(0, index).reduce((sum, p) => sum + PHASE_WEIGHT[p], 0);
  const within = PHASE_WEIGHT[at.phase] * (chunks > 0 ? at.chunk / chunks : 0);
  return Math.floor(((before + within) / total) * 100);
}

/** Announces a run's progress (the admin's progress bar subscribes to it). */
export async function runEvent(tx: Tx, run: SyncRun): Promise<void> {
  await recordEvent(tx, 'guests', {
    type: 'SyncRunProgressed',
    entityType: 'SyncRun',
    entityId: run.id,
    organizationId: run.organizationId,
    payload: {
      status: run.status,
      percent: run.percent,
      phase: run.phase,
      kind: run.kind,
      // A failed run says why (communications raises a sync-failed alert from it).
      error: run.error ? run.error.slice(0, 280) : null,
    },
  });
}

export { MissingReferences };
