import fc from 'fast-check';
import {
  DELIVERY_STATUSES,
  describeDeliveryError,
  isFinalStatus,
  nextStatus,
  parseDeliveryStatus,
  type DeliveryStatus,
} from './status';

describe('nextStatus', () => {
  it('should take the first status reported when none is known yet', () => {
    expect(nextStatus(null, 'sent')).toBe('sent');
  });

  it.each([
    ['accepted', 'queued'],
    ['queued', 'sending'],
    ['queued', 'sent'],
    ['sending', 'sent'],
    ['sent', 'delivered'],
    ['sent', 'undelivered'],
    ['queued', 'failed'],
    ['delivered', 'read'],
  ] as [DeliveryStatus, DeliveryStatus][])('should move forward from %s to %s', (from, to) => {
    expect(nextStatus(from, to)).toBe(to);
  });

  it.each([
    ['sent', 'queued'],
    ['sent', 'sending'],
    ['sending', 'accepted'],
    ['sent', 'sent'],
  ] as [DeliveryStatus, DeliveryStatus][])('should stay %s when %s arrives late', (from, to) => {
    expect(nextStatus(from, to)).toBe(from);
  });

  it.each(['delivered', 'undelivered', 'failed', 'read'] as DeliveryStatus[])(
    'should keep the final status %s whatever arrives next',
    (final) => {
      for (const incoming of DELIVERY_STATUSES) {
        if (final === 'delivered' && incoming === 'read') continue;
        expect(nextStatus(final, incoming)).toBe(final);
      }
    },
  );

  it('should end at the final status whatever the order and duplication of the callbacks', () => {
    const plans: DeliveryStatus[][] = [
      ['queued', 'sending', 'sent', 'delivered'],
      ['queued', 'sending', 'sent', 'undelivered'],
      ['accepted', 'queued', 'failed'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...plans),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (plan, picks) => {
          // Every status of the plan at least once, plus duplicates, in a random order.
          const callbacks = [...plan, ...picks.map((i) => plan[i % plan.length]!)];
          const shuffled = picks.reduce(
            (list, pick, i) => {
              const j = pick % list.length;
              [list[i % list.length], list[j]] = [list[j]!, list[i % list.length]!];
              return list;
            },
            [...callbacks],
          );
          const end = shuffled.reduce<DeliveryStatus | null>(nextStatus, null);
          expect(end).toBe(plan.at(-1));
        },
      ),
    );
  });
});

describe('delivery status helpers', () => {
  it('should parse the statuses Twilio reports and ignore others', () => {
    expect(parseDeliveryStatus('delivered')).toBe('delivered');
    expect(parseDeliveryStatus('received')).toBeNull();
    expect(parseDeliveryStatus(undefined)).toBeNull();
  });

  it('should treat only delivered, undelivered, failed and read as final', () => {
    expect(DELIVERY_STATUSES.filter(isFinalStatus)).toEqual([
      'delivered',
      'undelivered',
      'failed',
      'read',
    ]);
  });

  it('should explain delivery error codes in plain words', () => {
    expect(describeDeliveryError(30003)).toMatch(/unreachable/);
    expect(describeDeliveryError(30007)).toMatch(/spam/);
    expect(describeDeliveryError(63016)).toMatch(/24 hours/);
    expect(describeDeliveryError(12345)).toBe('delivery failed with Twilio error 12345');
  });
});
