import { EPS, firstStart, lastStart, type Model } from './model';

/**
 * One vehicle's route with Savelsbergh bookkeeping: position 0 is the start, 1..len the jobs,
 * len + 1 the end. `es` is the earliest service start (forward), `ls` the latest start that
 * keeps the rest of the route feasible (backward), so inserting between p and p + 1 is checked
 * in O(1): arrive at the new job from es[p], start it, and reach p + 1 by ls[p + 1]. Multiple
 * windows per job keep this exact because an earlier arrival never starts service later.
 */
export class Route {
  len = 0;
  cost = 0;
  readonly jobs: Int32Array;
  readonly es: Float64Array;
  readonly ls: Float64Array;
  /** load[p * dims + d]: demand of the jobs at positions 1..p. */
  readonly load: Float64Array;

  constructor(
    readonly m: Model,
    readonly v: number,
  ) {
    this.jobs = new Int32Array(m.nJobs + 1);
    this.es = new Float64Array(m.nJobs + 2);
    this.ls = new Float64Array(m.nJobs + 2);
    this.load = new Float64Array((m.nJobs + 2) * m.dims);
    this.update();
  }

  loc(p: number): number {
    if (p === 0) return this.m.vStart[this.v] as number;
    if (p === this.len + 1) return this.m.vEnd[this.v] as number;
    return this.m.jobLoc[this.jobs[p - 1] as number] as number;
  }

  svc(p: number): number {
    return p === 0 || p === this.len + 1
      ? 0
      : (this.m.service[this.jobs[p - 1] as number] as number);
  }

  job(p: number): number {
    return this.jobs[p - 1] as number;
  }

  copyFrom(o: Route): void {
    this.len = o.len;
    this.cost = o.cost;
    this.jobs.set(o.jobs.subarray(0, o.len));
    this.es.set(o.es.subarray(0, o.len + 2));
    this.ls.set(o.ls.subarray(0, o.len + 2));
    this.load.set(o.load.subarray(0, (o.len + 2) * this.m.dims));
  }

  /** Insert `job` so that it becomes position p (between the old p - 1 and p). */
  insert(p: number, job: number): void {
    this.jobs.copyWithin(p, p - 1, this.len);
    this.jobs[p - 1] = job;
    this.len++;
    this.update();
  }

  removeAt(p: number): number {
    const job = this.jobs[p - 1] as number;
    this.jobs.copyWithin(p - 1, p, this.len);
    this.len--;
    this.update();
    return job;
  }

  setJobs(jobs: ArrayLike<number>, n: number): void {
    for (let i = 0; i < n; i++) this.jobs[i] = jobs[i] as number;
    this.len = n;
    this.update();
  }

  update(): void {
    const { m, es, ls, load, len } = this;
    const { dims } = m;
    const size = m.size;
    es[0] = m.shiftA[this.v] as number;
    let cost = 0;
    for (let d = 0; d < dims; d++) load[d] = 0;
    let prev = this.loc(0);
    for (let p = 1; p <= len + 1; p++) {
      const l = this.loc(p);
      const arrive = (es[p - 1] as number) + this.svc(p - 1) + (m.time[prev * size + l] as number);
      cost += m.cost[prev * size + l] as number;
      if (p <= len) {
        const j = this.jobs[p - 1] as number;
        es[p] = firstStart(m, j, arrive);
        for (let d = 0; d < dims; d++) {
          load[p * dims + d] =
            (load[(p - 1) * dims + d] as number) + (m.demand[j * dims + d] as number);
        }
      } else {
        es[p] = arrive;
      }
      prev = l;
    }
    ls[len + 1] = m.shiftB[this.v] as number;
    let next = this.loc(len + 1);
    for (let p = len; p >= 0; p--) {
      const l = this.loc(p);
      const bound = (ls[p + 1] as number) - this.svc(p) - (m.time[l * size + next] as number);
      ls[p] = p === 0 ? bound : lastStart(m, this.jobs[p - 1] as number, bound);
      next = l;
    }
    this.cost = len === 0 ? 0 : cost + m.fixedCost;
  }

  /** Time windows and shift hold (ignores breaks; see `simulate`). */
  timeFeasible(): boolean {
    for (let p = 0; p <= this.len + 1; p++) {
      if ((this.es[p] as number) > (this.ls[p] as number) + EPS) return false;
    }
    return true;
  }

  /** Capacity fits with `extra` demand of job `add` added and job `drop` taken out (-1: none). */
  fits(add: number, drop: number): boolean {
    const { m } = this;
    const { dims } = m;
    for (let d = 0; d < dims; d++) {
      let q = this.load[this.len * dims + d] as number;
      if (add >= 0) q += m.demand[add * dims + d] as number;
      if (drop >= 0) q -= m.demand[drop * dims + d] as number;
      if (q > (m.capacity[this.v * dims + d] as number) + EPS) return false;
    }
    return true;
  }

