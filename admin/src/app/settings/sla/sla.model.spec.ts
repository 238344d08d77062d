import type { SlaPolicyFieldsFragment } from '../../generated/graphql';
import {
  calendarSummary,
  hoursOfRows,
  hoursProblem,
  rowProblem,
  rowsOfHours,
  scopeOf,
  slaControlOf,
  slaFormValueOf,
  slaInputOf,
  timeZones,
} from './sla.model';

const weekdays = (start: number, end: number, days = [1, 2, 3, 4, 5]) =>
  days.map((day) => ({ day, start, end }));

function policy(overrides: Partial<SlaPolicyFieldsFragment> = {}): SlaPolicyFieldsFragment {
  return {
    id: 'p1',
    name: 'Plumbing emergencies',
    serviceTypeId: 'st1',
    serviceType: { id: 'st1', name: 'Plumbing' },
    priority: 'EMERGENCY',
    responseMinutes: 30,
    resolutionMinutes: 270,
    businessHours: weekdays(480, 1080),
    timezone: 'America/Chicago',
    holidays: ['2026-12-25', '2026-01-01'],
    warnAt: 0.75,
    active: true,
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

describe('business hours editor', () => {
  it('should list every weekday with the stored ranges ticked when a calendar is loaded', () => {
    const rows = rowsOfHours([
      { day: 1, start: 480, end: 720 },
      { day: 1, start: 780, end: 1020 },
      { day: 6, start: 540, end: 1440 },
    ]);
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.day === 1)).toEqual([
      { day: 1, enabled: true, start: '08:00', end: '12:00' },
      { day: 1, enabled: true, start: '13:00', end: '17:00' },
    ]);
    expect(rows.find((r) => r.day === 6)).toEqual({
      day: 6,
      enabled: true,
      start: '09:00',
      end: '00:00',
    });
    expect(rows.find((r) => r.day === 2)?.enabled).toBe(false);
  });

  it('should offer Monday to Friday when the policy runs around the clock', () => {
    const rows = rowsOfHours(null);
    expect(rows.filter((r) => r.enabled).map((r) => r.day)).toEqual([1, 2, 3, 4, 5]);
  });

  it('should round-trip ranges through the rows when nothing was edited', () => {
    const ranges = [
      { day: 1, start: 480, end: 720 },
      { day: 1, start: 780, end: 1020 },
      { day: 6, start: 540, end: 1440 },
    ];
    expect(hoursOfRows(rowsOfHours(ranges))).toEqual(ranges);
  });

  it('should flag a range that ends before it starts, and overlapping ranges', () => {
    expect(rowProblem({ day: 1, enabled: true, start: '18:00', end: '08:00' })).toMatch(/before/);
    expect(rowProblem({ day: 1, enabled: false, start: '18:00', end: '08:00' })).toBeNull();
    expect(rowProblem({ day: 1, enabled: true, start: '', end: '08:00' })).toMatch(/start/);
    expect(
      hoursProblem([
        { day: 2, enabled: true, start: '08:00', end: '12:00' },
        { day: 2, enabled: true, start: '11:00', end: '14:00' },
      ]),
    ).toBe('The hours on Tuesday overlap');
    expect(hoursProblem([{ day: 2, enabled: false, start: '08:00', end: '12:00' }])).toMatch(
      /at least one day/,
    );
  });
});

describe('SLA policy list', () => {
  it('should summarize the calendar by runs of weekdays when the hours repeat', () => {
    expect(calendarSummary(policy())).toBe('Mon–Fri 08:00–18:00 America/Chicago');
    expect(calendarSummary(policy({ businessHours: null }))).toBe('24/7');
    expect(
      calendarSummary(
        policy({
          businessHours: [...weekdays(480, 1080, [1, 2, 3]), ...weekdays(540, 780, [6, 7])],
          timezone: 'Europe/Prague',
        }),
      ),
    ).toBe('Mon–Wed 08:00–18:00; Sat, Sun 09:00–13:00 Europe/Prague');
  });

  it('should rank policies by specificity when several could apply', () => {
    expect(scopeOf({ serviceTypeId: 's', priority: 'HIGH' })).toEqual({
      rank: 1,
      label: 'Type + priority',
    });
    expect(scopeOf({ serviceTypeId: 's', priority: null }).rank).toBe(2);
    expect(scopeOf({ serviceTypeId: null, priority: 'LOW' }).rank).toBe(3);
    expect(scopeOf({}).label).toBe('Catch-all');
  });

  it('should list the browser zones and keep a stored zone it does not know', () => {
    const zones = timeZones(['Mars/Olympus']);
    expect(zones).toContain('America/Chicago');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Mars/Olympus');
  });
});

describe('SLA policy form', () => {
  it('should round-trip a policy into the input when nothing was edited', () => {
    const input = slaInputOf(slaFormValueOf(policy(), 'Europe/Prague'));
    expect(input).toEqual({
      name: 'Plumbing emergencies',
      serviceTypeId: 'st1',
      priority: 'EMERGENCY',
      responseMinutes: 30,
      resolutionMinutes: 270,
      businessHours: weekdays(480, 1080),
      timezone: 'America/Chicago',
      holidays: ['2026-01-01', '2026-12-25'],
      warnAt: 0.75,
      active: true,
    });
  });

  it('should send no business hours when the clock runs 24/7', () => {
    const value = { ...slaFormValueOf(policy(), 'UTC'), allDay: true };
    expect(slaInputOf(value).businessHours).toBeNull();
  });

  it('should start a new policy in the organization zone with sensible targets', () => {
    const value = slaFormValueOf(null, 'Europe/Prague');
    expect(value.timezone).toBe('Europe/Prague');
    expect(value.serviceTypeId).toBe('');
    expect(slaInputOf(value)).toMatchObject({ serviceTypeId: null, priority: null });
    expect(value.warnAtPercent).toBe(80);
    const input = slaInputOf({
      ...value,
      name: '  Default   policy ',
      holidays: ['', '2026-05-01'],
    });
    expect(input.name).toBe('Default policy');
    expect(input.responseMinutes).toBe(60);
    expect(input.resolutionMinutes).toBe(480);
    expect(input.holidays).toEqual(['2026-05-01']);
  });

  it('should point server fields at their controls when a save is refused', () => {
    expect(slaControlOf('responseMinutes')).toBe('response');
    expect(slaControlOf('input.businessHours.0.start')).toBe('hours');
    expect(slaControlOf('warnAt')).toBe('warnAtPercent');
    expect(slaControlOf('organizationId')).toBeNull();
  });
});
