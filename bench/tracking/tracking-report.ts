import { WINDOW_MS, type Baseline, type Period, type RunStats } from './tracking-stats';

const ms = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '–');
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const share = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
const errorText = (e: Record<string, number>) =>
  Object.keys(e).length === 0
    ? 'none'
    : Object.entries(e)
        .map(([c, n]) => `${c} × ${n}`)
        .join(', ');

export const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};

const HEAD =
  '| offered fixes/s | achieved fixes/s | requests/s (mean batch) | HTTP p50 (ms) | HTTP p99 (ms) | ping → map p50 (ms) | p99 (ms) | max (ms) | own message delivered | map caught up |';
const ALIGN = '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
const cells = (p: Period) =>
  `| ${f1(p.offeredPerS)} | ${f1(p.achievedPerS)} | ${f1(p.requestsPerS)} (${f1(p.meanBatch)}) | ${ms(p.http.p50)} | ${ms(p.http.p99)} | ${ms(p.map.p50)} | ${ms(p.map.p99)} | ${ms(p.map.max)} | ${share(p.delivered)} | ${share(p.covered)} |`;

export function runsTable(runs: RunStats[], otherCores: number[]): string {
  const rows = runs.map(
    (r, i) =>
      `| ${i + 1} ${cells(r.total)} ${errorText(r.total.errors)} | ${f1(r.total.machineBusyPct)} % | ${otherCores[i]!.toFixed(2)} |`,
  );
  if (runs.length > 1) {
    const m = (f: (p: Period) => number) => median(runs.map((r) => f(r.total)));
    rows.push(
      `| **median** | ${f1(m((p) => p.offeredPerS))} | ${f1(m((p) => p.achievedPerS))} | ${f1(m((p) => p.requestsPerS))} (${f1(m((p) => p.meanBatch))}) | ${ms(m((p) => p.http.p50))} | ${ms(m((p) => p.http.p99))} | **${ms(m((p) => p.map.p50))}** | **${ms(m((p) => p.map.p99))}** | ${ms(m((p) => p.map.max))} | ${share(m((p) => p.delivered))} | ${share(m((p) => p.covered))} | | ${f1(m((p) => p.machineBusyPct))} % | ${median(otherCores).toFixed(2)} |`,
    );
  }
  return [
    `| run ${HEAD} errors | machine CPU busy | used outside the bench (cores) |`,
    `| --- ${ALIGN} --- | ---: | ---: |`,
    ...rows,
  ].join('\n');
}

export function windowsTable(r: RunStats, procs: string[], labels: string[]): string {
  return [
    `| window (s) ${HEAD} ${labels.join(' | ')} | machine |`,
    `| --- ${ALIGN} ${labels.map(() => '---:').join(' | ')} | ---: |`,
    ...r.windows.map(
      (w) =>
        `| ${w.fromS}–${w.fromS + WINDOW_MS / 1000} ${cells(w)} ${procs.map((p) => `${f1(w.cpuPct[p] ?? NaN)} %`).join(' | ')} | ${f1(w.machineBusyPct)} % |`,
    ),
  ].join('\n');
}

export function processTable(r: RunStats, idle: Baseline, note: (name: string) => string): string {
  const rss = (name: string, v: number) => (name.startsWith('postgres') ? '–' : ms(v));
  return [
    '| process | CPU under load (% of one core) | at rest | RSS start (MiB) | RSS peak (MiB) | RSS end (MiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.processes.map(
      (p) =>
        `| ${p.name}${note(p.name)} | ${f1(p.cpuPct)} | ${f1(idle.cpuPct[p.name] ?? NaN)} | ${rss(p.name, p.rssStartMiB)} | ${rss(p.name, p.rssPeakMiB)} | ${rss(p.name, p.rssEndMiB)} |`,
    ),
  ].join('\n');
}

/** CPU milliseconds per accepted fix, per process (what one ping costs end to end). */
export function costPerFix(r: RunStats, idle: Baseline): string {
  const rate = r.total.achievedPerS;
  const parts = r.processes
    .map((p) => ({
      name: p.name,
      ms: ((p.cpuPct - (idle.cpuPct[p.name] ?? 0)) / 100 / rate) * 1000,
    }))
    .filter((p) => Number.isFinite(p.ms) && p.ms >= 0.05);
  const sum = parts.reduce((a, p) => a + p.ms, 0);
  const perRequest = (sum * rate) / r.total.requestsPerS;
  return (
    parts.map((p) => `${p.name} ${p.ms.toFixed(1)}`).join(', ') +
    ` ms per accepted fix (total ${sum.toFixed(1)} ms; ${perRequest.toFixed(1)} ms per call; at-rest CPU subtracted)`
  );
}
