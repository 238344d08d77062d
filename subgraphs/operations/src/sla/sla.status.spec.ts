import type { WorkOrderStatus } from '@attendant/db';
import { slaRisk, slaStatus, type SlaPolicyView, type SlaRowLike } from './sla.status';
import { SlaState } from './sla.type';

const at = (iso: string) => new Date(iso);
const CREATED = '2026-03-02T08:00:00Z'; // Monday 09:00 in Prague

const order = (over: Partial<SlaRowLike> = {}): SlaRowLike => ({
  status: 'NEW' as WorkOrderStatus,
  createdAt: at(CREATED),
  slaDueAt: at('2026-03-02T12:00:00Z'),
  responseDueAt: at('2026-03-02T09:00:00Z'),
  respondedAt: null,
  completedAt: null,
  slaPolicyId: 'p1',
  ...over,
});

// Mon–Fri 09:00–17:00 in Prague, warn at 75 %.
const office: SlaPolicyView = {
  id: 'p1',
  name: 'Office hours',
  warnAt: 0.75,
  calendar: {
    businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: 540, end: 1020 })),
    timezone: 'Europe/Prague',
    holidays: [],
  },
};

describe('SLA status', () => {
  it('should be NONE when an order has no resolution deadline', () => {
    const s = slaStatus(order({ slaDueAt: null, responseDueAt: null }), at(CREATED));
    expect(s).toMatchObject({ state: SlaState.NONE, minutesRemaining: null, percentUsed: null });
    expect(slaRisk(order({ slaDueAt: null }), at(CREATED))).toBe(0);
  });

  it('should be NONE when the order was cancelled, even past its deadline', () => {
    const s = slaStatus(order({ status: 'CANCELLED' }), at('2026-03-03T08:00:00Z'), office);
    expect(s.state).toBe(SlaState.NONE);
    expect(s.responseBreached).toBe(false);
  });

  it('should be ON_TRACK with business minutes remaining when little time is used', () => {
    const s = slaStatus(order(), at('2026-03-02T09:00:00Z'), office);
    expect(s).toMatchObject({
      state: SlaState.ON_TRACK,
      minutesRemaining: 180,
      percentUsed: 25,
      policyName: 'Office hours',
    });
  });

  it("should be AT_RISK when the policy's warning share is used", () => {
    const s = slaStatus(order(), at('2026-03-02T11:00:00Z'), office);
    expect(s).toMatchObject({ state: SlaState.AT_RISK, minutesRemaining: 60, percentUsed: 75 });
  });

  it('should be BREACHED with negative minutes when the deadline has passed', () => {
    const s = slaStatus(order(), at('2026-03-02T12:30:00Z'), office);
    expect(s.state).toBe(SlaState.BREACHED);
    expect(s.minutesRemaining).toBe(-30);
    expect(s.percentUsed).toBeGreaterThan(100);
    expect(slaRisk(order(), at('2026-03-02T12:30:00Z'), office)).toBeCloseTo(1 + 30 / 240);
  });

  it('should count minutes remaining on the business clock when the night intervenes', () => {
    const row = order({
      createdAt: at('2026-03-06T15:00:00Z'),
      slaDueAt: at('2026-03-09T10:00:00Z'),
    });
    // Friday 16:00 Prague → Monday 11:00: 60 minutes Friday + 120 on Monday.
    const s = slaStatus(row, at('2026-03-07T12:00:00Z'), office);
    expect(s).toMatchObject({ state: SlaState.ON_TRACK, minutesRemaining: 120, percentUsed: 33.3 });
  });

  it('should be MET or MISSED by the completion time when the order is completed', () => {
    const met = slaStatus(
      order({ status: 'COMPLETED', completedAt: at('2026-03-02T11:30:00Z') }),
      at('2026-03-05T08:00:00Z'),
      office,
    );
    expect(met).toMatchObject({ state: SlaState.MET, minutesRemaining: 30 });
    const missed = slaStatus(
      order({ status: 'COMPLETED', completedAt: at('2026-03-02T13:00:00Z') }),
      at('2026-03-05T08:00:00Z'),
      office,
    );
    expect(missed).toMatchObject({ state: SlaState.MISSED, minutesRemaining: -60 });
    expect(slaRisk(order({ status: 'COMPLETED' }), at('2026-03-05T08:00:00Z'), office)).toBe(0);
  });

  it('should report a late or missing first response as breached', () => {
    const late = at('2026-03-02T09:30:00Z');
    expect(slaStatus(order(), late, office).responseBreached).toBe(true);
    expect(
      slaStatus(order({ respondedAt: at('2026-03-02T08:30:00Z') }), late).responseBreached,
    ).toBe(false);
    expect(slaStatus(order({ respondedAt: late }), late).responseBreached).toBe(true);
    expect(slaStatus(order(), at('2026-03-02T08:30:00Z')).responseBreached).toBe(false);
  });

  it('should use the real clock and an 80 % threshold when the order has no policy', () => {
    const row = order({ slaPolicyId: null });
    expect(slaStatus(row, at('2026-03-02T11:00:00Z')).state).toBe(SlaState.ON_TRACK);
    expect(slaStatus(row, at('2026-03-02T11:12:00Z')).state).toBe(SlaState.AT_RISK);
    expect(slaRisk(row, at('2026-03-02T10:00:00Z'))).toBeCloseTo(0.5);
  });

  it('should stay finite and above 1 when a deadline passed with no business time before it', () => {
    // Created and due on a Saturday: the business clock never ran.
    const row = order({
      createdAt: at('2026-03-07T08:00:00Z'),
      slaDueAt: at('2026-03-07T09:00:00Z'),
    });
    const risk = slaRisk(row, at('2026-03-07T10:00:00Z'), office);
    expect(Number.isFinite(risk)).toBe(true);
    expect(risk).toBeGreaterThan(1);
    expect(slaRisk(row, at('2026-03-07T08:30:00Z'), office)).toBe(0);
    expect(slaStatus(row, at('2026-03-07T10:00:00Z'), office).state).toBe(SlaState.BREACHED);
  });

  it('should count from slaStartsAt, not createdAt, when the order has a clock start', () => {
    // Generated the Friday before; the work is due Monday 09:00 Prague, resolved by 13:00.
    const row = order({
      createdAt: at('2026-02-27T08:00:00Z'),
      slaStartsAt: at(CREATED),
    });
    const friday = slaStatus(row, at('2026-02-27T16:00:00Z'), office); // Friday 17:00 Prague
    expect(friday).toMatchObject({ state: SlaState.ON_TRACK, percentUsed: 0 });
    expect(friday.minutesRemaining).toBe(240);
    expect(slaRisk(row, at('2026-03-02T07:59:00Z'), office)).toBe(0);
    expect(slaStatus(row, at('2026-03-02T10:00:00Z'), office).percentUsed).toBe(50);
    expect(slaStatus(row, at('2026-03-02T11:00:00Z'), office).state).toBe(SlaState.AT_RISK);
    expect(slaStatus(row, at('2026-03-02T12:00:00Z'), office).state).toBe(SlaState.BREACHED);
  });

  it('should count from createdAt when slaStartsAt is null or not read', () => {
    const now = at('2026-03-02T10:00:00Z');
    const withNull = order({ slaStartsAt: null });
    const withoutField: SlaRowLike = { ...withNull };
    delete withoutField.slaStartsAt;
    expect(slaRisk(withNull, now, office)).toBeCloseTo(0.5);
    expect(slaRisk(withoutField, now, office)).toBeCloseTo(0.5);
    expect(slaStatus(withoutField, now, office).percentUsed).toBe(50);
  });
});
