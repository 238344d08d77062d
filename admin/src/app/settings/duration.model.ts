/** Durations (SLA targets, service times) as the settings pages show and edit them. */

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
