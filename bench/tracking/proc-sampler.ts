import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Linux USER_HZ: /proc times are in 1/100 s on every mainstream kernel. */
const TICKS_PER_S = 100;
const PAGE_BYTES = 4096;

export interface Sample {
  atMs: number;
  /** Cumulative CPU seconds per tracked name (user + system, all threads). */
  cpuS: Record<string, number>;
  /** Resident memory per tracked name, MiB. */
  rssMiB: Record<string, number>;
  /** Whole machine: busy and total CPU seconds since boot (all cores). */
  machineBusyS: number;
  machineTotalS: number;
  /** The bench database's cumulative transactions and rows written (pg_stat_database). */
  db: { xacts: number; inserted: number; updated: number } | null;
}

function procTimes(pid: number): { cpuS: number; rssMiB: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may contain spaces: state is field 3.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(f[11]);
    const stime = Number(f[12]);
    const rssPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return { cpuS: (utime + stime) / TICKS_PER_S, rssMiB: (rssPages * PAGE_BYTES) / 2 ** 20 };
  } catch {
    return null; // exited
  }
}

function machine(): { busyS: number; totalS: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0); // idle + iowait
  return { busyS: (total - idle) / TICKS_PER_S, totalS: total / TICKS_PER_S };
}

/*
 * Samples CPU time and RSS of the stack's processes (and the load generators) once a second
 * from /proc, plus the PostgreSQL backends serving the bench database (found in
 * pg_stat_activity; their CPU is summed as "postgres (bench db backends)", counted from when a
 * backend is first seen) and the whole machine.
 */
export class ProcSampler {
  readonly samples: Sample[] = [];
  private readonly pids = new Map<string, number>();
  private readonly pgBase = new Map<number, number>();
  private pgCpu = 0;
  private timer: NodeJS.Timeout | null = null;
  private pgClient: pg.Client | null = null;
  private busy = false;

  constructor(
    private readonly databaseUrl: string | null,
    private readonly database: string,
  ) {}

  track(name: string, pid: number | undefined): void {
    if (pid !== undefined) this.pids.set(name, pid);
  }

  untrack(name: string): void {
    this.pids.delete(name);
  }

  async start(): Promise<void> {
    if (this.databaseUrl) {
      this.pgClient = new pg.Client({ connectionString: this.databaseUrl });
      await this.pgClient.connect();
    }
    await this.sample();
    this.timer = setInterval(() => void this.sample(), 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pgClient?.end();
    this.pgClient = null;
  }

  /** Takes a sample now (waiting for one in progress) and returns it. */
  async sampleNow(): Promise<Sample> {
    while (this.busy) await new Promise((r) => setTimeout(r, 5));
    await this.sample();
    return this.samples.at(-1)!;
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const s: Sample = {
        atMs: Date.now(),
        cpuS: {},
        rssMiB: {},
        machineBusyS: 0,
        machineTotalS: 0,
        db: null,
      };
      for (const [name, pid] of this.pids) {
        const t = procTimes(pid);
        if (t) {
          s.cpuS[name] = t.cpuS;
          s.rssMiB[name] = t.rssMiB;
        }
      }
      if (this.pgClient) {
        const { rows } = await this.pgClient.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [this.database],
        );
        let rss = 0;
        for (const { pid } of rows) {
          const t = procTimes(pid);
          if (!t) continue;
          const base = this.pgBase.get(pid);
          if (base === undefined) this.pgBase.set(pid, t.cpuS);
          else {
            this.pgCpu += t.cpuS - base;
            this.pgBase.set(pid, t.cpuS);
          }
          rss += t.rssMiB;
        }
        s.cpuS[PG] = this.pgCpu;
        s.rssMiB[PG] = rss;
        const stats = await this.pgClient.query<{ x: string; i: string; u: string }>(
          `SELECT xact_commit + xact_rollback AS x, tup_inserted AS i, tup_updated AS u
             FROM pg_stat_database WHERE datname = $1`,
          [this.database],
        );
        const row = stats.rows[0];
        if (row) s.db = { xacts: Number(row.x), inserted: Number(row.i), updated: Number(row.u) };
      }
      const m = machine();
      s.machineBusyS = m.busyS;
      s.machineTotalS = m.totalS;
      this.samples.push(s);
    } finally {
      this.busy = false;
    }
  }
}

export const PG = 'postgres (bench db backends)';

/** The last sample at or before `t` (or the first one). */
export function sampleAt(samples: readonly Sample[], t: number): Sample | undefined {
  let found: Sample | undefined = samples[0];
  for (const s of samples) {
    if (s.atMs <= t) found = s;
    else break;
  }
  return found;
}
