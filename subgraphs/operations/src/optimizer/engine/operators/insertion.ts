import type { Rng } from '../rng';
import type { Solution } from '../solution';

export interface InsertionOptions {
  /** 1 = greedy (cheapest first), k ≥ 2 = regret-k. */
  regret: number;
  /** Random perturbation of insertion costs, as a fraction of the largest matrix entry. */
  noise: number;
  /** Only fill routes already in use (route elimination). */
  noNewRoutes?: boolean;
}

let cacheCost = new Float64Array(0);
let cachePos = new Int32Array(0);

/**
 * Reinsert the unassigned jobs, highest priority tier first, each time taking the job with the
 * largest regret (how much it loses if it does not get its best route). Per job and route the
 * best position is cached and only the route that changed is recomputed. Only one empty route
 * per vehicle class is offered, so identical spare vehicles are not tried over and over.
 */
export function repair(sol: Solution, rng: Rng, opts: InsertionOptions): void {
  const { m } = sol;
  const V = m.nVehicles;
  const pending = sol.unassigned;
  if (pending.length === 0) return;
  const n = m.nJobs;
  if (cacheCost.length < n * V) {
    cacheCost = new Float64Array(n * V);
    cachePos = new Int32Array(n * V);
  }
  const active = new Uint8Array(V);
  const seenEmpty = new Uint8Array(V);
  for (let v = 0; v < V; v++) {
    const r = sol.routes[v];
    if (!r) continue;
    if (r.len > 0) active[v] = 1;
    else if (!opts.noNewRoutes && !seenEmpty[m.vClass[v] as number]) {
      seenEmpty[m.vClass[v] as number] = 1;
      active[v] = 1;
    }
  }
  const noiseAmp = opts.noise * m.maxCost;
  const evalColumn = (v: number): void => {
    const r = sol.routes[v];
    if (!r) return;
    for (const j of pending) {
      let best = Infinity;
      let bestPos = -1;
      if (active[v] && r.accepts(j)) {
        for (let p = 0; p <= r.len; p++) {
          const d = r.insertDelta(j, p);
          if (d < best) {
            best = d;
            bestPos = p;
          }
        }
        // An optional job is only worth serving when that costs less than skipping it.
        if (m.optional[j] && best >= (m.penalty[j] as number)) best = Infinity;
        if (noiseAmp > 0 && best < Infinity) best += noiseAmp * (rng.next() * 2 - 1);
      }
      cacheCost[j * V + v] = best;
      cachePos[j * V + v] = bestPos;
    }
  };
  for (let v = 0; v < V; v++) evalColumn(v);

  const k = Math.max(1, opts.regret);
  const top = new Float64Array(k);
  const left: number[] = [];
  while (pending.length > 0) {
    let tier = -Infinity;
    for (const j of pending) tier = Math.max(tier, m.priority[j] as number);
    let pick = -1;
    let pickV = -1;
    let pickScore = -Infinity;
    let pickCost = Infinity;
    for (let idx = 0; idx < pending.length; idx++) {
      const j = pending[idx] as number;
      if ((m.priority[j] as number) < tier) continue;
      top.fill(Infinity);
      let bestV = -1;
      for (let v = 0; v < V; v++) {
        const c = cacheCost[j * V + v] as number;
        if (c < (top[k - 1] as number)) {
          let i = k - 1;
          while (i > 0 && c < (top[i - 1] as number)) {
            top[i] = top[i - 1] as number;
            i--;
          }
          top[i] = c;
          if (i === 0) bestV = v;
        }
      }
      const c1 = top[0] as number;
      if (c1 === Infinity) continue;
      let score = 0;
      for (let i = 1; i < k; i++) {
        const ci = top[i] as number;
        score += ci === Infinity ? 1e6 * m.maxCost : ci - c1;
      }
      if (score > pickScore || (score === pickScore && c1 < pickCost)) {
        pick = idx;
        pickV = bestV;
        pickScore = score;
        pickCost = c1;
      }
    }
    if (pick < 0) {
      // Nothing in this tier fits anywhere: set the tier aside and go on with the next.
      for (let idx = pending.length - 1; idx >= 0; idx--) {
        if ((m.priority[pending[idx] as number] as number) >= tier) {
          left.push(pending[idx] as number);
          pending.splice(idx, 1);
        }
      }
      continue;
    }
    const j = pending[pick] as number;
    pending.splice(pick, 1);
    const r = sol.routes[pickV];
    if (!r) continue;
    const wasEmpty = r.len === 0;
    r.insert((cachePos[j * V + pickV] as number) + 1, j);
    evalColumn(pickV);
    if (wasEmpty && !opts.noNewRoutes) {
      for (let v = 0; v < V; v++) {
        const w = sol.routes[v];
        if (w && !active[v] && w.len === 0 && m.vClass[v] === m.vClass[pickV]) {
          active[v] = 1;
          evalColumn(v);
          break;
        }
      }
    }
  }
  for (const j of left) pending.push(j);
}
