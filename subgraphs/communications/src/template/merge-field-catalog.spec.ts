import { fieldProblems, mergeFieldsFor } from './merge-field-catalog';
import { MERGE_FIELD_NAMES } from './merge-fields';

describe('merge field catalog', () => {
  it('should offer every field without an event and only those with data for one', () => {
    expect(mergeFieldsFor().map((f) => f.name)).toEqual(MERGE_FIELD_NAMES);
    const stay = mergeFieldsFor('PRE_ARRIVAL').map((f) => f.name);
    expect(stay).toEqual([
      'guest.firstName',
      'guest.fullName',
      'property.name',
      'organization.name',
    ]);
    expect(mergeFieldsFor('ON_MY_WAY').map((f) => f.name)).toContain('job.trackingLink');
    expect(mergeFieldsFor('TECHNICIAN_ASSIGNED').map((f) => f.name)).not.toContain(
      'job.trackingLink',
    );
    expect(mergeFieldsFor('INVOICE_SENT').find((f) => f.name === 'invoice.amount')).toEqual({
      name: 'invoice.amount',
      label: 'Invoice amount',
      example: '$129.50',
    });
  });

  it('should flag an unknown field with its line and column when the text has one', () => {
    const text = 'Hi {{guest.firstName}},\nyour job {{ job.numbr }} is booked';
    expect(fieldProblems(text)).toEqual([
      {
        severity: 'ERROR',
        text: '{{ job.numbr }}',
        line: 2,
        column: 10,
        message: 'Unknown merge field {{job.numbr}} at line 2, column 10',
      },
    ]);
  });

  it('should suggest the field when only the case differs', () => {
    expect(fieldProblems('Hi {{guest.firstname}}')[0]?.message).toBe(
      'Unknown merge field {{guest.firstname}} at line 1, column 4; did you mean {{guest.firstName}}?',
    );
  });

  it('should flag braces that do not close or open a field at their position', () => {
    const problems = fieldProblems('Hi {{guest.firstName} and }} {{job.number}}');
    expect(problems.map((p) => [p.text, p.column, p.message])).toEqual([
      ['{{', 4, '"{{" at line 1, column 4 does not close a merge field'],
      ['}}', 27, '"}}" at line 1, column 27 does not open a merge field'],
    ]);
  });

  it('should warn about a known field the event has no data for, in reading order', () => {
    const problems = fieldProblems('{{customer}} {{job.eta}} {{guest.firstName}}', 'PRE_ARRIVAL');
    expect(problems.map((p) => [p.severity, p.text])).toEqual([
      ['ERROR', '{{customer}}'],
      ['WARNING', '{{job.eta}}'],
    ]);
    expect(problems[1]!.message).toBe(
      '{{job.eta}} at line 1, column 14 has no data for PRE_ARRIVAL; it would be empty',
    );
    expect(fieldProblems('Hi {{ guest.firstName }}', 'PRE_ARRIVAL')).toEqual([]);
  });
});
