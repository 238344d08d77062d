import fc from 'fast-check';
import type { VrpInstance, VrpJob, VrpVehicle } from '../engine/vrp.types';

/*
 * Random small instances for property tests: vehicles with their own start and end points,
 * shifts, capacities, skill levels and sometimes maxJobs; jobs with coordinates, service, one or
 * two windows, a demand, skills and (when allowed) an optional flag.
 */

const SKILLS = ['electric', 'plumbing'] as const;

// Most jobs need no skill, so that most instances can be served in full.
const levelArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 4 },
);
const skillsArb = fc
  .record({ electric: levelArb, plumbing: levelArb })
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, level]) => level > 0)));

const windowArb = fc
  .tuple(fc.nat(200), fc.integer({ min: 80, max: 300 }))
  .map(([open, width]): readonly [number, number] => [open, open + width]);

const jobArb = fc.record({
  x: fc.nat(60),
  y: fc.nat(60),
  service: fc.nat(20),
  windows: fc.array(windowArb, { minLength: 1, maxLength: 2 }),
  demand: fc.nat(4),
  skills: skillsArb,
  optional: fc.boolean(),
});

const vehicleArb = fc.record({
  start: fc.tuple(fc.nat(60), fc.nat(60)),
  sameEnd: fc.boolean(),
  end: fc.tuple(fc.nat(60), fc.nat(60)),
  shiftStart: fc.nat(60),
  shiftLength: fc.integer({ min: 300, max: 700 }),
  capacity: fc.integer({ min: 6, max: 20 }),
  skills: fc.record({ electric: fc.nat(2), plumbing: fc.nat(2) }),
  maxJobs: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }),
});

type JobSpec = typeof jobArb extends fc.Arbitrary<infer T> ? T : never;
type VehicleSpec = typeof vehicleArb extends fc.Arbitrary<infer T> ? T : never;

/** Locations: each vehicle's start and end, then one per job; time = 1.5 × Euclidean distance. */
function buildInstance(
  jobSpecs: JobSpec[],
  vehicleSpecs: VehicleSpec[],
  allowOptional: boolean,
): VrpInstance {
  const points: [number, number][] = [];
  const vehicles: VrpVehicle[] = vehicleSpecs.map((v, k) => {
    const start = points.push(v.start) - 1;
    const end = v.sameEnd ? start : points.push(v.end) - 1;
    return {
      id: `v${k + 1}`,
      start,
      end,
      shift: [v.shiftStart, v.shiftStart + v.shiftLength],
      capacity: [v.capacity],
      skills: Object.fromEntries(SKILLS.map((s) => [s, v.skills[s]]).filter(([, l]) => l)),
      ...(v.maxJobs === undefined ? {} : { maxJobs: v.maxJobs }),
    };
  });
  const jobs: VrpJob[] = jobSpecs.map((j, i) => ({
    id: `j${i + 1}`,
    location: points.push([j.x, j.y]) - 1,
    service: j.service,
    windows: j.windows,
    demand: [j.demand],
    skills: j.skills,
    priority: 0,
    ...(allowOptional && j.optional ? { optional: true, penalty: 1000 } : {}),
  }));
  const size = points.length;
  const distance = new Float64Array(size * size);
  const time = new Float64Array(size * size);
  for (let a = 0; a < size; a++)
    for (let b = 0; b < size; b++) {
      const d = Math.hypot(points[a]![0] - points[b]![0], points[a]![1] - points[b]![1]);
      distance[a * size + b] = d;
      time[a * size + b] = 1.5 * d;
    }
  return {
    name: 'random',
    matrix: { size, distance, time },
    vehicles,
    jobs,
    objective: 'distance',
  };
}

export const randomInstanceArb = (limits: {
  maxJobs: number;
  maxVehicles: number;
  optional: boolean;
}): fc.Arbitrary<VrpInstance> =>
  fc
    .tuple(
      fc.array(jobArb, { minLength: 1, maxLength: limits.maxJobs }),
      fc.array(vehicleArb, { minLength: 1, maxLength: limits.maxVehicles }),
    )
    .map(([jobs, vehicles]) => buildInstance(jobs, vehicles, limits.optional));
