/** ISO weekdays (1 = Monday … 7 = Sunday), as the API speaks them, and how people read them. */

export interface Weekday {
  iso: number;
  short: string;
  long: string;
}

export const WEEKDAYS: readonly Weekday[] = [
  { iso: 1, short: 'Mon', long: 'Monday' },
  { iso: 2, short: 'Tue', long: 'Tuesday' },
  { iso: 3, short: 'Wed', long: 'Wednesday' },
  { iso: 4, short: 'Thu', long: 'Thursday' },
  { iso: 5, short: 'Fri', long: 'Friday' },
  { iso: 6, short: 'Sat', long: 'Saturday' },
  { iso: 7, short: 'Sun', long: 'Sunday' },
];

/** 1 → "Monday"; "Day 9" for a number that is no weekday. */
export function weekdayName(iso: number): string {
  return WEEKDAYS[iso - 1]?.long ?? `Day ${iso}`;
}

/** Distinct ISO weekdays 1–7, sorted Monday first. */
export function normalizeDays(days: readonly number[]): number[] {
  return [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort();
}

/** Adds the day when missing, removes it when present. */
export function toggleDay(days: readonly number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : normalizeDays([...days, day]);
}

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri"; all seven → "Every day". */
export function formatDays(days: readonly number[]): string {
  const sorted = normalizeDays(days);
  if (sorted.length === 0) return 'No days';
  if (sorted.length === 7) return 'Every day';
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => WEEKDAYS[d - 1]!.short;
  return runs
    .map((r) => {
      if (r.length >= 3) return `${name(r[0]!)}–${name(r.at(-1)!)}`;
      return r.map(name).join(', ');
    })
    .join(', ');
}
