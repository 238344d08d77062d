import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VrpInstance, VrpJob, VrpVehicle } from '../engine/vrp.types';

/**
 * Where Solomon's instances are: `SOLOMON_DIR`, else `../shared/benchmarks/vrptw/solomon` beside
 * the repository, else the workplace's shared folder; null when none exists.
 */
export function solomonDir(repoRoot: string): string | null {
  const candidates = [
    process.env['SOLOMON_DIR'],
    path.join(repoRoot, '..', 'shared', 'benchmarks', 'vrptw', 'solomon'),
    '/work/shared/benchmarks/vrptw/solomon',
  ].filter((d): d is string => !!d);
  return candidates.map((d) => path.resolve(d)).find((d) => existsSync(d)) ?? null;
}

/*
 * Solomon's VRPTW text format (name; VEHICLE NUMBER CAPACITY; CUSTOMER rows of
 * `no x y demand ready due service`, row 0 the depot) as a VrpInstance: Euclidean distances in
 * double precision, travel time equal to distance, identical vehicles at the depot whose shift is
 * the depot's window.
 */

export function parseSolomon(text: string): VrpInstance {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const name = lines[0];
  const vehicleHeader = lines.findIndex((l) => /^VEHICLE$/i.test(l));
  const customerHeader = lines.findIndex((l) => /^CUSTOMER$/i.test(l));
  if (!name || vehicleHeader < 0 || customerHeader < 0)
    throw new Error('not a Solomon instance: VEHICLE or CUSTOMER section missing');
  const fleet = (lines[vehicleHeader + 2] ?? '').split(/\s+/).map(Number);
  const [count, capacity] = fleet;
  if (fleet.length !== 2 || !Number.isInteger(count) || !Number.isFinite(capacity))
    throw new Error(`not a Solomon instance: bad fleet line "${lines[vehicleHeader + 2]}"`);

  const rows = lines
    .slice(customerHeader + 1)
    .filter((l) => /^\d/.test(l))
    .map((l) => {
      const cols = l.split(/\s+/).map(Number);
      if (cols.length !== 7 || cols.some((c) => !Number.isFinite(c)))
        throw new Error(`not a Solomon customer row: "${l}"`);
      const [no, x, y, demand, ready, due, service] = cols as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      return { no, x, y, demand, ready, due, service };
    });
  rows.forEach((r, i) => {
    if (r.no !== i) throw new Error(`Solomon rows out of order: row ${i} is customer ${r.no}`);
  });
  const depot = rows[0];
  if (!depot) throw new Error('not a Solomon instance: no depot row');

  const size = rows.length;
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++)
      distance[i * size + j] = Math.hypot(rows[i]!.x - rows[j]!.x, rows[i]!.y - rows[j]!.y);

  const vehicles: VrpVehicle[] = Array.from({ length: count! }, (_, k) => ({
    id: `v${k + 1}`,
    start: 0,
    end: 0,
    shift: [depot.ready, depot.due],
    capacity: [capacity!],
    skills: {},
  }));
  const jobs: VrpJob[] = rows.slice(1).map((r) => ({
    id: String(r.no),
    location: r.no,
    service: r.service,
    windows: [[r.ready, r.due]],
    demand: [r.demand],
    skills: {},
    priority: 0,
  }));
  return {
    name,
    matrix: { size, distance, time: Float64Array.from(distance) },
    vehicles,
    jobs,
  };
}
