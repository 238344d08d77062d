import type { DomainEvent } from '@attendant/kit';
import {
  arrivalCandidate,
  candidateOf,
  deliveryChannels,
  DEFAULT_PREFERENCES,
  escalationSteps,
  ruleFor,
  type ArrivalFacts,
} from './alert-rules';

const event = (
  type: string,
  entityType: string,
  payload: Record<string, unknown>,
): DomainEvent => ({
  id: 'e1',
  type,
  entityType,
  entityId: 'x1',
  organizationId: 'org',
  payload,
  occurredAt: '2026-11-20T12:00:00.000Z',
});

describe('alert rules', () => {
  it('should key an SLA alert per work order and raise a breach at least CRITICAL', () => {
    const atRisk = candidateOf(
      event('WorkOrderSlaAtRisk', 'WorkOrder', { number: 9, title: 'Leak' }),
    );
    const breached = candidateOf(event('WorkOrderSlaBreached', 'WorkOrder', { number: 9 }));
    expect(atRisk).toMatchObject({ kind: 'SLA_AT_RISK', dedupeKey: 'WorkOrder:x1:sla-at-risk' });
    expect(atRisk!.minSeverity).toBeUndefined();
    expect(breached).toMatchObject({
      dedupeKey: 'WorkOrder:x1:sla-breached',
      minSeverity: 'CRITICAL',
    });
  });

  it('should raise for a failed or undelivered outbound message only, keyed by the message', () => {
    const base = { channel: 'SMS', direction: 'OUTBOUND' };
    const failed = candidateOf(
      event('MessageStatusChanged', 'Message', { ...base, status: 'FAILED' }),
    );
    const undelivered = candidateOf(
      event('MessageStatusChanged', 'Message', { ...base, status: 'UNDELIVERED', guestId: 'g1' }),
    );
    expect(failed!.dedupeKey).toBe(undelivered!.dedupeKey);
    expect(undelivered).toMatchObject({ entityType: 'Guest', entityId: 'g1' });
    expect(
      candidateOf(event('MessageStatusChanged', 'Message', { ...base, status: 'SENT' })),
    ).toBeNull();
    expect(
      candidateOf(
        event('MessageStatusChanged', 'Message', {
          channel: 'SMS',
          direction: 'INBOUND',
          status: 'FAILED',
        }),
      ),
    ).toBeNull();
  });

  it('should raise for a failed sync run only', () => {
    expect(candidateOf(event('SyncRunProgressed', 'SyncRun', { status: 'COMPLETED' }))).toBeNull();
    expect(
      candidateOf(event('SyncRunProgressed', 'SyncRun', { status: 'FAILED', error: 'x' })),
    ).toMatchObject({
      kind: 'SYNC_FAILED',
      body: 'x',
    });
  });

  const arrival = (over: Partial<ArrivalFacts> = {}): ArrivalFacts => ({
    reservationId: 'r1',
    arrivalAt: new Date('2026-11-21T15:00:00Z'),
    status: 'CONFIRMED',
    guestId: 'g1',
    guestName: 'Ana Novak',
    roomNumber: '101',
    vip: true,
    completeness: 50,
    openOrders: [{ number: 3, title: 'Fix AC' }],
    ...over,
  });
  const now = new Date('2026-11-20T15:00:00Z');

  it('should alert a VIP arrival only with open orders, a normal guest never', () => {
    const rule = ruleFor('VIP_ARRIVAL_OPEN_ORDERS', null);
    expect(arrivalCandidate('VIP_ARRIVAL_OPEN_ORDERS', arrival(), rule, now)?.title).toBe(
      'VIP Ana Novak arrives with 1 open work order (room 101)',
    );
    expect(
      arrivalCandidate('VIP_ARRIVAL_OPEN_ORDERS', arrival({ openOrders: [] }), rule, now),
    ).toBeNull();
    expect(
      arrivalCandidate('VIP_ARRIVAL_OPEN_ORDERS', arrival({ vip: false }), rule, now),
    ).toBeNull();
    expect(
      arrivalCandidate('VIP_ARRIVAL_OPEN_ORDERS', arrival({ status: 'CANCELLED' }), rule, now),
    ).toBeNull();
  });

  it('should alert low completeness below the rule threshold, not at or above it', () => {
    const rule = { ...ruleFor('LOW_COMPLETENESS_BEFORE_ARRIVAL', null), threshold: 60 };
    const kind = 'LOW_COMPLETENESS_BEFORE_ARRIVAL';
    expect(arrivalCandidate(kind, arrival({ completeness: 59 }), rule, now)).not.toBeNull();
    expect(arrivalCandidate(kind, arrival({ completeness: 60 }), rule, now)).toBeNull();
    expect(arrivalCandidate(kind, arrival({ completeness: null }), rule, now)).toBeNull();
    // Already arrived: too late to matter.
    expect(
      arrivalCandidate(
        kind,
        arrival({ completeness: 10, arrivalAt: new Date(now.getTime() - 1) }),
        rule,
        now,
      ),
    ).toBeNull();
  });

  it('should escalate through the named chain in order, then to the managers', () => {
    const rule = { ...ruleFor('SYNC_FAILED', null), escalationUserIds: ['u1', 'u2'] };
    expect(escalationSteps(rule)).toEqual([{ userIds: ['u1'] }, { userIds: ['u2'] }, 'MANAGERS']);
    expect(escalationSteps({ ...rule, escalateToManagers: false })).toHaveLength(2);
    expect(escalationSteps({ ...rule, escalationUserIds: [], escalateToManagers: false })).toEqual(
      [],
    );
  });

  it('should hold SMS and email inside the recipient’s quiet hours in their time zone, except CRITICAL', () => {
    // 22:00–07:00 in Chicago; 12:00 UTC is 06:00 there (quiet), 14:00 UTC is 08:00 (not).
    const pref = {
      ...DEFAULT_PREFERENCES,
      warningChannels: ['SMS' as const],
      criticalChannels: ['SMS' as const, 'EMAIL' as const],
      quietHoursStart: 22 * 60,
      quietHoursEnd: 7 * 60,
      timeZone: 'America/Chicago',
    };
    const quietTime = new Date('2026-11-20T12:00:00Z');
    const dayTime = new Date('2026-11-20T14:00:00Z');
    expect(deliveryChannels(pref, 'WARNING', quietTime)).toEqual({
      channels: ['SMS'],
      quiet: true,
    });
    expect(deliveryChannels(pref, 'WARNING', dayTime)).toEqual({ channels: ['SMS'], quiet: false });
    expect(deliveryChannels(pref, 'CRITICAL', quietTime)).toEqual({
      channels: ['SMS', 'EMAIL'],
      quiet: false,
    });
    expect(deliveryChannels(pref, 'INFO', dayTime)).toEqual({ channels: [], quiet: false });
  });
});
