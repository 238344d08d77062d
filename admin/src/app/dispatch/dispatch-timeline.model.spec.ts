import {
  atLocalTime,
  dropStart,
  hourTicks,
  initialScrollX,
  isDay,
  localTime,
  MIN_BLOCK_WIDTH,
  proposedTime,
  shiftDay,
  snapMs,
  spanOf,
  stackLane,
  timeAtX,
  timeRange,
  timeScale,
  todayIn,
  workingWindow,
  xOf,
} from './dispatch-timeline.model';

const ZONE = 'Europe/Berlin';
// An ordinary day: 2026-05-12 local midnight is 22:00 UTC the day before (CEST, +02:00).
const MAY = timeScale('2026-05-11T22:00:00.000Z', '2026-05-12T22:00:00.000Z', 60);
// Clocks go back at 03:00 on 2026-10-25: the day has 25 hours.
const FALL = timeScale('2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 60);
// Clocks go forward at 02:00 on 2026-03-29: the day has 23 hours.
const SPRING = timeScale('2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 60);

interface Job {
  id: string;
  start: string | null;
  end: string | null;
}
let seq = 0;
function job(start: string | null, end: string | null): Job {
  seq++;
  return { id: `j${seq}`, start, end };
}
const utc = (hhmm: string, date = '2026-05-12') => `${date}T${hhmm}:00.000Z`;

describe('dispatch timeline scale', () => {
  it('should map time to x and back linearly when the day is ordinary', () => {
    expect(MAY.width).toBe(24 * 60);
    expect(xOf(MAY, '2026-05-12T07:00:00.000Z')).toBe(9 * 60);
    expect(new Date(timeAtX(MAY, 9 * 60)).toISOString()).toBe('2026-05-12T07:00:00.000Z');
  });

  it('should make a 25-hour timeline with a repeated hour label when clocks go back', () => {
    expect(FALL.width).toBe(25 * 60);
    const ticks = hourTicks(FALL, ZONE);
    expect(ticks).toHaveLength(25);
    expect(ticks.map((t) => t.label).slice(0, 5)).toEqual(['00', '01', '02', '02', '03']);
    expect(ticks.at(-1)).toMatchObject({ label: '23', x: 24 * 60 });
  });

  it('should make a 23-hour timeline without 02:00 when clocks go forward', () => {
    const ticks = hourTicks(SPRING, ZONE);
    expect(ticks).toHaveLength(23);
    expect(ticks.map((t) => t.label).slice(0, 4)).toEqual(['00', '01', '03', '04']);
  });

  it('should place a job after the repeated hour by elapsed time when the day has 25 hours', () => {
    // 10:00 local on the fall-back day is 09:00 UTC, 11 elapsed hours after local midnight.
    expect(xOf(FALL, '2026-10-25T09:00:00.000Z')).toBe(11 * 60);
    expect(localTime('2026-10-25T09:00:00.000Z', ZONE)).toBe('10:00');
  });
});

describe('dispatch drop snapping', () => {
  it('should snap a drop to the nearest quarter hour when it falls between', () => {
    const nineLocal = 9 * 60; // 09:00 local = 07:00 UTC
    expect(dropStart(MAY, nineLocal + 7)).toBe(utc('07:00'));
    expect(dropStart(MAY, nineLocal + 8)).toBe(utc('07:15'));
    expect(dropStart(MAY, nineLocal + 52)).toBe(utc('07:45'));
    expect(dropStart(MAY, nineLocal + 53)).toBe(utc('08:00'));
  });

  it('should keep a drop inside the day when it lands before the start or past the end', () => {
    expect(dropStart(MAY, -40)).toBe('2026-05-11T22:00:00.000Z');
    expect(dropStart(MAY, MAY.width + 100)).toBe('2026-05-12T21:45:00.000Z');
  });

  it('should snap to local quarter hours in the repeated hour when the day has 25 hours', () => {
    // 2.5 elapsed hours = 02:30 the first time (+02:00), i.e. 00:30 UTC.
    const first = dropStart(FALL, 2.5 * 60 + 4);
    expect(first).toBe('2026-10-25T00:30:00.000Z');
    expect(localTime(first, ZONE)).toBe('02:30');
    // 3.5 elapsed hours = 02:30 the second time (+01:00), i.e. 01:30 UTC.
    const second = dropStart(FALL, 3.5 * 60 - 5);
    expect(second).toBe('2026-10-25T01:30:00.000Z');
    expect(localTime(second, ZONE)).toBe('02:30');
  });

  it('should snap to other step sizes relative to local midnight when asked', () => {
    const ms = Date.parse('2026-05-12T07:19:00.000Z');
    expect(new Date(snapMs(MAY, ms, 30)).toISOString()).toBe(utc('07:30'));
    expect(new Date(snapMs(MAY, ms, 60)).toISOString()).toBe(utc('07:00'));
  });
});

describe('dispatch lane layout', () => {
  it('should clip a job crossing midnight to the day and say which ends were cut', () => {
    const span = spanOf(MAY, '2026-05-11T21:00:00.000Z', '2026-05-11T23:30:00.000Z');
    expect(span).toEqual({ left: 0, width: 90, clippedStart: true, clippedEnd: false });
    expect(spanOf(MAY, '2026-05-13T01:00:00.000Z', '2026-05-13T02:00:00.000Z')).toBeNull();
  });

  it('should stack overlapping jobs on separate rows and reuse a row once it is free', () => {
    const a = job(utc('07:00'), utc('08:30'));
    const b = job(utc('08:00'), utc('09:00')); // overlaps a
    const c = job(utc('08:30'), utc('09:30')); // starts when a ends: a's row again
    const d = job(utc('08:15'), utc('08:45')); // overlaps a and b
    const layout = stackLane(
      MAY,
      [c, d, b, a],
      (j) => j.start,
      (j) => j.end,
    );
    const rowOf = (j: Job) => layout.blocks.find((x) => x.item === j)!.row;
    expect([rowOf(a), rowOf(b), rowOf(d), rowOf(c)]).toEqual([0, 1, 2, 0]);
    expect(layout.rows).toBe(3);
    expect(layout.blocks.find((x) => x.item === a)).toMatchObject({ left: 9 * 60, width: 90 });
  });

  it('should leave out unscheduled jobs and keep short ones grabbable', () => {
    const layout = stackLane(
      MAY,
      [job(null, null), job(utc('07:00'), utc('07:03'))],
      (j) => j.start,
      (j) => j.end,
    );
    expect(layout.blocks).toHaveLength(1);
    expect(layout.blocks[0]!.width).toBe(MIN_BLOCK_WIDTH);
    expect(
      stackLane(
        MAY,
        [],
        (j: Job) => j.start,
        (j) => j.end,
      ).rows,
    ).toBe(1);
  });
});

describe('dispatch fitted hours', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const window = (spans: { start: string | null; end: string | null }[]) => {
    const w = workingWindow(MAY.startMs, MAY.endMs, spans);
    return [iso(w.start), iso(w.end)];
  };

  it('should span whole hours from the first shift or job to the last, with an hour around', () => {
    expect(
      window([
        { start: utc('06:00'), end: utc('14:00') }, // shift 08:00–16:00 local
        { start: utc('14:30'), end: utc('15:10') }, // a late job, to 17:10 local
      ]),
    ).toEqual([utc('05:00'), utc('17:00')]);
  });

  it('should stay inside the day and show 07:00–19:00 when nothing is planned', () => {
    expect(window([{ start: '2026-05-11T20:00:00.000Z', end: utc('02:00') }])).toEqual(
      [MAY.startMs, Date.parse(utc('03:00'))].map(iso),
    );
    expect(window([{ start: null, end: null }])).toEqual([utc('05:00'), utc('17:00')]);
  });

  it('should keep elapsed hours on a 25-hour day', () => {
    const w = workingWindow(FALL.startMs, FALL.endMs, []);
    // 7 and 19 elapsed hours after local midnight: 06:00 and 18:00 local after clocks go back.
    expect(localTime(w.start, ZONE)).toBe('06:00');
    expect(localTime(w.end, ZONE)).toBe('18:00');
  });
});

describe('dispatch days and local times', () => {
  it('should tell the local date in the organization zone when it differs from UTC', () => {
    const now = new Date('2026-05-12T22:30:00.000Z');
    expect(todayIn(ZONE, now)).toBe('2026-05-13');
    expect(todayIn('America/New_York', now)).toBe('2026-05-12');
  });

  it('should step days across month ends and DST changes', () => {
    expect(shiftDay('2026-10-24', 1)).toBe('2026-10-25');
    expect(shiftDay('2026-10-25', 1)).toBe('2026-10-26');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('should accept only real calendar days in the URL', () => {
    expect(isDay('2026-05-12')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('12.05.2026')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('should turn a typed local time into an instant on the day', () => {
    expect(atLocalTime('2026-05-12', '09:30', ZONE)).toBe('2026-05-12T07:30:00.000Z');
    expect(atLocalTime('2026-10-25', '12:00', ZONE)).toBe('2026-10-25T11:00:00.000Z');
    // 02:30 does not exist on the spring day: it becomes 03:30 CEST.
    expect(atLocalTime('2026-03-29', '02:30', ZONE)).toBe('2026-03-29T01:30:00.000Z');
    expect(atLocalTime('2026-05-12', '24:10', ZONE)).toBeNull();
    expect(atLocalTime('2026-05-12', 'soon', ZONE)).toBeNull();
  });

  it('should propose the next quarter hour today and the shift start on other days', () => {
    const now = new Date('2026-05-12T08:07:00.000Z'); // 10:07 local
    const shift = '2026-05-12T06:00:00.000Z'; // 08:00 local
    expect(proposedTime('2026-05-12', ZONE, shift, now)).toBe('10:15');
    expect(proposedTime('2026-05-13', ZONE, '2026-05-13T06:00:00.000Z', now)).toBe('08:00');
    expect(proposedTime('2026-05-13', ZONE, null, now)).toBe('09:00');
    const early = new Date('2026-05-12T03:00:00.000Z'); // 05:00 local, before the shift
    expect(proposedTime('2026-05-12', ZONE, shift, early)).toBe('08:00');
  });

  it('should format ranges in the organization zone and scroll to an hour before shifts', () => {
    expect(timeRange(utc('07:00'), utc('08:30'), ZONE)).toBe('09:00–10:30');
    expect(initialScrollX(MAY, ZONE, [utc('06:00'), null, utc('05:00')])).toBe(6 * 60);
    expect(initialScrollX(MAY, ZONE, [])).toBe(6 * 60);
  });
});
