import type { JobSummaryFragment } from '../generated/graphql';

type Site = NonNullable<JobSummaryFragment['site']>;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const time = (iso: string) => timeFormat.format(new Date(iso));

/** The promised arrival window, else the scheduled slot, e.g. "09:00–11:00". */
export function timeWindow(
  job: Pick<JobSummaryFragment, 'windowStart' | 'windowEnd' | 'scheduledStart' | 'scheduledEnd'>,
): string {
  const start = job.windowStart ?? job.scheduledStart;
  const end = job.windowStart ? job.windowEnd : job.scheduledEnd;
  if (!start) return 'Any time';
  return end ? `${time(start)}–${time(end)}` : time(start);
}

/** "12 Rose Street, 1012 AB Amsterdam" */
export function addressLine(site: Pick<Site, 'addressLine1' | 'postalCode' | 'city'>): string {
  const place = [site.postalCode, site.city].filter(Boolean).join(' ');
  return [site.addressLine1, place].filter(Boolean).join(', ');
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "Monday, 14 March" */
export const dayLabel = (date = new Date()) => dayFormat.format(date);

/** Route order: scheduled start ascending (unscheduled last), then job number. */
export function byRouteOrder<T extends Pick<JobSummaryFragment, 'scheduledStart' | 'number'>>(
  jobs: readonly T[],
): T[] {
  const key = (j: T) =>
    j.scheduledStart ? Date.parse(j.scheduledStart) : Number.POSITIVE_INFINITY;
  return [...jobs].sort((a, b) => key(a) - key(b) || a.number - b.number);
}

/** Turn-by-turn directions in Google Maps (opens the app on phones). */
export const navigationUrl = (lat: number, lng: number) =>
  `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;

/** Great-circle distance in kilometres. */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "850 m" or "12.4 km" */
export const formatDistance = (km: number) =>
  km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(km < 10 ? 1 : 0)} km`;

/** One day of the job list. */
export interface DayGroup<T> {
  key: 'today' | 'tomorrow' | 'later';
  label: string;
  jobs: T[];
}

/**
 * Today (with unscheduled and overdue jobs), tomorrow and the day after, each in route order.
 * Today is always there (it may be empty); the other days only when they have jobs.
 */
export function groupByDay<T extends Pick<JobSummaryFragment, 'scheduledStart' | 'number'>>(
  jobs: readonly T[],
  now = new Date(),
): DayGroup<T>[] {
  const midnight = (offset: number) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset).getTime();
  const groups: DayGroup<T>[] = [
    { key: 'today', label: 'Today', jobs: [] },
    { key: 'tomorrow', label: 'Tomorrow', jobs: [] },
    { key: 'later', label: dayLabel(new Date(midnight(2))), jobs: [] },
  ];
  for (const job of byRouteOrder(jobs)) {
    const at = job.scheduledStart ? Date.parse(job.scheduledStart) : 0;
    const index = at >= midnight(2) ? 2 : at >= midnight(1) ? 1 : 0;
    groups[index]!.jobs.push(job);
  }
  return groups.filter((g, i) => i === 0 || g.jobs.length > 0);
}
