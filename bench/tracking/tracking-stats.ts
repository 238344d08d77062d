import { sampleAt, type Sample } from './proc-sampler';
import { DELIVERY_FIELDS, PING_FIELDS } from './tracking-protocol';

export const WINDOW_MS = 10_000;

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentiles(values: number[]): Percentiles {
  const s = Float64Array.from(values).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN };
}

/** What the fixes taken in a period saw. */
export interface Period {
  fixes: number;
  offeredPerS: number;
  /** Accepted fixes answered within the period, per second. */
  achievedPerS: number;
  requestsPerS: number;
  meanBatch: number;
  /** Per request: sent → answered. */
  http: Percentiles;
  /** Per accepted fix and dispatcher: taken → the map shows it (or a newer fix of the same technician). */
  map: Percentiles;
  /** Share of (accepted fix × dispatcher) whose own position message arrived. */
  delivered: number;
  /** Share of (accepted fix × dispatcher) that the map caught up with (it, or a newer fix). */
  covered: number;
  errors: Record<string, number>;
  cpuPct: Record<string, number>;
  machineBusyPct: number;
}

export interface ProcessRow {
  name: string;
  cpuPct: number;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
}

export interface RunStats {
  seconds: number;
  total: Period;
  windows: (Period & { fromS: number })[];
  processes: ProcessRow[];
  /** PostgreSQL transactions and rows written per recordLocations call (background subtracted). */
  dbPerCall: { xacts: number; inserted: number; updated: number } | null;
}

/** The stack at rest (no pings, no subscribers): CPU per process and database activity/s. */
export interface Baseline {
  cpuPct: Record<string, number>;
  dbPerS: { xacts: number; inserted: number; updated: number } | null;
}

export interface RunInput {
  /** Measured period [fromMs, toMs) by the time a fix is taken; earlier fixes are warm-up. */
  fromMs: number;
  toMs: number;
  technicians: number;
  dispatchers: number;
  pings: Float64Array;
  codes: string[];
  deliveries: Float64Array;
  samples: readonly Sample[];
  idle: Baseline;
}

const pct = (cpuS: number, ms: number) => (ms > 0 ? (cpuS / (ms / 1000)) * 100 : NaN);

function cpuBetween(samples: readonly Sample[], from: number, to: number) {
  const a = sampleAt(samples, from);
  const b = sampleAt(samples, to);
  const ms = a && b ? b.atMs - a.atMs : 0;
  const names = Object.keys(b?.cpuS ?? {});
  const dbDelta =
    a?.db && b?.db
      ? {
          xacts: b.db.xacts - a.db.xacts,
          inserted: b.db.inserted - a.db.inserted,
          updated: b.db.updated - a.db.updated,
        }
      : null;
  return {
    a,
    b,
    ms,
    dbDelta,
    cpuPct: Object.fromEntries(
      names.map((n) => [n, pct((b?.cpuS[n] ?? NaN) - (a?.cpuS[n] ?? NaN), ms)]),
    ),
    machine:
      a && b
        ? ((b.machineBusyS - a.machineBusyS) / (b.machineTotalS - a.machineTotalS)) * 100
        : NaN,
  };
}

export function baseline(samples: readonly Sample[], from: number, to: number): Baseline {
  const c = cpuBetween(samples, from, to);
  const s = c.ms / 1000;
  const d = c.dbDelta;
  return {
    cpuPct: c.cpuPct,
    dbPerS:
      d && s > 0 ? { xacts: d.xacts / s, inserted: d.inserted / s, updated: d.updated / s } : null,
  };
}

interface Acc {
  fixes: number;
  achieved: number;
  requests: number;
  batched: number;
  accepted: number;
  http: number[];
  map: number[];
  exact: number;
  errors: Record<string, number>;
}

const acc = (): Acc => ({
  fixes: 0,
  achieved: 0,
  requests: 0,
  batched: 0,
  accepted: 0,
  http: [],
  map: [],
  exact: 0,
  errors: {},
});

