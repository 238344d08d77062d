import { toLocalInput } from '../shared/format';
import {
  activeChip,
  apiFilter,
  bulkAvailability,
  chipFilters,
  createInput,
  escalationLabel,
  filtersFromParams,
  formValueOf,
  NO_FILTERS,
  paramsFromFilters,
  skippedLines,
  updateInput,
  validateTask,
  type TaskRow,
} from './task-queue.model';

const NOW = new Date('2026-05-12T10:00:00.000Z');
let seq = 0;
function task(overrides: Partial<TaskRow> = {}): TaskRow {
  seq++;
  return {
    id: `t${seq}`,
    title: `Call guest ${seq}`,
    description: null,
    priority: 'NORMAL',
    status: 'OPEN',
    dueAt: '2026-05-12T15:00:00.000Z',
    escalationLevel: 0,
    escalatedAt: null,
    completedAt: null,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    version: 1,
    overdue: false,
    assignee: null,
    workOrder: null,
    guest: null,
    ...overrides,
  };
}

describe('task queue filters in the URL', () => {
  it('should round-trip filters through query parameters when they are set', () => {
    const f = filtersFromParams({
      status: 'OPEN,DONE',
      priority: 'HIGH',
      assignee: 'me',
      overdue: '1',
      escalated: '1',
      q: ' late ',
    });
    expect(f).toEqual({
      status: ['OPEN', 'DONE'],
      priority: ['HIGH'],
      assignee: 'me',
      overdue: true,
      escalated: true,
      search: 'late',
    });
    expect(filtersFromParams(paramsFromFilters(f) as Record<string, string>)).toEqual(f);
  });

  it('should drop unknown values and leave defaults out of the URL when tampered with', () => {
    expect(
      filtersFromParams({ status: 'OPEN,NOPE,OPEN', priority: 'URGENT', overdue: 'x' }),
    ).toEqual({ ...NO_FILTERS, status: ['OPEN'] });
    expect(paramsFromFilters(NO_FILTERS)).toEqual({
      status: null,
      priority: null,
      assignee: null,
      overdue: null,
      escalated: null,
      q: null,
    });
  });

  it('should build the API filter from the assignee choice and the overdue switch', () => {
    expect(apiFilter({ ...NO_FILTERS, assignee: 'me' })).toEqual({ mine: true });
    expect(apiFilter({ ...NO_FILTERS, assignee: 'none', overdue: false })).toEqual({
      unassigned: true,
      overdue: false,
    });
    expect(
      apiFilter({
        ...NO_FILTERS,
        assignee: 'u1',
        status: ['DONE'],
        priority: ['LOW'],
        search: 'x',
      }),
    ).toEqual({ assigneeId: 'u1', status: ['DONE'], priority: ['LOW'], search: 'x' });
    expect(apiFilter(NO_FILTERS)).toEqual({});
    expect(apiFilter(chipFilters('escalated'))).toEqual({ escalated: true });
  });

  it('should tell which counter chip the filters are when they match one exactly', () => {
    expect(activeChip(NO_FILTERS)).toBe('open');
    expect(activeChip(chipFilters('overdue'))).toBe('overdue');
    expect(activeChip(chipFilters('mine'))).toBe('mine');
    expect(activeChip(filtersFromParams({ escalated: '1' }))).toBe('escalated');
    expect(activeChip({ ...chipFilters('mine'), search: 'x' })).toBeNull();
  });
});

describe('task queue rows and bulk actions', () => {
  it('should label overdue and escalated tasks by escalation level', () => {
    expect(escalationLabel(task())).toBe('');
    expect(escalationLabel(task({ overdue: true, escalationLevel: 1 }))).toBe('Overdue');
    expect(escalationLabel(task({ overdue: true, escalationLevel: 3 }))).toBe(
      'Escalated · level 3',
    );
  });

  it('should offer only the bulk actions that can change a selected task', () => {
    expect(bulkAvailability([task(), task({ status: 'IN_PROGRESS' })])).toEqual({
      COMPLETE: true,
      CANCEL: true,
      REOPEN: false,
      ASSIGN: true,
      SET_PRIORITY: true,
    });
    expect(bulkAvailability([task({ status: 'DONE' })])).toEqual({
      COMPLETE: false,
      CANCEL: false,
      REOPEN: true,
      ASSIGN: false,
      SET_PRIORITY: false,
    });
  });

  it('should name skipped tasks by title when the bulk result lists them', () => {
    const a = task();
    expect(
      skippedLines(
        [
          { id: a.id, reason: 'The task is already DONE' },
          { id: 'gone', reason: 'Not found' },
        ],
        [a],
      ),
    ).toEqual([
      { id: a.id, title: a.title, reason: 'The task is already DONE' },
      { id: 'gone', title: 'A task', reason: 'Not found' },
    ]);
  });
});

describe('task form', () => {
  it('should mirror the server rules when the form is checked', () => {
    const ok = formValueOf(null);
    expect(validateTask({ ...ok, title: '  ab ' }, NOW)).toEqual({
      title: 'Title must be 3 to 200 characters',
    });
    expect(validateTask({ ...ok, title: 'Call', description: 'x'.repeat(5001) }, NOW)).toEqual({
      description: 'Description must be at most 5000 characters',
    });
    const farAway = toLocalInput('2027-06-01T10:00:00.000Z');
    expect(validateTask({ ...ok, title: 'Call', dueAt: farAway }, NOW)).toEqual({
      dueAt: 'Choose a due time no more than a year from now',
    });
    expect(
      validateTask({ ...ok, title: 'Call', dueAt: toLocalInput(NOW.toISOString()) }, NOW),
    ).toEqual({});
  });

  it('should create with trimmed text and nulls for empty optional fields', () => {
    expect(
      createInput({
        title: ' Call ',
        description: '  ',
        priority: 'HIGH',
        dueAt: '',
        assigneeId: '',
      }),
    ).toEqual({
      title: 'Call',
      description: null,
      priority: 'HIGH',
      dueAt: null,
      assigneeId: null,
    });
  });

  it('should send only changed fields on edit and null to clear one', () => {
    const t = task({ assignee: { id: 'u1', name: 'Ana' }, description: 'Ask about ETA' });
    const same = formValueOf(t);
    expect(updateInput(t, same)).toEqual({});
    expect(updateInput(t, { ...same, assigneeId: '', dueAt: '', priority: 'HIGH' })).toEqual({
      assigneeId: null,
      dueAt: null,
      priority: 'HIGH',
    });
    expect(updateInput(t, { ...same, description: ' ', title: 'Call back' })).toEqual({
      title: 'Call back',
      description: null,
    });
  });
});
