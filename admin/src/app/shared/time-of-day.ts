/*
 * Times of day as the API and the forms speak them: the API in minutes after local midnight
 * (0–1440, 1440 being the end of the day), people in "HH:mm".
 */

export const DAY_MINUTES = 1440;
const pad = (n: number) => String(n).padStart(2, '0');

/** 480 → "08:00"; 1440 → "24:00" (the end of the day). */
export function clockOf(min: number): string {
  return `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
}

/** 480, 1020 → "08:00–17:00". */
export function clockRange(startMin: number, endMin: number): string {
  return `${clockOf(startMin)}–${clockOf(endMin)}`;
}

/**
 * Minutes → the value of an `<input type="time">`. Such an input cannot hold 24:00, so the end
 * of the day is shown as 00:00 (read back as 1440 by `fromTimeInput(…, true)`).
 */
export function toTimeInput(min: number | null | undefined): string {
  if (min == null || !Number.isFinite(min)) return '';
  return clockOf(((min % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES);
}

/** "HH:mm" → minutes after midnight; an end time of 00:00 (or 24:00) is the end of the day. */
export function fromTimeInput(value: string | null | undefined, end = false): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(value ?? '');
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0) return DAY_MINUTES;
  if (hours > 23) return null;
  const total = hours * 60 + minutes;
  return end && total === 0 ? DAY_MINUTES : total;
}
