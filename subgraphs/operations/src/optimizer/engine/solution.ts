import type { Model } from './model';
import { Route, simulate } from './route-state';

/** Routes (one per vehicle, possibly empty) and the jobs left out. */
export class Solution {
  readonly routes: Route[];
  unassigned: number[] = [];

  constructor(readonly m: Model) {
    this.routes = Array.from({ length: m.nVehicles }, (_, v) => new Route(m, v));
  }

  static empty(m: Model): Solution {
    const s = new Solution(m);
    s.unassigned = Array.from({ length: m.nJobs }, (_, j) => j);
    return s;
  }

  routeCost(): number {
    let c = 0;
    for (const r of this.routes) c += r.cost;
    return c;
  }

  cost(): number {
    let c = this.routeCost();
    for (const j of this.unassigned) c += this.m.penalty[j] as number;
    return c;
  }

  usedVehicles(): number {
    let n = 0;
    for (const r of this.routes) if (r.len > 0) n++;
    return n;
  }

  copyFrom(o: Solution): void {
    for (let i = 0; i < this.routes.length; i++) {
      (this.routes[i] as Route).copyFrom(o.routes[i] as Route);
    }
    this.unassigned = o.unassigned.slice();
  }

  clone(): Solution {
    const s = new Solution(this.m);
    s.copyFrom(this);
    return s;
  }

  /** Take the marked jobs out of their routes (one rebuild per touched route). */
  removeJobs(marked: Uint8Array): void {
    for (const r of this.routes) {
      let k = 0;
      let touched = false;
      for (let i = 0; i < r.len; i++) {
        const j = r.jobs[i] as number;
        if (marked[j]) {
          touched = true;
          this.unassigned.push(j);
        } else {
          r.jobs[k++] = j;
        }
      }
      if (touched) {
        r.len = k;
        r.update();
      }
    }
  }

  /** Every route keeps its windows, shift and breaks (break routes need a full simulation). */
  valid(): boolean {
    for (const r of this.routes) {
      if (r.len === 0) continue;
      if (!r.timeFeasible()) return false;
      if (this.m.hasBreaks[r.v] && !simulate(this.m, r.v, r.jobs, r.len, null)) return false;
    }
    return true;
  }
}
