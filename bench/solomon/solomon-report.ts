/*
 * Markdown for the Solomon benchmark: one row per instance, one per class, one overall, with
 * VROOM's published figures beside ours for reference.
 */

export interface Bks {
  best_known_cost: number;
  solved_with_vehicles: number;
}

export interface InstanceResult {
  name: string;
  /** Distance-only best known (`<name>_distance`) and hierarchical best known (`<name>`). */
  bksDistance: Bks;
  bksHierarchical: Bks;
  /** Recomputed by the checker, not taken from the solver. */
  vehicles: number;
  distance: number;
  timeMs: number;
  unassigned: number;
  violations: string[];
  error?: string;
}

export const CLASSES = ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2'] as const;
type SolomonClass = (typeof CLASSES)[number];

/** VROOM 1.12 on the 56 instances (5 threads), from the README of the benchmark data. */
const VROOM = {
  classes: { C1: 0, C2: 0, R1: 1.38, R2: 3.89, RC1: 1.25, RC2: 2.64 } as Record<
    SolomonClass,
    number
  >,
  mean: 1.63,
  median: 1.12,
  worst: 7.54,
  matched: '14/56',
  timeMs: 359,
};

export const classOf = (name: string): SolomonClass => {
  const match = /^(RC|C|R)(\d)/i.exec(name);
  const cls = match ? `${match[1]!.toUpperCase()}${match[2]}` : '';
  if (!(CLASSES as readonly string[]).includes(cls)) throw new Error(`no Solomon class in ${name}`);
  return cls as SolomonClass;
};

export const ok = (r: InstanceResult): boolean =>
  r.error === undefined && r.violations.length === 0 && r.unassigned === 0;

export const gapOf = (r: InstanceResult): number =>
  ((r.distance - r.bksDistance.best_known_cost) / r.bksDistance.best_known_cost) * 100;

/** Best-known values are published to two decimals. */
export const matches = (r: InstanceResult): boolean =>
  ok(r) && Math.round(r.distance * 100) / 100 <= r.bksDistance.best_known_cost;

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const pct = (x: number): string => {
  const text = x.toFixed(2);
  return text === '-0.00' || text === '0.00' ? '0.00 %' : `${x > 0 ? '+' : ''}${text} %`;
};
const orDash = (xs: number[], f: (xs: number[]) => number, show: (x: number) => string) =>
  xs.length === 0 ? '–' : show(f(xs));

function instanceRow(r: InstanceResult): string {
  const hier = r.bksHierarchical;
  const status = ok(r)
    ? 'yes'
    : `**NO**: ${r.error ?? [...r.violations.slice(0, 2), r.unassigned ? `${r.unassigned} unassigned` : ''].filter(Boolean).join('; ')}`;
  const good = r.error === undefined && r.violations.length === 0;
  return (
    `| ${r.name} | ${good ? r.vehicles : '–'} | ${good ? r.distance.toFixed(2) : '–'} ` +
    `| ${r.bksDistance.best_known_cost.toFixed(2)} (${r.bksDistance.solved_with_vehicles}) ` +
    `| ${ok(r) ? pct(gapOf(r)) : '–'} ` +
    `| ${hier.solved_with_vehicles} / ${hier.best_known_cost.toFixed(2)} ` +
    `| ${good ? `${r.vehicles} (${r.vehicles - hier.solved_with_vehicles >= 0 ? '+' : ''}${r.vehicles - hier.solved_with_vehicles})` : '–'} ` +
    `| ${Math.round(r.timeMs)} | ${status} |`
  );
}

export function renderTables(results: InstanceResult[]): { perInstance: string; summary: string } {
  const perInstance = [
    '| instance | vehicles | distance | BKS distance (its vehicles) | gap | hierarchical BKS vehicles / cost | our vehicles (vs hierarchical) | time ms | feasible |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(instanceRow),
  ].join('\n');

  const group = (rs: InstanceResult[], label: string, vroom: string): string => {
    const good = rs.filter(ok);
    const gaps = good.map(gapOf);
    return (
      `| ${label} | ${rs.length} | ${good.length} | ${orDash(gaps, mean, pct)} | ${orDash(gaps, median, pct)} ` +
      `| ${orDash(gaps, (g) => Math.max(...g), pct)} | ${rs.filter(matches).length} ` +
      `| ${orDash(
        good.map((r) => r.vehicles),
        mean,
        (x) => x.toFixed(2),
      )} ` +
      `| ${orDash(
        rs.map((r) => r.timeMs),
        mean,
        (x) => String(Math.round(x)),
      )} | ${vroom} |`
    );
  };
  const rows = CLASSES.map((c) => [c, results.filter((r) => classOf(r.name) === c)] as const)
    .filter(([, rs]) => rs.length > 0)
    .map(([c, rs]) => group(rs, c, pct(VROOM.classes[c])));
  const worst = results.filter(ok).sort((a, b) => gapOf(b) - gapOf(a))[0];
  rows.push(
    group(
      results,
      `**all**${worst ? ` (worst ${worst.name})` : ''}`,
      `mean ${pct(VROOM.mean)}, median ${pct(VROOM.median)}, worst ${pct(VROOM.worst)}, matched ${VROOM.matched}, ${VROOM.timeMs} ms`,
    ),
  );
  const summary = [
    '| class | instances | feasible | mean gap | median gap | worst gap | matched BKS | mean vehicles | mean time ms | VROOM 1.12 (5 threads) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
  return { perInstance, summary };
}
