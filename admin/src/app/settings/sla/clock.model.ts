/** Durations and local times of day, as the settings pages show and edit them. */

const pad = (n: number) => String(n).padStart(2, '0');

/** 90 → { hours: 1, minutes: 30 }, for an hours + minutes pair of inputs. */
export function splitMinutes(total: number | null | undefined): {
  hours: number | null;
  minutes: number | null;
} {
  if (total == null || !Number.isFinite(total)) return { hours: null, minutes: null };
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

/**
 * Hours + minutes → minutes; an empty box counts as 0, both empty is null. Null as well for a
 * negative, fractional or out-of-range part (minutes are 0–59), so the form can flag it.
 */
export function joinMinutes(
  hours: number | null | undefined,
  minutes: number | null | undefined,
): number | null {
  if (hours == null && minutes == null) return null;
  const h = hours ?? 0;
  const m = minutes ?? 0;
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return null;
  return h * 60 + m;
}

/** 90 → "1 h 30 min", 120 → "2 h", 45 → "45 min", 0 → "0 min". */
export function formatMinutes(total: number | null | undefined): string {
  if (total == null || !Number.isFinite(total)) return '—';
  const { hours, minutes } = splitMinutes(total);
  if (!hours) return `${minutes ?? 0} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/** Minutes after local midnight → "HH:mm" (1440, the end of the day, is "24:00"). */
export function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Minutes after midnight → the value of an `<input type="time">` (1440 shows as "00:00"). */
export function timeInputOf(minutes: number | null | undefined): string {
  if (minutes == null) return '';
  return clockOf(minutes % 1440);
}

/** "08:30" → 510; null when the value is not a time. */
export function minutesOfTime(value: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec((value ?? '').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** Like {@link minutesOfTime}, but an end at "00:00" means midnight at the end of the day. */
export function endMinutesOfTime(value: string | null | undefined): number | null {
  const m = minutesOfTime(value);
  return m === 0 ? 1440 : m;
}
