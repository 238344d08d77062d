import type { DomainEvent } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { factsOf, RULES, TRIGGER_SOURCE_EVENTS } from './trigger-rules';

const event = (
  type: string,
  entityType: string,
  payload: Record<string, unknown>,
  entityId = randomUUID(),
): DomainEvent => ({
  id: randomUUID(),
  type,
  entityType,
  entityId,
  organizationId: randomUUID(),
  payload,
  occurredAt: '2026-11-22T10:00:00.000Z',
});

const invoicePayload = {
  invoiceId: randomUUID(),
  number: 'INV-2026-00042',
  totalMinor: 12_950,
  paidMinor: 0,
  balanceMinor: 12_950,
  currency: 'USD',
  dueAt: '2026-12-06T10:00:00.000Z',
  guestId: randomUUID(),
  workOrderId: randomUUID(),
  paymentLink: 'https://pay.example/pay/abc.def',
};

describe('trigger rules for bookings, invoices, payments and check-in', () => {
  it('should subscribe to the finance and guests events when the consumer starts', () => {
    expect(TRIGGER_SOURCE_EVENTS).toEqual(
      expect.arrayContaining(['InvoiceSent', 'PaymentReceived', 'PaymentOverdue', 'CheckInReady']),
    );
  });

  it('should fire BOOKING_CONFIRMED once per job when an open customer job gets a time', () => {
    const wo = randomUUID();
    const booked = (type: string, extra: Record<string, unknown>) =>
      RULES.BOOKING_CONFIRMED!(
        event(type, 'WorkOrder', { guestId: randomUUID(), status: 'SCHEDULED', ...extra }, wo),
      );
    const a = booked('WorkOrderCreated', { windowStart: '2026-11-24T15:00:00Z' });
    const b = booked('WorkOrderUpdated', { scheduledStart: '2026-11-25T15:00:00Z' });
    expect(a).toMatchObject({ action: 'fire', dedupeKey: `WorkOrder:${wo}:booked`, mode: 'once' });
    expect(b).toMatchObject({ dedupeKey: `WorkOrder:${wo}:booked` });
    expect(booked('WorkOrderCreated', {})).toEqual({ action: 'none' });
    expect(booked('WorkOrderUpdated', { status: 'CANCELLED', windowStart: 'x' })).toEqual({
      action: 'none',
    });
    expect(
      RULES.BOOKING_CONFIRMED!(
        event('WorkOrderCreated', 'WorkOrder', { windowStart: '2026-11-24T15:00:00Z' }),
      ),
    ).toEqual({ action: 'none' });
  });

  it('should key invoice, payment and check-in firings by their entity when events arrive', () => {
    const inv = randomUUID();
    expect(RULES.INVOICE_SENT!(event('InvoiceSent', 'Invoice', invoicePayload, inv))).toMatchObject(
      { action: 'fire', dedupeKey: `Invoice:${inv}:sent` },
    );
    const pay = randomUUID();
    expect(
      RULES.PAYMENT_RECEIVED!(event('PaymentReceived', 'Payment', invoicePayload, pay)),
    ).toMatchObject({ dedupeKey: `Payment:${pay}:received` });
    const stay = randomUUID();
    expect(
      RULES.CHECK_IN_READY!(event('CheckInReady', 'Reservation', { roomNumber: '204' }, stay)),
    ).toMatchObject({ dedupeKey: `Reservation:${stay}:check-in-ready` });
    expect(RULES.INVOICE_SENT!(event('InvoiceDrafted', 'Invoice', invoicePayload))).toEqual({
      action: 'none',
    });
  });

  it('should key PAYMENT_OVERDUE by due date and count its offset from the due date', () => {
    const inv = randomUUID();
    const out = RULES.PAYMENT_OVERDUE!(event('PaymentOverdue', 'Invoice', invoicePayload, inv));
    expect(out).toEqual({
      action: 'fire',
      dedupeKey: `Invoice:${inv}:overdue:2026-12-06T10:00:00.000Z`,
      base: new Date('2026-12-06T10:00:00.000Z'),
      mode: 'once',
    });
  });

  it('should take the amount a message names from the event kind when facts are built', () => {
    const facts = (type: string, extra: Record<string, unknown> = {}) =>
      factsOf(event(type, 'Invoice', { ...invoicePayload, ...extra })).invoice;
    expect(facts('InvoiceSent')).toEqual({
      number: 'INV-2026-00042',
      amountMinor: 12_950,
      balanceMinor: 12_950,
      currency: 'USD',
      dueAt: '2026-12-06T10:00:00.000Z',
      paymentLink: 'https://pay.example/pay/abc.def',
    });
    expect(facts('PaymentReceived', { amountMinor: 5_000, balanceMinor: 7_950 })).toMatchObject({
      amountMinor: 5_000,
      balanceMinor: 7_950,
    });
    expect(facts('PaymentOverdue', { balanceMinor: 7_950 })).toMatchObject({ amountMinor: 7_950 });
    const stay = factsOf(
      event('CheckInReady', 'Reservation', {
        guestName: 'Ana Novak',
        roomNumber: '204',
        arrivalAt: '2026-11-22T14:00:00Z',
      }),
    );
    expect(stay.stay).toEqual({ roomNumber: '204', arrivalAt: '2026-11-22T14:00:00Z' });
    expect(stay.guest).toMatchObject({ firstName: 'Ana', lastName: 'Novak' });
  });
});
