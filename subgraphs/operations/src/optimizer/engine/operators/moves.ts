import { EPS, firstStart, type Model } from '../model';
import type { Route } from '../route-state';

/*
 * Local-search moves. Each `*Delta` returns the cost change of a move, or Infinity when it
 * breaks a window, the shift, capacity, skills or maxJobs; the matching `apply*` performs it.
 * Checks use the routes' earliest/latest starts, so only the jobs that move are scheduled.
 * Routes of vehicles with breaks are not handled here (the search skips them).
 */

function c(m: Model, a: number, b: number): number {
  return m.cost[a * m.size + b] as number;
}

/** Time after scheduling jobs seq[from..to) from location `at`, free at time `t` (Infinity: fails). */
function schedule(
  m: Model,
  t: number,
  at: number,
  seq: ArrayLike<number>,
  from: number,
  to: number,
): number {
  let prev = at;
  for (let i = from; i < to; i++) {
    const j = seq[i] as number;
    const l = m.jobLoc[j] as number;
    const s = firstStart(m, j, t + (m.time[prev * m.size + l] as number));
    if (s === Infinity) return Infinity;
    t = s + (m.service[j] as number);
    prev = l;
  }
  return t;
}

function reaches(r: Route, t: number, fromLoc: number, p: number): boolean {
  return t + (r.m.time[fromLoc * r.m.size + r.loc(p)] as number) <= (r.ls[p] as number) + EPS;
}

/** Move jobs at positions i..i+k-1 of r1 to between positions p and p+1 of r2 (r1 ≠ r2). */
export function relocateDelta(r1: Route, i: number, k: number, r2: Route, p: number): number {
  const { m } = r1;
  if (r2.len + k > (m.maxJobs[r2.v] as number)) return Infinity;
  const { dims } = m;
  for (let d = 0; d < dims; d++) {
    const seg =
      (r1.load[(i + k - 1) * dims + d] as number) - (r1.load[(i - 1) * dims + d] as number);
    if (
      (r2.load[r2.len * dims + d] as number) + seg >
      (m.capacity[r2.v * dims + d] as number) + EPS
    ) {
      return Infinity;
    }
  }
  for (let q = i; q < i + k; q++) if (m.compat[r2.v * m.nJobs + r1.job(q)] !== 1) return Infinity;
  const first = r1.loc(i);
  const last = r1.loc(i + k - 1);
  const p1 = r1.loc(i - 1);
  const n1 = r1.loc(i + k);
  const p2 = r2.loc(p);
  const n2 = r2.loc(p + 1);
  let delta = c(m, p2, first) + c(m, last, n2) - c(m, p1, first) - c(m, last, n1);
  if (r1.len === k) delta -= m.fixedCost;
  else delta += c(m, p1, n1);
  if (r2.len === 0) delta += m.fixedCost;
  else delta -= c(m, p2, n2);
  if (delta >= -EPS) return delta;
  const t2 = schedule(m, (r2.es[p] as number) + r2.svc(p), p2, r1.jobs, i - 1, i - 1 + k);
  if (t2 === Infinity || !reaches(r2, t2, last, p + 1)) return Infinity;
  if (r1.len > k && !reaches(r1, (r1.es[i - 1] as number) + r1.svc(i - 1), p1, i + k))
    return Infinity;
  return delta;
}

export function applyRelocate(r1: Route, i: number, k: number, r2: Route, p: number): void {
  const seg = Array.from(r1.jobs.subarray(i - 1, i - 1 + k));
  r2.jobs.copyWithin(p + k, p, r2.len);
  for (let q = 0; q < k; q++) r2.jobs[p + q] = seg[q] as number;
  r2.len += k;
  r2.update();
  r1.jobs.copyWithin(i - 1, i - 1 + k, r1.len);
  r1.len -= k;
  r1.update();
}

/** Exchange the job at position i of r1 with the job at position j of r2 (r1 ≠ r2). */
export function swapDelta(r1: Route, i: number, r2: Route, j: number): number {
  const { m } = r1;
  const a = r1.job(i);
  const b = r2.job(j);
  if (m.compat[r1.v * m.nJobs + b] !== 1 || m.compat[r2.v * m.nJobs + a] !== 1) return Infinity;
  const la = r1.loc(i);
  const lb = r2.loc(j);
  const p1 = r1.loc(i - 1);
  const n1 = r1.loc(i + 1);
  const p2 = r2.loc(j - 1);
  const n2 = r2.loc(j + 1);
  const delta =
    c(m, p1, lb) +
    c(m, lb, n1) -
    c(m, p1, la) -
    c(m, la, n1) +
    c(m, p2, la) +
    c(m, la, n2) -
    c(m, p2, lb) -
    c(m, lb, n2);
  if (delta >= -EPS) return delta;
  if (!r1.fits(b, a) || !r2.fits(a, b)) return Infinity;
  const t1 = schedule(m, (r1.es[i - 1] as number) + r1.svc(i - 1), p1, r2.jobs, j - 1, j);
  if (t1 === Infinity || !reaches(r1, t1, lb, i + 1)) return Infinity;
  const t2 = schedule(m, (r2.es[j - 1] as number) + r2.svc(j - 1), p2, r1.jobs, i - 1, i);
  if (t2 === Infinity || !reaches(r2, t2, la, j + 1)) return Infinity;
  return delta;
}

export function applySwap(r1: Route, i: number, r2: Route, j: number): void {
  const a = r1.jobs[i - 1] as number;
  r1.jobs[i - 1] = r2.jobs[j - 1] as number;
  r2.jobs[j - 1] = a;
  r1.update();
  r2.update();
}

