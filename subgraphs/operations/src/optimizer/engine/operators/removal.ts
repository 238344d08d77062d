import type { Rng } from '../rng';
import type { Solution } from '../solution';

export type RemovalOperator = (sol: Solution, rng: Rng, q: number) => void;

function assignedJobs(sol: Solution): { job: number; route: number; pos: number }[] {
  const out: { job: number; route: number; pos: number }[] = [];
  sol.routes.forEach((r, ri) => {
    for (let p = 1; p <= r.len; p++) out.push({ job: r.job(p), route: ri, pos: p });
  });
  return out;
}

function removeMarked(sol: Solution, jobs: number[]): void {
  const marked = new Uint8Array(sol.m.nJobs);
  for (const j of jobs) marked[j] = 1;
  sol.removeJobs(marked);
}

export const randomRemoval: RemovalOperator = (sol, rng, q) => {
  const all = rng.shuffle(assignedJobs(sol));
  removeMarked(
    sol,
    all.slice(0, q).map((a) => a.job),
  );
};

/** Jobs whose detour costs most, drawn with a bias (rand^3) so the choice still varies. */
export const worstRemoval: RemovalOperator = (sol, rng, q) => {
  const { m } = sol;
  const size = m.size;
  const scored = assignedJobs(sol).map((a) => {
    const r = sol.routes[a.route];
    if (!r) return { job: a.job, gain: 0 };
    const prev = r.loc(a.pos - 1);
    const at = r.loc(a.pos);
    const next = r.loc(a.pos + 1);
    const gain =
      (m.cost[prev * size + at] as number) +
      (m.cost[at * size + next] as number) -
      (m.cost[prev * size + next] as number);
    return { job: a.job, gain };
  });
  scored.sort((a, b) => b.gain - a.gain);
  const picked: number[] = [];
  while (picked.length < q && scored.length > 0) {
    const idx = Math.floor(Math.pow(rng.next(), 3) * scored.length);
    picked.push((scored[idx] as { job: number }).job);
    scored.splice(idx, 1);
  }
  removeMarked(sol, picked);
};

/** Shaw removal: jobs related by place, time window and demand to ones already removed. */
export const shawRemoval: RemovalOperator = (sol, rng, q) => {
  const { m } = sol;
  const size = m.size;
  const rest = assignedJobs(sol).map((a) => a.job);
  if (rest.length === 0) return;
  let horizon = 1;
  for (let v = 0; v < m.nVehicles; v++) {
    horizon = Math.max(horizon, (m.shiftB[v] as number) - (m.shiftA[v] as number));
  }
  if (!Number.isFinite(horizon)) horizon = 1;
  let maxDemand = 1;
  for (let i = 0; i < m.demand.length; i++) maxDemand = Math.max(maxDemand, m.demand[i] as number);
  const relatedness = (a: number, b: number): number => {
    const la = m.jobLoc[a] as number;
    const lb = m.jobLoc[b] as number;
    const wa = m.winA[m.winOff[a] as number] as number;
    const wb = m.winA[m.winOff[b] as number] as number;
    const tw = Number.isFinite(wa) && Number.isFinite(wb) ? Math.abs(wa - wb) / horizon : 0;
    return (
      (9 * (m.cost[la * size + lb] as number)) / m.maxCost +
      3 * tw +
      (2 * Math.abs((m.demand[a * m.dims] as number) - (m.demand[b * m.dims] as number))) /
        maxDemand
    );
  };
  const first = rest.splice(rng.int(0, rest.length - 1), 1)[0] as number;
  const picked = [first];
  while (picked.length < q && rest.length > 0) {
    const ref = picked[rng.int(0, picked.length - 1)] as number;
    rest.sort((a, b) => relatedness(ref, a) - relatedness(ref, b));
    const idx = Math.floor(Math.pow(rng.next(), 6) * rest.length);
    picked.push(rest.splice(idx, 1)[0] as number);
  }
  removeMarked(sol, picked);
};

/** Empty a route (a small one more often), so its jobs can spread over the others. */
export const routeRemoval: RemovalOperator = (sol, rng, q) => {
  const used = sol.routes.filter((r) => r.len > 0);
  if (used.length === 0) return;
  const a = used[rng.int(0, used.length - 1)];
  const b = used[rng.int(0, used.length - 1)];
  if (!a || !b) return;
  const r = a.len <= b.len ? a : b;
  const jobs = Array.from(r.jobs.subarray(0, r.len));
  if (jobs.length < q / 2) {
    // Also take some random ones so the destroy is not too small.
    const others = rng.shuffle(assignedJobs(sol).map((x) => x.job));
    for (const j of others) {
      if (jobs.length >= q) break;
      if (!jobs.includes(j)) jobs.push(j);
    }
  }
  removeMarked(sol, jobs);
};

/** Remove a few consecutive strings of jobs from routes near a seed job (SISR-style). */
export const stringRemoval: RemovalOperator = (sol, rng, q) => {
  const { m } = sol;
  const size = m.size;
  const all = assignedJobs(sol);
  if (all.length === 0) return;
  const seed = all[rng.int(0, all.length - 1)] as { job: number };
  const seedLoc = m.jobLoc[seed.job] as number;
  const byRoute = sol.routes
    .map((r, ri) => {
      let best = Infinity;
      for (let p = 1; p <= r.len; p++) {
        best = Math.min(best, m.cost[seedLoc * size + r.loc(p)] as number);
      }
      return { ri, best };
    })
    .filter((x) => x.best < Infinity)
    .sort((a, b) => a.best - b.best);
  const picked: number[] = [];
  const maxLen = Math.max(1, Math.min(10, Math.ceil(q / 2)));
  for (const { ri } of byRoute) {
    if (picked.length >= q) break;
    const r = sol.routes[ri];
    if (!r) continue;
    let near = 1;
    let nearD = Infinity;
    for (let p = 1; p <= r.len; p++) {
      const d = m.cost[seedLoc * size + r.loc(p)] as number;
      if (d < nearD) {
        nearD = d;
        near = p;
      }
    }
    const len = Math.min(r.len, rng.int(1, maxLen), q - picked.length);
    const from = Math.max(1, Math.min(near - rng.int(0, len - 1), r.len - len + 1));
    for (let p = from; p < from + len; p++) picked.push(r.job(p));
  }
  removeMarked(sol, picked);
};
