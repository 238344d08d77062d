/*
 * A field-service dispatch day for the optimizer benchmark (issue: "15 technicians, 120 jobs
 * with skills and windows on seeded sites"). Built like the demo seed (prisma/seed/
 * field-service.ts) so the numbers mean something for Northwind: the same seven trades and
 * weights, a trade per technician plus up to three more skills with levels 1–3, gas work needing
 * level 2, sites and home bases drawn around Austin and its suburbs from the seed's CITIES, and
 * job lengths and urgency from its task catalog. Deterministic for a seed (engine Rng).
 */
import { fieldMinLevel } from '@attendant/seed/catalog';
import { CITIES, FIELD_TASKS, FIELD_TECHNICIANS } from '@attendant/seed/names';
import { Rng } from '@attendant/operations/optimizer/engine/rng';
import type {
  TimeWindow,
  VrpInstance,
  VrpJob,
  VrpVehicle,
} from '@attendant/operations/optimizer/engine/vrp.types';
import { GreatCircleMatrixProvider } from '@attendant/operations/optimizer/matrix/great-circle';

export const TECHNICIANS = 15;
export const JOBS = 120;
/** Shift 08:00–17:00 in minutes since midnight. */
export const SHIFT: TimeWindow = [480, 1020];
export const MAX_JOBS_PER_TECHNICIAN = 10;
/** Straight line × 1.3 for roads, at 40 km/h including junctions and parking. */
export const ROAD_FACTOR = 1.3;
export const SPEED_KMH = 40;

/** The seed's trades and how often a job needs each (prisma/seed/field-service.ts). */
const SKILL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['HVAC', 30],
  ['Plumbing', 25],
  ['Electrical', 15],
  ['Appliance repair', 12],
  ['Carpentry', 7],
  ['Roofing', 6],
  ['Gas safety', 5],
];

export type FieldPriority = 'EMERGENCY' | 'HIGH' | 'NORMAL' | 'LOW';
/** Engine priorities: emergencies far above the rest (served first, dropped last). */
export const PRIORITY_VALUE: Readonly<Record<FieldPriority, number>> = {
  EMERGENCY: 100,
  HIGH: 10,
  NORMAL: 0,
  LOW: -1,
};

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface FieldScenario {
  instance: VrpInstance;
  /** Home bases (vehicles) then sites (jobs), in matrix order. */
  points: GeoPoint[];
  priorities: Record<FieldPriority, number>;
  /** Jobs with a customer window narrower than the shift. */
  windowed: number;
}

export function fieldScenario(seed: number): FieldScenario {
  const rng = new Rng(seed);
  const skills = SKILL_WEIGHTS.map(([name]) => name);
  const points: GeoPoint[] = [];

  // Technicians as the seed makes them: trade i % 7 (two or three per trade) plus 0–3 extras.
  const vehicles: VrpVehicle[] = FIELD_TECHNICIANS.slice(0, TECHNICIANS).map((name, i) => {
    const trade = skills[i % skills.length] as string;
    const extraCount = weighted(rng, [
      [0, 3],
      [1, 4],
      [2, 3],
      [3, 1],
    ] as const);
    const extra = rng.shuffle(skills.filter((s) => s !== trade)).slice(0, extraCount);
    const levels: Record<string, number> = { [trade]: rng.int(2, 3) };
    for (const s of extra) levels[s] = rng.int(1, 3);
    const home = points.push(address(rng)) - 1;
    return {
      id: name,
      start: home,
      end: home,
      shift: SHIFT,
      capacity: [],
      skills: levels,
      maxJobs: MAX_JOBS_PER_TECHNICIAN,
    };
  });

  const priorities: Record<FieldPriority, number> = { EMERGENCY: 0, HIGH: 0, NORMAL: 0, LOW: 0 };
  let windowed = 0;
  const jobs: VrpJob[] = Array.from({ length: JOBS }, (_, i) => {
    const skill = weighted(rng, SKILL_WEIGHTS);
    const tasks = FIELD_TASKS[skill] ?? [];
    const task = tasks[Math.floor(rng.next() * tasks.length)];
    const urgent = task?.[4] ?? false;
    // The catalog's minutes are booked time; time on site is half to most of it, 30–120 min.
    const booked = task?.[2] ?? 60;
    const service = clamp(Math.round((booked * (0.45 + 0.45 * rng.next())) / 5) * 5, 30, 120);
    // Mostly routine work: urgent tasks are sometimes emergencies, a few others are HIGH.
    const priority = urgent
      ? weighted<FieldPriority>(rng, [
          ['EMERGENCY', 12],
          ['HIGH', 25],
          ['NORMAL', 63],
        ])
      : weighted<FieldPriority>(rng, [
          ['HIGH', 3],
          ['NORMAL', 77],
          ['LOW', 20],
        ]);
    priorities[priority]++;
    const latest = SHIFT[1] - service;
    let window: TimeWindow = [SHIFT[0], latest];
    if (priority === 'EMERGENCY') {
      // Called in first thing: the 4 h SLA of the seed means a start before noon.
      window = [SHIFT[0], Math.min(latest, SHIFT[0] + 240)];
    } else if (rng.next() < 0.4) {
      // A promised arrival window of 2–4 h on the hour, as the booking form offers.
      const width = 60 * rng.int(2, 4);
      const open = SHIFT[0] + 60 * rng.int(0, (SHIFT[1] - SHIFT[0] - width) / 60);
      window = [open, Math.min(open + width, latest)];
    }
    if (window[0] > SHIFT[0] || window[1] < latest) windowed++;
    return {
      id: `WO-${String(i + 1).padStart(3, '0')}`,
      location: points.push(address(rng)) - 1,
      service,
      windows: [window],
      demand: [],
      skills: { [skill]: fieldMinLevel(skill) },
      priority: PRIORITY_VALUE[priority],
    };
  });

  const matrix = new GreatCircleMatrixProvider({
    roadFactor: ROAD_FACTOR,
    speedKmh: SPEED_KMH,
  }).compute(points);
  return {
    instance: { name: `field-service-${seed}`, matrix, vehicles, jobs, objective: 'time' },
    points,
    priorities,
    windowed,
  };
}

/** A point in a city picked by the seed's weights, uniform within its radius (seed `address`). */
function address(rng: Rng): GeoPoint {
  const city = weighted(
    rng,
    CITIES.map((c) => [c, c.weight] as const),
  );
  const r = city.radiusKm * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  return {
    lat: city.lat + (r * Math.cos(angle)) / 111.32,
    lng: city.lng + (r * Math.sin(angle)) / (111.32 * Math.cos((city.lat * Math.PI) / 180)),
  };
}

function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
