import {
  applicablePolicy,
  remainingText,
  slaHint,
  slaLabel,
  slaTone,
  usedBar,
  type PolicyLike,
} from './work-order-sla.model';

let seq = 0;
function policy(overrides: Partial<PolicyLike> = {}): PolicyLike {
  seq++;
  return {
    id: `p${seq}`,
    name: `Policy ${seq}`,
    serviceTypeId: null,
    priority: null,
    responseMinutes: 60,
    resolutionMinutes: 480,
    businessHours: null,
    active: true,
    createdAt: new Date(2026, 0, seq).toISOString(),
    ...overrides,
  };
}

describe('SLA chip', () => {
  it('should colour each state when showing it', () => {
    expect(slaTone('ON_TRACK')).toBe('success');
    expect(slaTone('AT_RISK')).toBe('warning');
    expect(slaTone('BREACHED')).toBe('danger');
    expect(slaTone('MET')).toBe('success');
    expect(slaTone('MISSED')).toBe('danger');
    expect(slaTone('NONE')).toBe('neutral');
  });

  it('should label states for people', () => {
    expect(slaLabel('AT_RISK')).toBe('At risk');
    expect(slaLabel('NONE')).toBe('No SLA');
  });
});

describe('remainingText', () => {
  it('should count down when the order is open', () => {
    expect(remainingText({ state: 'ON_TRACK', minutesRemaining: 135 })).toBe('2 h 15 min left');
    expect(remainingText({ state: 'BREACHED', minutesRemaining: -45 })).toBe('overdue by 45 min');
  });

  it('should say how early or late a completed order finished', () => {
    expect(remainingText({ state: 'MET', minutesRemaining: 30 })).toBe('finished 30 min early');
    expect(remainingText({ state: 'MISSED', minutesRemaining: -120 })).toBe('finished 2 h late');
  });

  it('should show a dash when there is no SLA', () => {
    expect(remainingText({ state: 'NONE', minutesRemaining: null })).toBe('—');
  });
});

describe('usedBar', () => {
  it('should clamp the bar and flag an overflow when more than the time is used', () => {
    expect(usedBar(42.5)).toEqual({ width: 42.5, over: false });
    expect(usedBar(130)).toEqual({ width: 100, over: true });
    expect(usedBar(null)).toEqual({ width: 0, over: false });
  });
});

describe('applicablePolicy', () => {
  it('should prefer service type and priority over type over priority over catch-all', () => {
    const catchAll = policy();
    const byPriority = policy({ priority: 'HIGH' });
    const byType = policy({ serviceTypeId: 't1' });
    const both = policy({ serviceTypeId: 't1', priority: 'HIGH' });
    const all = [catchAll, byPriority, byType, both];
    expect(applicablePolicy(all, 't1', 'HIGH')).toBe(both);
    expect(applicablePolicy(all, 't1', 'LOW')).toBe(byType);
    expect(applicablePolicy(all, 't2', 'HIGH')).toBe(byPriority);
    expect(applicablePolicy(all, null, 'NORMAL')).toBe(catchAll);
  });

  it('should pick the strictest among equally specific policies and skip inactive ones', () => {
    const loose = policy({ resolutionMinutes: 600 });
    const strict = policy({ resolutionMinutes: 120 });
    const inactive = policy({ resolutionMinutes: 10, active: false });
    expect(applicablePolicy([loose, strict, inactive], null, 'LOW')).toBe(strict);
  });

  it('should find none when no policy matches', () => {
    expect(applicablePolicy([policy({ serviceTypeId: 't9' })], 't1', 'LOW')).toBeNull();
  });
});

describe('slaHint', () => {
  it('should state the targets and the business clock when a policy applies', () => {
    const p = policy({
      name: 'Urgent',
      responseMinutes: 60,
      resolutionMinutes: 240,
      businessHours: [{}],
    });
    expect(slaHint(p)).toBe(
      'SLA (Urgent): respond within 1 h, resolve within 4 h (business hours)',
    );
    expect(slaHint(null)).toBeNull();
  });
});