/** 2-opt*: r1 keeps its jobs 1..i then takes r2's after j; r2 keeps 1..j then r1's after i. */
export function twoOptStarDelta(r1: Route, i: number, r2: Route, j: number): number {
  const { m } = r1;
  if (m.tailSwap[r1.v * m.nVehicles + r2.v] !== 1) return Infinity;
  const len1 = i + r2.len - j;
  const len2 = j + r1.len - i;
  const a = r1.loc(i);
  const an = r1.loc(i + 1);
  const b = r2.loc(j);
  const bn = r2.loc(j + 1);
  let delta = c(m, a, bn) + c(m, b, an) - c(m, a, an) - c(m, b, bn);
  for (const [r, before, after] of [
    [r1, r1.len, len1],
    [r2, r2.len, len2],
  ] as const) {
    const direct = c(m, r.loc(0), m.vEnd[r.v] as number);
    if (before > 0 && after === 0) delta -= direct + m.fixedCost;
    if (before === 0 && after > 0) delta += direct + m.fixedCost;
  }
  if (delta >= -EPS) return delta;
  if (len1 > (m.maxJobs[r1.v] as number) || len2 > (m.maxJobs[r2.v] as number)) return Infinity;
  const { dims } = m;
  for (let d = 0; d < dims; d++) {
    const q1 =
      (r1.load[i * dims + d] as number) +
      (r2.load[r2.len * dims + d] as number) -
      (r2.load[j * dims + d] as number);
    const q2 =
      (r2.load[j * dims + d] as number) +
      (r1.load[r1.len * dims + d] as number) -
      (r1.load[i * dims + d] as number);
    if (q1 > (m.capacity[r1.v * dims + d] as number) + EPS) return Infinity;
    if (q2 > (m.capacity[r2.v * dims + d] as number) + EPS) return Infinity;
  }
  if (!reaches(r2, (r1.es[i] as number) + r1.svc(i), a, j + 1)) return Infinity;
  if (!reaches(r1, (r2.es[j] as number) + r2.svc(j), b, i + 1)) return Infinity;
  return delta;
}

export function applyTwoOptStar(r1: Route, i: number, r2: Route, j: number): void {
  const tail1 = Array.from(r1.jobs.subarray(i, r1.len));
  const tail2 = Array.from(r2.jobs.subarray(j, r2.len));
  r1.jobs.set(tail2, i);
  r1.len = i + tail2.length;
  r2.jobs.set(tail1, j);
  r2.len = j + tail1.length;
  r1.update();
  r2.update();
}

const orBuf = new Int32Array(8);

/** Or-opt within one route: move positions i..i+k-1 to between p and p+1 (p outside them). */
export function orOptDelta(r: Route, i: number, k: number, p: number): number {
  if (p >= i - 1 && p <= i + k - 1) return Infinity;
  const { m } = r;
  const first = r.loc(i);
  const last = r.loc(i + k - 1);
  const prev = r.loc(i - 1);
  const next = r.loc(i + k);
  const a = r.loc(p);
  const b = r.loc(p + 1);
  const delta =
    c(m, prev, next) -
    c(m, prev, first) -
    c(m, last, next) +
    c(m, a, first) +
    c(m, last, b) -
    c(m, a, b);
  if (delta >= -EPS) return delta;
  // The changed stretch is lo..hi; schedule it in its new order and meet the rest at hi + 1.
  const lo = Math.min(i, p + 1);
  const hi = Math.max(i + k - 1, p);
  const seq = orBuf.length >= hi - lo + 1 ? orBuf : new Int32Array(hi - lo + 1);
  let n = 0;
  if (p < i) {
    for (let q = i; q < i + k; q++) seq[n++] = r.job(q);
    for (let q = p + 1; q < i; q++) seq[n++] = r.job(q);
  } else {
    for (let q = i + k; q <= p; q++) seq[n++] = r.job(q);
    for (let q = i; q < i + k; q++) seq[n++] = r.job(q);
  }
  const t = schedule(m, (r.es[lo - 1] as number) + r.svc(lo - 1), r.loc(lo - 1), seq, 0, n);
  if (t === Infinity || !reaches(r, t, m.jobLoc[seq[n - 1] as number] as number, hi + 1)) {
    return Infinity;
  }
  return delta;
}

export function applyOrOpt(r: Route, i: number, k: number, p: number): void {
  const jobs = Array.from(r.jobs.subarray(0, r.len));
  const seg = jobs.splice(i - 1, k);
  const at = p < i ? p : p - k;
  jobs.splice(at, 0, ...seg);
  r.setJobs(jobs, jobs.length);
}

/** 2-opt within a route: reverse positions i..j (1 ≤ i < j ≤ len); edges may be asymmetric. */
export function twoOptDelta(r: Route, i: number, j: number): number {
  const { m } = r;
  const prev = r.loc(i - 1);
  const next = r.loc(j + 1);
  let delta =
    c(m, prev, r.loc(j)) + c(m, r.loc(i), next) - c(m, prev, r.loc(i)) - c(m, r.loc(j), next);
  for (let q = i; q < j; q++) {
    const a = r.loc(q);
    const b = r.loc(q + 1);
    delta += c(m, b, a) - c(m, a, b);
  }
  if (delta >= -EPS) return delta;
  let t = (r.es[i - 1] as number) + r.svc(i - 1);
  let at = prev;
  for (let q = j; q >= i; q--) {
    const job = r.job(q);
    const l = m.jobLoc[job] as number;
    const s = firstStart(m, job, t + (m.time[at * m.size + l] as number));
    if (s === Infinity) return Infinity;
    t = s + (m.service[job] as number);
    at = l;
  }
  return reaches(r, t, at, j + 1) ? delta : Infinity;
}

export function applyTwoOpt(r: Route, i: number, j: number): void {
  r.jobs.subarray(i - 1, j).reverse();
  r.update();
}
