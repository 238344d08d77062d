import { buildModel, firstStart, lastStart } from './model';
import { Route, simulate, type Timeline } from './route-state';
import { makeInstance, makeJob, makeVehicle } from './vrp.factory';

// Depot at 0, jobs on a line at 10, 20, 30 (travel time = distance).
const line = (jobs = [makeJob(1), makeJob(2), makeJob(3)], vehicle = makeVehicle()) =>
  buildModel(
    makeInstance(
      [
        [0, 0],
        [10, 0],
        [20, 0],
        [30, 0],
      ],
      [vehicle],
      jobs,
    ),
  );

describe('Route', () => {
  it('should compute earliest and latest starts when windows force waiting', () => {
    const m = line([
      makeJob(1, { windows: [[15, 40]], service: 5 }),
      makeJob(2, { windows: [[0, 50]], service: 5 }),
      makeJob(3, { windows: [[60, 70]] }),
    ]);
    const r = new Route(m, 0);
    r.setJobs([0, 1, 2], 3);
    expect(Array.from(r.es.subarray(0, 5))).toEqual([0, 15, 30, 60, 90]);
    // Job 3 must start by 70, so job 2 by 70 - 10 - 5 = 55 → capped by its window at 50.
    expect(Array.from(r.ls.subarray(0, 5))).toEqual([25, 35, 50, 70, 1000]);
    expect(r.timeFeasible()).toBe(true);
    expect(r.cost).toBeCloseTo(60);
  });

  it('should reject an insertion when it pushes a later job past its window', () => {
    const m = line([makeJob(1, { windows: [[0, 10]] }), makeJob(2, { service: 30 }), makeJob(3)]);
    const r = new Route(m, 0);
    r.setJobs([0], 1);
    // Job 2 (at 20) before job 1 (at 10): job 1 would start at 60.
    expect(r.insertDelta(1, 0)).toBe(Infinity);
    expect(r.insertDelta(1, 1)).toBeCloseTo(20);
  });

  it('should pick the next window when the first one is missed', () => {
    const m = line([
      makeJob(1, {
        windows: [
          [0, 15],
          [30, 40],
        ],
      }),
      makeJob(2),
      makeJob(3),
    ]);
    expect(firstStart(m, 0, 20)).toBe(30);
    expect(firstStart(m, 0, 41)).toBe(Infinity);
    expect(lastStart(m, 0, 20)).toBe(15);
    expect(lastStart(m, 0, 35)).toBe(35);
    const r = new Route(m, 0);
    r.setJobs([0], 1);
    expect(r.es[1]).toBe(10);
    r.setJobs([1, 0], 2);
    expect(r.es[2]).toBe(30);
  });

  it('should refuse a job when the vehicle lacks a skill level or capacity', () => {
    const m = line(
      [makeJob(1, { skills: { gas: 2 } }), makeJob(2, { demand: [150] }), makeJob(3)],
      makeVehicle({ skills: { gas: 1 } }),
    );
    const r = new Route(m, 0);
    expect(r.accepts(0)).toBe(false);
    expect(r.accepts(1)).toBe(false);
    expect(r.accepts(2)).toBe(true);
  });

  it('should take a break during a wait when the wait is long enough', () => {
    const m = line(
      [makeJob(1, { windows: [[100, 200]], service: 10 }), makeJob(2), makeJob(3)],
      makeVehicle({ breaks: [{ window: [20, 60], duration: 30 }] }),
    );
    const out: Timeline = { stops: [], breaks: [], returnAt: 0 };
    expect(simulate(m, 0, [0], 1, out)).toBe(true);
    expect(out.breaks).toEqual([{ start: 20, duration: 30 }]);
    expect(out.stops[0]?.start).toBe(100);
  });

  it('should fail a route when its break can no longer start inside the window', () => {
    const m = line(
      [makeJob(1, { service: 100 }), makeJob(2), makeJob(3)],
      makeVehicle({ breaks: [{ window: [20, 60], duration: 30 }] }),
    );
    // Busy from 10 to 110: the first free moment is past the break window.
    expect(simulate(m, 0, [0], 1, null)).toBe(false);
    const r = new Route(m, 0);
    expect(r.insertDelta(0, 0)).toBe(Infinity);
  });
});
