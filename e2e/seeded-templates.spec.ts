import { unknownFields } from '@attendant/communications';
import { generateOrganizations } from '@attendant/seed';
import { messageTriggerRows } from '@attendant/seed/message-triggers';
import { randomUUID } from 'node:crypto';

/*
 * The demo data's templates (history messages and the default automatic ones) use only merge
 * fields the renderer knows, so every seeded template passes the same validation an admin's edit
 * does and renders fully when a trigger fires.
 */
describe('seeded templates', () => {
  const ids = { hotel: randomUUID(), field: randomUUID() };
  const { orgs } = generateOrganizations(new Date('2026-03-18T14:30:00.000Z'), ids, {});
  const automatic = messageTriggerRows({
    hotel: { id: ids.hotel, name: 'Hotel' },
    field: { id: ids.field, name: 'Field' },
  });
  const templates = [...orgs.flatMap((o) => o.templates), ...automatic.templates];

  it('should seed templates for both organizations when generating the demo', () => {
    expect(templates.length).toBeGreaterThan(15);
    expect(automatic.triggers.map((t) => t.event)).toEqual(
      expect.arrayContaining([
        'BOOKING_CONFIRMED',
        'INVOICE_SENT',
        'PAYMENT_RECEIVED',
        'PAYMENT_OVERDUE',
        'CHECK_IN_READY',
      ]),
    );
  });

  it.each(templates.map((t) => [`${t.name} (${t.channel}, ${t.language})`, t] as const))(
    'should validate %s when checked for unknown merge fields',
    (_name, t) => {
      expect([...unknownFields(t.body), ...(t.subject ? unknownFields(t.subject) : [])]).toEqual(
        [],
      );
    },
  );
});
