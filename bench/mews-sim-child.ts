/*
 * The Mews simulator of bench/mews-import-bench.ts, in a process of its own: Mews is a remote
 * service, so its work (filtering and sorting 10,000 reservations per page) must not run on the
 * event loop of the subgraph being measured. Sizes and the rate limit come from the environment
 * (BENCH_SIM_*); it talks to the bench over the IPC channel.
 */
import { startMewsSim, type SimRequestRecord } from '@attendant/mews-sim';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Child → bench, once listening. */
export interface SimReadyMessage {
  type: 'ready';
  url: string;
  wsUrl: string;
  tokens: { ClientToken: string; AccessToken: string };
  counts: { resources: number; companies: number; customers: number; reservations: number };
}

/** Child → bench, the answer to a `stats` request. */
export interface SimStatsMessage {
  type: 'stats';
  /** API requests answered up to `untilMs` (any status). */
  requests: number;
  /** Of those, answered 429 by the simulator's rate limit. */
  rateLimited: number;
  /** Answered with another non-2xx status. */
  failed: number;
  /** Requests per operation path (without the API prefix). */
  byOperation: Record<string, number>;
  /** API requests answered after `untilMs` (e.g. the first window poll after the import). */
  later: number;
  /** Milliseconds the simulator's event loop was busy since the last `mark`. */
  busyMs: number;
}

/** Bench → child. */
export type SimCommand = { type: 'mark' } | { type: 'stats'; untilMs: number };

const num = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be an integer >= 0`);
  return value;
};

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('mews-sim-child runs under bench/mews-import-bench (IPC channel)');
  const sim = await startMewsSim({
    seed: num('BENCH_SIM_SEED', 42),
    rateLimit: {
      requests: num('BENCH_SIM_RATE_REQUESTS', 200),
      windowMs: num('BENCH_SIM_RATE_WINDOW_MS', 30_000),
    },
    sizes: {
      rooms: num('BENCH_SIM_ROOMS', 250),
      customers: num('BENCH_SIM_CUSTOMERS', 8000),
      reservations: num('BENCH_SIM_RESERVATIONS', 10_000),
    },
  });

  // The request log has no times: stamp each record as the simulator appends it (on response end).
  const log = sim.state.requests;
  const answeredAt: number[] = [];
  const append = log.push.bind(log);
  log.push = (...records: SimRequestRecord[]): number => {
    for (let i = 0; i < records.length; i++) answeredAt.push(Date.now());
    return append(...records);
  };

  let mark: EventLoopUtilization = performance.eventLoopUtilization();
  process.on('message', (command: SimCommand) => {
    if (command.type === 'mark') {
      mark = performance.eventLoopUtilization();
      return;
    }
    const stats: SimStatsMessage = {
      type: 'stats',
      requests: 0,
      rateLimited: 0,
      failed: 0,
      byOperation: {},
      later: 0,
      busyMs: Math.round(performance.eventLoopUtilization(mark).active),
    };
    log.forEach((record, i) => {
      if (answeredAt[i]! > command.untilMs) {
        stats.later++;
        return;
      }
      stats.requests++;
      if (record.status === 429) stats.rateLimited++;
      else if (record.status >= 300) stats.failed++;
      const operation = record.path.replace('/api/connector/v1/', '');
      stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
    });
    send(stats);
  });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);

  const ready: SimReadyMessage = {
    type: 'ready',
    url: sim.url,
    wsUrl: sim.wsUrl,
    tokens: sim.tokens,
    counts: {
      resources: sim.state.resources.length,
      companies: sim.state.companies.length,
      customers: sim.state.customers.length,
      reservations: sim.state.reservations.length,
    },
  };
  send(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[mews-sim-child] ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
