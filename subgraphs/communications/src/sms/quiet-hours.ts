/*
 * Quiet hours hold marketing messages back at night in the recipient's time zone (or the
 * organization's when the recipient's is unknown). The window is given in minutes after local
 * midnight; a start after the end wraps past midnight (21:00–08:00). A message composed inside
 * the window is sent when it ends. Transactional messages (a technician on the way, a room ready)
 * are never held.
 */

export interface QuietHours {
  /** Minutes after local midnight, 0–1439. */
  start: number;
  end: number;
  timeZone: string;
}

/** Minutes after midnight and the local calendar date of `at` in `timeZone`. */
function localClock(at: Date, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function inWindow(minutes: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * When a message composed at `now` may go out: `now` outside quiet hours, else the end of the
 * window (local wall-clock time, so daylight-saving changes are followed).
 */
export function quietHoursRelease(now: Date, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const { minutes, seconds } = localClock(now, quiet.timeZone);
  if (!inWindow(minutes, quiet.start, quiet.end)) return now;
  const wait = (quiet.end - minutes + 1440) % 1440;
  const candidate = new Date(now.getTime() + (wait * 60 - seconds) * 1000);
  // A daylight-saving shift inside the wait moves the local clock by the shift: correct for it.
  const drift = localClock(candidate, quiet.timeZone).minutes - quiet.end;
  const normalized = ((drift + 720) % 1440) - 720;
  const release = new Date(candidate.getTime() - normalized * 60_000);
  return new Date(Math.floor(release.getTime() / 1000) * 1000);
}