export function analyze(r: RunInput): RunStats {
  const n = r.technicians;
  const D = r.dispatchers;
  const windows = Math.ceil((r.toMs - r.fromMs) / WINDOW_MS);
  const w = Array.from({ length: windows }, acc);
  const all = acc();
  const inRun = (t: number) => t >= r.fromMs && t < r.toMs;
  const win = (t: number) => w[Math.floor((t - r.fromMs) / WINDOW_MS)]!;
  const F = PING_FIELDS;

  // Requests and answers.
  for (let o = 0; o < r.pings.length; o += F) {
    const taken = r.pings[o]!;
    const sent = r.pings[o + 1]!;
    const done = r.pings[o + 2]!;
    const batch = r.pings[o + 4]!;
    const ok = r.pings[o + 3] === 0;
    if (ok && inRun(done)) {
      all.achieved++;
      win(done).achieved++;
    }
    if (batch > 0 && inRun(sent) && Number.isFinite(done)) {
      for (const a of [all, win(sent)]) {
        a.requests++;
        a.batched += batch;
        a.http.push(done - sent);
      }
    }
    if (!inRun(taken)) continue;
    const code = ok ? 'OK' : (r.codes[r.pings[o + 3]!] ?? 'NOT_ANSWERED');
    for (const a of [all, win(taken)]) {
      a.fixes++;
      if (ok) a.accepted++;
      else a.errors[code] = (a.errors[code] ?? 0) + 1;
    }
  }

  // Deliveries per (dispatcher, technician), in recordedAt order (the generator keeps only
  // increasing ones): [recordedAt, arrival, …].
  const lists = Array.from({ length: D * n }, () => [] as number[]);
  for (let o = 0; o < r.deliveries.length; o += DELIVERY_FIELDS) {
    const at = r.deliveries[o]!;
    const d = r.deliveries[o + 2]!;
    const t = r.deliveries[o + 3]!;
    lists[d * n + t]!.push(at, at + r.deliveries[o + 1]!);
  }
  // For each accepted fix, the first delivery of that technician's position at least as new.
  const rounds = r.pings.length / F / n;
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < n; t++) {
      const list = lists[d * n + t]!;
      let k = 0;
      for (let round = 0; round < rounds; round++) {
        const o = (round * n + t) * F;
        const taken = r.pings[o]!;
        if (r.pings[o + 3] !== 0 || !inRun(taken)) continue;
        while (k < list.length && list[k]! < taken) k += 2;
        if (k >= list.length) continue;
        const arrival = list[k + 1]!;
        const exact = list[k] === taken;
        for (const a of [all, win(taken)]) {
          a.map.push(arrival - taken);
          if (exact) a.exact++;
        }
      }
    }
  }

  const period = (a: Acc, from: number, to: number): Period => {
    const s = (to - from) / 1000;
    const cpu = cpuBetween(r.samples, from, to);
    const pairs = a.accepted * D;
    return {
      fixes: a.fixes,
      offeredPerS: a.fixes / s,
      achievedPerS: a.achieved / s,
      requestsPerS: a.requests / s,
      meanBatch: a.requests > 0 ? a.batched / a.requests : NaN,
      http: percentiles(a.http),
      map: percentiles(a.map),
      delivered: pairs > 0 ? a.exact / pairs : NaN,
      covered: pairs > 0 ? a.map.length / pairs : NaN,
      errors: a.errors,
      cpuPct: cpu.cpuPct,
      machineBusyPct: cpu.machine,
    };
  };

  const whole = cpuBetween(r.samples, r.fromMs, r.toMs);
  const samplesInRun = r.samples.filter((s) => s.atMs >= r.fromMs && s.atMs <= r.toMs);
  const processes = Object.keys(whole.b?.cpuS ?? {}).map((name): ProcessRow => ({
    name,
    cpuPct: whole.cpuPct[name] ?? NaN,
    rssStartMiB: whole.a?.rssMiB[name] ?? NaN,
    rssPeakMiB: Math.max(...samplesInRun.map((s) => s.rssMiB[name] ?? 0)),
    rssEndMiB: whole.b?.rssMiB[name] ?? NaN,
  }));
  const bg = r.idle.dbPerS;
  const span = whole.ms / 1000;
  const dd = whole.dbDelta;
  const dbPerCall =
    dd && bg && all.requests > 0
      ? {
          xacts: (dd.xacts - bg.xacts * span) / all.requests,
          inserted: (dd.inserted - bg.inserted * span) / all.requests,
          updated: (dd.updated - bg.updated * span) / all.requests,
        }
      : null;
  return {
    seconds: (r.toMs - r.fromMs) / 1000,
    total: period(all, r.fromMs, r.toMs),
    windows: w.map((a, i) => {
      const from = r.fromMs + i * WINDOW_MS;
      return {
        ...period(a, from, Math.min(r.toMs, from + WINDOW_MS)),
        fromS: (i * WINDOW_MS) / 1000,
      };
    }),
    processes,
    dbPerCall,
  };
}
