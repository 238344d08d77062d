import type { VrpSolution } from '../engine/vrp.types';
import { checkSolution } from './solution-check';
import { lineInstance, lineSolution } from './vrp.factory';

const edit = (change: (s: VrpSolution) => void): VrpSolution => {
  const solution = lineSolution();
  change(solution);
  return solution;
};

const expectViolation = (result: ReturnType<typeof checkSolution>, pattern: RegExp) => {
  expect(result.feasible).toBe(false);
  expect(result.violations).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
};

describe('checkSolution', () => {
  it('should accept the solution and recompute its totals when every rule holds', () => {
    const result = checkSolution(lineInstance(), lineSolution());
    expect(result).toEqual({
      feasible: true,
      violations: [],
      distance: 50,
      travelTime: 100,
      vehicles: 2,
    });
  });

  it('should accept a later timeline than the earliest when the solution waits', () => {
    const solution = edit((s) => {
      s.routes[1]!.departure = 10;
      s.routes[1]!.stops = [
        { jobId: 'j1', arrival: 30, start: 35 },
        { jobId: 'j2', arrival: 60, start: 62 },
      ];
      s.routes[1]!.returnAt = 110;
    });
    expect(checkSolution(lineInstance(), solution).violations).toEqual([]);
  });

  it('should accept an optional job left out when it is not listed unassigned', () => {
    const instance = lineInstance({ jobs: [{}, {}, { optional: true, penalty: 100 }] });
    const solution = edit((s) => {
      s.routes.shift();
      s.totals = { distance: 40, travelTime: 80, vehicles: 1, unassigned: 0 };
    });
    expect(checkSolution(instance, solution).violations).toEqual([]);
  });

  it('should accept a job listed unassigned when it is not served', () => {
    const solution = edit((s) => {
      s.routes.shift();
      s.unassigned = [{ jobId: 'j3', reason: 'no skill' }];
      s.totals = { distance: 40, travelTime: 80, vehicles: 1, unassigned: 1 };
    });
    expect(checkSolution(lineInstance(), solution).violations).toEqual([]);
  });

  it('should report a job that starts after its windows when it arrives too late', () => {
    const instance = lineInstance({ jobs: [{}, { windows: [[30, 40]] }] });
    const result = checkSolution(instance, lineSolution());
    expectViolation(result, /^job j2 starts at 45 after its window \[30, 40\] on vehicle v2$/);
  });

  it('should report a reported start outside the windows when the timeline is invented', () => {
    const solution = edit((s) => (s.routes[1]!.stops[1]!.start = 50));
    expectViolation(
      checkSolution(lineInstance(), solution),
      /job j2 reports start 50 outside its windows/,
    );
  });

  it('should report an arrival earlier than the matrix allows when travel is skipped', () => {
    const solution = edit((s) => (s.routes[1]!.stops[0]!.arrival = 5));
    expectViolation(
      checkSolution(lineInstance(), solution),
      /job j1 reports arrival 5 .* earlier than possible \(20\)/,
    );
  });

  it('should report an arrival that ignores the previous service when the timeline overlaps', () => {
    const solution = edit((s) => (s.routes[1]!.stops[0]!.start = 30));
    expectViolation(
      checkSolution(lineInstance(), solution),
      /job j2 reports arrival 45 .* earlier than possible \(55\)/,
    );
  });

  it('should report a return earlier than the last service allows when it is misreported', () => {
    const solution = edit((s) => (s.routes[1]!.returnAt = 100));
    expectViolation(
      checkSolution(lineInstance(), solution),
      /vehicle v2 reports its return at 100, earlier than possible \(105\)/,
    );
  });

  it('should report a departure before the shift when the vehicle leaves early', () => {
    const instance = lineInstance({ vehicles: [{}, { shift: [10, 200] }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /vehicle v2 departs at 0 before its shift starts at 10/,
    );
  });

  it('should report a late return when the route ends after the shift', () => {
    const instance = lineInstance({ vehicles: [{}, { shift: [0, 100] }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /^vehicle v2 returns at 105 after its shift \[0, 100\]$/,
    );
  });

  it('should report a load over capacity when the demands do not fit', () => {
    const instance = lineInstance({ vehicles: [{}, { capacity: [7] }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /vehicle v2 carries 8 in dimension 0, over its capacity 7/,
    );
  });

  it('should report a capacity dimension the vehicle lacks when a job needs it', () => {
    const instance = lineInstance({ jobs: [{ demand: [4, 1] }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /vehicle v2 carries 1 in dimension 1, over its capacity 0/,
    );
  });

  it('should report a missing skill when the vehicle holds it below the level', () => {
    const instance = lineInstance({ jobs: [{}, {}, { skills: { electric: 3 } }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /job j3 needs skill electric 3 \(vehicle has 2\) on vehicle v1/,
    );
  });

  it('should report more jobs than maxJobs when a route is too long', () => {
    const instance = lineInstance({ vehicles: [{}, { maxJobs: 1 }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /vehicle v2 serves 2 jobs, more than its maxJobs 1/,
    );
  });

  it('should report a pinned job on another vehicle when the pin is ignored', () => {
    const instance = lineInstance({ jobs: [{ pinnedVehicle: 'v1' }] });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /job j1 is pinned to vehicle v1 but is on v2/,
    );
  });

  it('should report a job served twice when it appears on two routes', () => {
    const solution = edit((s) => s.routes[0]!.stops.push({ jobId: 'j1', arrival: 40, start: 40 }));
    expectViolation(
      checkSolution(lineInstance(), solution),
      /job j1 is served twice \(vehicles v1 and v2\)/,
    );
  });

  it('should report a job neither served nor unassigned when it is dropped', () => {
    const solution = edit((s) => s.routes.shift());
    expectViolation(
      checkSolution(lineInstance(), solution),
      /job j3 is neither served nor listed unassigned/,
    );
  });

  it('should report a job both served and unassigned when it is listed twice', () => {
    const solution = edit((s) => {
      s.unassigned = [{ jobId: 'j1', reason: 'x' }];
      s.totals.unassigned = 1;
    });
    expectViolation(
      checkSolution(lineInstance(), solution),
      /job j1 is listed unassigned but served by vehicle v2/,
    );
  });

  it('should report an unknown job when a stop names no job of the instance', () => {
    const solution = edit((s) => s.routes[0]!.stops.push({ jobId: 'j9', arrival: 40, start: 40 }));
    expectViolation(checkSolution(lineInstance(), solution), /unknown job j9 on vehicle v1/);
  });

  it('should report an unknown vehicle when a route names no vehicle of the instance', () => {
    const solution = edit((s) => (s.routes[0]!.vehicleId = 'v7'));
    expectViolation(checkSolution(lineInstance(), solution), /route on unknown vehicle v7/);
  });

  it('should report a vehicle with two routes when it is used twice', () => {
    const solution = edit((s) => (s.routes[0]!.vehicleId = 'v2'));
    expectViolation(checkSolution(lineInstance(), solution), /vehicle v2 has more than one route/);
  });

  it('should report a route distance that differs from the matrix when it is misreported', () => {
    const solution = edit((s) => (s.routes[1]!.distance = 39));
    expectViolation(
      checkSolution(lineInstance(), solution),
      /vehicle v2 reports distance 39, recomputed 40/,
    );
  });

  it('should report totals that differ from the recomputed ones when they are misreported', () => {
    const solution = edit((s) => {
      s.totals = { distance: 50.001, travelTime: 99, vehicles: 3, unassigned: 1 };
    });
    const result = checkSolution(lineInstance(), solution);
    expect(result.violations).toEqual([
      'total distance reported 50.001, recomputed 50',
      'total travel time reported 99, recomputed 100',
      'vehicles reported 3, recomputed 2',
      'unassigned reported 1, listed 0',
    ]);
  });

  it('should accept a break when it fits on arrival before a service', () => {
    const instance = lineInstance({
      vehicles: [{}, { breaks: [{ window: [20, 50], duration: 10 }] }],
    });
    expect(checkSolution(instance, lineSolution()).violations).toEqual([]);
  });

  it('should report breaks when no position fits their windows', () => {
    const instance = lineInstance({
      vehicles: [{}, { breaks: [{ window: [0, 5], duration: 50 }] }],
    });
    expectViolation(
      checkSolution(instance, lineSolution()),
      /vehicle v2 has no place for its breaks/,
    );
  });
});
