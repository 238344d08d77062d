import {
  emptyFields,
  formatEta,
  formatWindow,
  MERGE_FIELD_NAMES,
  renderTemplate,
  unknownFields,
  unknownFieldsMessage,
  type MergeContext,
} from './merge-fields';

const context = (over: Partial<MergeContext> = {}): MergeContext => ({
  guest: { firstName: 'Ana', lastName: 'Novak' },
  technician: { name: 'Marco Rossi' },
  job: {
    number: 1042,
    title: 'Boiler service',
    // 15:00-17:00 UTC on Tuesday 24 November 2026.
    windowStart: '2026-11-24T15:00:00.000Z',
    windowEnd: '2026-11-24T17:00:00.000Z',
    eta: '2026-11-24T15:35:00.000Z',
    trackingLink: 'https://track.example/t/abc',
  },
  invoice: {
    number: 'INV-2026-00042',
    amountMinor: 12950,
    balanceMinor: 2950,
    currency: 'USD',
    dueAt: '2026-12-08T12:00:00.000Z',
    paymentLink: 'https://pay.example/p/1',
  },
  room: { number: '204' },
  reservation: { arrivalAt: '2026-11-27T15:00:00.000Z' },
  property: { name: 'Hotel Aurora Prague' },
  organization: { name: 'Northwind Home Services' },
  ...over,
});
const chicago = { timeZone: 'America/Chicago', language: 'en' };
const prague = { timeZone: 'Europe/Prague', language: 'en' };

describe('merge fields', () => {
  it('should render every known field when the context has data', () => {
    const body = MERGE_FIELD_NAMES.map((n) => `${n}=[{{${n}}}]`).join(' ');
    expect(renderTemplate(body, context(), chicago)).toBe(
      [
        'guest.firstName=[Ana]',
        'guest.fullName=[Ana Novak]',
        'technician.firstName=[Marco]',
        'job.number=[1042]',
        'job.title=[Boiler service]',
        'job.window=[Tue 24 Nov, 09:00-11:00]',
        'job.eta=[09:35]',
        'job.trackingLink=[https://track.example/t/abc]',
        'invoice.amount=[$129.50]',
        'invoice.paymentLink=[https://pay.example/p/1]',
        'invoice.number=[INV-2026-00042]',
        'invoice.balance=[$29.50]',
        'invoice.dueDate=[Tue 8 Dec]',
        'room.number=[204]',
        'reservation.arrival=[Fri 27 Nov]',
        'property.name=[Hotel Aurora Prague]',
        'organization.name=[Northwind Home Services]',
      ].join(' '),
    );
  });

  it('should format the window and ETA in the organization time zone when zones differ', () => {
    const job = context().job!;
    expect(formatWindow(job.windowStart, job.windowEnd, chicago)).toBe('Tue 24 Nov, 09:00-11:00');
    expect(formatWindow(job.windowStart, job.windowEnd, prague)).toBe('Tue 24 Nov, 16:00-18:00');
    expect(formatEta(job.eta, prague)).toBe('16:35');
    expect(formatEta(job.eta, { timeZone: 'Asia/Tokyo', language: 'en' })).toBe('00:35');
  });

  it('should show both dates when the window crosses midnight in the zone', () => {
    expect(
      formatWindow('2026-11-24T21:00:00Z', '2026-11-25T01:00:00Z', {
        timeZone: 'UTC',
        language: 'en',
      }),
    ).toBe('Tue 24 Nov, 21:00 - Wed 25 Nov, 01:00');
    // The same instants are one evening in Chicago.
    expect(formatWindow('2026-11-24T21:00:00Z', '2026-11-25T01:00:00Z', chicago)).toBe(
      'Tue 24 Nov, 15:00-19:00',
    );
  });

  it('should refuse unknown fields with a clear list when the text has typos', () => {
    const body = 'Hi {{guest.firstname}}, {{ job.number }} {{customer.name}} {{guest.firstName}';
    const unknown = unknownFields(body);
    expect(unknown).toEqual([
      '{{guest.firstname}}',
      '{{customer.name}}',
      'unbalanced "{{" or "}}"',
    ]);
    expect(unknownFieldsMessage(unknown)).toMatch(
      /^Unknown merge fields: \{\{guest.firstname\}\}, \{\{customer.name\}\}, unbalanced .*Use one of: \{\{guest.firstName\}\}/,
    );
    expect(unknownFields('Hi {{ guest.firstName }}, job {{job.number}}')).toEqual([]);
  });

  it('should escape nothing when rendering SMS text', () => {
    const ctx = context({ guest: { firstName: '<b>Tom & "Jerry"</b>', lastName: null } });
    expect(renderTemplate('Hi {{guest.firstName}}!', ctx, prague)).toBe('Hi <b>Tom & "Jerry"</b>!');
  });

  it('should render missing data empty and list it when the context lacks it', () => {
    const ctx = context({ job: { number: 7 }, technician: null });
    const body = 'Job {{job.number}} by {{technician.firstName}} at {{job.eta}}';
    expect(renderTemplate(body, ctx, prague)).toBe('Job 7 by  at ');
    expect(emptyFields(body, ctx, prague)).toEqual(['technician.firstName', 'job.eta']);
  });
});
