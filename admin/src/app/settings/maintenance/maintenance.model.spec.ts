import type { MaintenancePlanFieldsFragment } from '../../generated/graphql';
import {
  hasTarget,
  planControlOf,
  planFormValueOf,
  planInputOf,
  runSummary,
  targetSummary,
  todayIso,
} from './maintenance.model';
import {
  buildRule,
  defaultRuleBuilder,
  parseRule,
  rawRuleProblem,
  ruleProblem,
  scheduleSummary,
  type RuleBuilder,
} from './schedule.model';

function plan(
  overrides: Partial<MaintenancePlanFieldsFragment> = {},
): MaintenancePlanFieldsFragment {
  return {
    id: 'mp1',
    name: 'Boiler check',
    priority: 'NORMAL',
    asset: 'Boiler 2',
    intervalDays: null,
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
    startsOn: '2026-04-01',
    leadDays: 7,
    active: true,
    lastGeneratedAt: null,
    generatedCount: 3,
    nextDueDates: ['2026-05-01', '2026-06-01', '2026-07-01'],
    serviceType: { id: 'st1', name: 'Boiler service' },
    team: null,
    technician: { id: 't1', name: 'Jana' },
    room: { id: 'r1', number: '101', floor: 1 },
    site: null,
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

const builder = (overrides: Partial<RuleBuilder>): RuleBuilder => ({
  ...defaultRuleBuilder(),
  ...overrides,
});

describe('calendar rule builder', () => {
  it('should build monthly, weekly and yearly rules when the builder is used', () => {
    expect(buildRule(builder({ kind: 'MONTHLY', monthDay: 15 }))).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=15',
    );
    expect(buildRule(builder({ kind: 'MONTHLY', monthDay: 1, interval: 3 }))).toBe(
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1',
    );
    expect(buildRule(builder({ kind: 'WEEKLY', weekdays: ['TH', 'MO'] }))).toBe(
      'FREQ=WEEKLY;BYDAY=MO,TH',
    );
    expect(buildRule(builder({ kind: 'YEARLY', month: 3, monthDay: 20 }))).toBe(
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=20',
    );
    expect(buildRule(builder({ kind: 'CUSTOM', raw: ' rrule:freq=daily;interval=10 ' }))).toBe(
      'FREQ=DAILY;INTERVAL=10',
    );
  });

  it('should read back the rules it builds whatever the order of the parts', () => {
    for (const b of [
      builder({ kind: 'MONTHLY', monthDay: 31, interval: 2 }),
      builder({ kind: 'WEEKLY', weekdays: ['MO', 'WE', 'FR'] }),
      builder({ kind: 'YEARLY', month: 2, monthDay: 29 }),
    ]) {
      const rule = buildRule(b);
      expect(buildRule(parseRule(rule))).toBe(rule);
    }
    expect(parseRule('BYMONTHDAY=5;FREQ=MONTHLY')).toMatchObject({ kind: 'MONTHLY', monthDay: 5 });
  });

  it('should keep a rule the builder does not cover as a custom rule', () => {
    expect(parseRule('FREQ=MONTHLY;BYDAY=1MO')).toMatchObject({
      kind: 'CUSTOM',
      raw: 'FREQ=MONTHLY;BYDAY=1MO',
    });
    expect(parseRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30').kind).toBe('CUSTOM');
    expect(parseRule(null).kind).toBe('MONTHLY');
  });

  it('should flag rules the server would refuse', () => {
    expect(ruleProblem(builder({ kind: 'WEEKLY', weekdays: [] }))).toMatch(/weekday/);
    expect(ruleProblem(builder({ kind: 'YEARLY', month: 4, monthDay: 31 }))).toBe(
      'April has no day 31',
    );
    expect(ruleProblem(builder({ kind: 'MONTHLY', interval: 0 }))).toMatch(/1 or more/);
    expect(rawRuleProblem('')).toMatch(/Give a calendar rule/);
    expect(rawRuleProblem('FREQ=HOURLY')).toMatch(/daily, weekly, monthly or yearly/);
    expect(rawRuleProblem('BYMONTHDAY=1')).toMatch(/FREQ is missing/);
    expect(rawRuleProblem('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toMatch(/Starts on/);
    expect(rawRuleProblem('FREQ=MONTHLY;BYMONTHDAY=1')).toBeNull();
  });

  it('should describe a schedule in words for the list', () => {
    expect(scheduleSummary({ intervalDays: 30 })).toBe('Every 30 days');
    expect(scheduleSummary({ intervalDays: 1 })).toBe('Every day');
    expect(scheduleSummary({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' })).toBe('Every month on the 1st');
    expect(scheduleSummary({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TH' })).toBe(
      'Every week on Monday, Thursday',
    );
    expect(scheduleSummary({ intervalDays: null, rrule: null })).toBe('—');
  });
});

describe('maintenance plan form', () => {
  it('should round-trip a calendar plan into the input when nothing was edited', () => {
    expect(planInputOf(planFormValueOf(plan(), '2026-03-01'))).toEqual({
      name: 'Boiler check',
      serviceTypeId: 'st1',
      priority: 'NORMAL',
      intervalDays: null,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
      startsOn: '2026-04-01',
      leadDays: 7,
      asset: 'Boiler 2',
      roomId: 'r1',
      siteId: null,
      technicianId: 't1',
      teamId: null,
    });
  });

  it('should clear the rule when the plan switches to every N days', () => {
    const value = { ...planFormValueOf(plan(), '2026-03-01'), mode: 'interval' as const };
    value.intervalDays = 14;
    const input = planInputOf(value);
    expect(input.intervalDays).toBe(14);
    expect(input.rrule).toBeNull();
  });

  it('should start a new plan today, every 30 days, a week ahead', () => {
    const value = planFormValueOf(null, '2026-03-01');
    expect(value).toMatchObject({
      mode: 'interval',
      intervalDays: 30,
      startsOn: '2026-03-01',
      leadDays: 7,
      priority: 'NORMAL',
    });
    expect(hasTarget(value)).toBe(false);
    expect(hasTarget({ ...value, asset: ' Lift ' })).toBe(true);
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('should list what a plan maintains for the list', () => {
    expect(targetSummary(plan())).toBe('Boiler 2 · Room 101');
    expect(
      targetSummary(
        plan({ asset: null, room: null, site: { id: 's', name: 'Main office', city: 'Brno' } }),
      ),
    ).toBe('Main office, Brno');
    expect(targetSummary(plan({ asset: null, room: null }))).toBe('—');
  });

  it('should point server fields at their controls and report a run', () => {
    expect(planControlOf('rrule')).toBe('rule');
    expect(planControlOf('input.leadDays')).toBe('leadDays');
    expect(runSummary({ created: 3, skipped: 1 })).toBe('Created 3, skipped 1');
  });
});