  /**
   * Cost delta of inserting `job` between positions p and p + 1, or Infinity when the time
   * windows fail. Skills, capacity and maxJobs are the caller's (they do not depend on p).
   */
  insertDelta(job: number, p: number): number {
    const { m } = this;
    const size = m.size;
    const a = this.loc(p);
    const b = this.loc(p + 1);
    const u = m.jobLoc[job] as number;
    const arrive = (this.es[p] as number) + this.svc(p) + (m.time[a * size + u] as number);
    const start = firstStart(m, job, arrive);
    if (start === Infinity) return Infinity;
    const next = start + (m.service[job] as number) + (m.time[u * size + b] as number);
    if (next > (this.ls[p + 1] as number) + EPS) return Infinity;
    const delta =
      (m.cost[a * size + u] as number) +
      (m.cost[u * size + b] as number) -
      (m.cost[a * size + b] as number);
    if (m.hasBreaks[this.v] && !this.simulateWith(job, p)) return Infinity;
    return this.len === 0 ? delta + m.fixedCost : delta;
  }

  /** Can the route take `job` at all (skills, pinning, capacity, maxJobs)? */
  accepts(job: number): boolean {
    const { m } = this;
    return (
      m.compat[this.v * m.nJobs + job] === 1 &&
      this.len < (m.maxJobs[this.v] as number) &&
      this.fits(job, -1)
    );
  }

  private simulateWith(job: number, p: number): boolean {
    const seq = scratch(this.len + 1);
    for (let i = 0; i < p; i++) seq[i] = this.jobs[i] as number;
    seq[p] = job;
    for (let i = p; i < this.len; i++) seq[i + 1] = this.jobs[i] as number;
    return simulate(this.m, this.v, seq, this.len + 1, null);
  }
}

let scratchBuf = new Int32Array(64);
export function scratch(n: number): Int32Array {
  if (scratchBuf.length < n) scratchBuf = new Int32Array(n * 2);
  return scratchBuf;
}

export interface TimelineStop {
  job: number;
  arrival: number;
  start: number;
}

export interface Timeline {
  stops: TimelineStop[];
  breaks: { start: number; duration: number }[];
  returnAt: number;
}

/**
 * Full forward schedule of a job sequence, breaks included. Simplification: a break starts at
 * the first moment inside its window when the vehicle is at a location (during a wait before
 * a service, or right after a service, or at the end); the route is infeasible if that moment
 * is past the window. A break whose window opens after the vehicle is back is not needed.
 */
export function simulate(
  m: Model,
  v: number,
  seq: ArrayLike<number>,
  n: number,
  out: Timeline | null,
): boolean {
  const breaks = [...(m.instance.vehicles[v]?.breaks ?? [])].sort(
    (a, b) => a.window[0] - b.window[0],
  );
  let nextBreak = 0;
  const size = m.size;
  let t = m.shiftA[v] as number;
  let at = m.vStart[v] as number;
  // Breaks whose window has opened once the vehicle is free at time t.
  const takeDue = (): boolean => {
    while (nextBreak < breaks.length && t >= (breaks[nextBreak]?.window[0] ?? 0) - EPS) {
      const b = breaks[nextBreak++];
      if (!b || t > b.window[1] + EPS) return false;
      out?.breaks.push({ start: t, duration: b.duration });
      t += b.duration;
    }
    return true;
  };
  if (!takeDue()) return false;
  for (let i = 0; i < n; i++) {
    const j = seq[i] as number;
    const l = m.jobLoc[j] as number;
    const arrival = t + (m.time[at * size + l] as number);
    let start = firstStart(m, j, arrival);
    const b = breaks[nextBreak];
    if (b && start !== Infinity) {
      const bs = Math.max(arrival, b.window[0]);
      if (bs <= b.window[1] + EPS && bs + b.duration <= start + EPS) {
        out?.breaks.push({ start: bs, duration: b.duration });
        nextBreak++;
      } else if (bs <= start && bs <= b.window[1] + EPS) {
        out?.breaks.push({ start: bs, duration: b.duration });
        nextBreak++;
        start = firstStart(m, j, bs + b.duration);
      }
    }
    if (start === Infinity) return false;
    out?.stops.push({ job: j, arrival, start });
    t = start + (m.service[j] as number);
    at = l;
    if (!takeDue()) return false;
  }
  t += m.time[at * size + (m.vEnd[v] as number)] as number;
  if (out) out.returnAt = t;
  return t <= (m.shiftB[v] as number) + EPS;
}
