import type {
  CreateStaffTaskInput,
  StaffTaskBulkAction,
  StaffTaskFilter,
  TaskRowFragment,
  TaskStatus,
  UpdateStaffTaskInput,
  WorkOrderPriority,
} from '../generated/graphql';
import { fromLocalInput, toLocalInput } from '../shared/format';

export type TaskRow = TaskRowFragment;

export const TASK_STATUSES: readonly TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
export const TASK_PRIORITIES: readonly WorkOrderPriority[] = ['EMERGENCY', 'HIGH', 'NORMAL', 'LOW'];
/** Who may create, edit and bulk-change tasks from the console. */
export const TASK_EDITORS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;

/** Assignee filter: anyone, the signed-in user, nobody, or a user id. */
export type AssigneeChoice = '' | 'me' | 'none' | (string & {});

/** The queue's filters as kept in the URL (`?status=OPEN&priority=HIGH&assignee=me&overdue=1&q=…`). */
export interface TaskFilters {
  /** Empty: the open statuses (the API's default). */
  status: readonly TaskStatus[];
  priority: readonly WorkOrderPriority[];
  assignee: AssigneeChoice;
  /** true: only overdue; false: only on time; null: both. */
  overdue: boolean | null;
  /** true: only tasks that have escalated. */
  escalated: boolean;
  search: string;
}

export const NO_FILTERS: TaskFilters = {
  status: [],
  priority: [],
  assignee: '',
  overdue: null,
  escalated: false,
  search: '',
};

const listOf = <T extends string>(value: string | null | undefined, allowed: readonly T[]): T[] => [
  ...new Set(
    (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v)),
  ),
];

/** Query parameters → filters; anything unknown falls back to the default. */
export function filtersFromParams(params: {
  status?: string | null;
  priority?: string | null;
  assignee?: string | null;
  overdue?: string | null;
  escalated?: string | null;
  q?: string | null;
}): TaskFilters {
  const overdue = params.overdue === '1' ? true : params.overdue === '0' ? false : null;
  return {
    status: listOf(params.status, TASK_STATUSES),
    priority: listOf(params.priority, TASK_PRIORITIES),
    assignee: (params.assignee ?? '').trim(),
    overdue,
    escalated: params.escalated === '1',
    search: (params.q ?? '').trim().slice(0, 100),
  };
}

/** Filters → query parameters, leaving defaults out of the URL (null removes a parameter). */
export function paramsFromFilters(f: TaskFilters): Record<string, string | null> {
  return {
    status: f.status.length ? f.status.join(',') : null,
    priority: f.priority.length ? f.priority.join(',') : null,
    assignee: f.assignee || null,
    overdue: f.overdue === null ? null : f.overdue ? '1' : '0',
    escalated: f.escalated ? '1' : null,
    q: f.search || null,
  };
}

/** Filters → the API's filter. */
export function apiFilter(f: TaskFilters): StaffTaskFilter {
  const filter: StaffTaskFilter = {};
  if (f.status.length) filter.status = [...f.status];
  if (f.priority.length) filter.priority = [...f.priority];
  if (f.assignee === 'me') filter.mine = true;
  else if (f.assignee === 'none') filter.unassigned = true;
  else if (f.assignee) filter.assigneeId = f.assignee;
  if (f.overdue !== null) filter.overdue = f.overdue;
  if (f.escalated) filter.escalated = true;
  if (f.search) filter.search = f.search;
  return filter;
}

export type CountChip = 'open' | 'overdue' | 'mine' | 'escalated';

/** The filters a counter chip stands for. */
export function chipFilters(chip: CountChip): TaskFilters {
  switch (chip) {
    case 'open':
      return NO_FILTERS;
    case 'overdue':
      return { ...NO_FILTERS, overdue: true };
    case 'mine':
      return { ...NO_FILTERS, assignee: 'me' };
    case 'escalated':
      return { ...NO_FILTERS, escalated: true };
  }
}

/** Which counter chip the filters are exactly, if any. */
export function activeChip(f: TaskFilters): CountChip | null {
  const same = (chip: CountChip) => JSON.stringify(chipFilters(chip)) === JSON.stringify(f);
  return (['open', 'overdue', 'mine', 'escalated'] as const).find(same) ?? null;
}

const isClosed = (status: TaskStatus) => status === 'DONE' || status === 'CANCELLED';

/** "" on time; "Overdue" at level 1; "Escalated · level 2" after that. */
export function escalationLabel(row: Pick<TaskRow, 'overdue' | 'escalationLevel'>): string {
  if (!row.overdue && row.escalationLevel === 0) return '';
  if (row.escalationLevel >= 2) return `Escalated · level ${row.escalationLevel}`;
  return 'Overdue';
}

/** Which bulk actions can change at least one of the selected tasks. */
export function bulkAvailability(
  rows: readonly Pick<TaskRow, 'status'>[],
): Record<StaffTaskBulkAction, boolean> {
  const open = rows.some((r) => !isClosed(r.status));
  const closed = rows.some((r) => isClosed(r.status));
  return { COMPLETE: open, CANCEL: open, REOPEN: closed, ASSIGN: open, SET_PRIORITY: open };
}

/** Skipped tasks of a bulk action with their titles, for people. */
export function skippedLines(
  skipped: readonly { id: string; reason: string }[],
  rows: readonly Pick<TaskRow, 'id' | 'title'>[],
): { id: string; title: string; reason: string }[] {
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  return skipped.map((s) => ({ id: s.id, title: titles.get(s.id) ?? 'A task', reason: s.reason }));
}

/** The create/edit form's values (due as a `datetime-local` value, assignee '' for nobody). */
export interface TaskFormValue {
  title: string;
  description: string;
  priority: WorkOrderPriority;
  dueAt: string;
  assigneeId: string;
}

export function formValueOf(task: TaskRow | null): TaskFormValue {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    priority: task?.priority ?? 'NORMAL',
    dueAt: toLocalInput(task?.dueAt),
    assigneeId: task?.assignee?.id ?? '',
  };
}

const YEAR_MS = 366 * 86_400_000;

/** The server's rules, checked before sending; keyed by field. */
export function validateTask(v: TaskFormValue, now: Date = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = v.title.trim();
  if (title.length < 3 || title.length > 200) errors['title'] = 'Title must be 3 to 200 characters';
  if (v.description.length > 5000)
    errors['description'] = 'Description must be at most 5000 characters';
  if (v.dueAt) {
    const due = fromLocalInput(v.dueAt);
    if (!due) errors['dueAt'] = 'Enter a valid date and time';
    else if (Date.parse(due) - now.getTime() > YEAR_MS)
      errors['dueAt'] = 'Choose a due time no more than a year from now';
  }
  return errors;
}

export function createInput(v: TaskFormValue): CreateStaffTaskInput {
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    priority: v.priority,
    dueAt: fromLocalInput(v.dueAt),
    assigneeId: v.assigneeId || null,
  };
}

/**
 * Only what changed (a new due time resets the escalation, so an untouched one is not sent);
 * null clears an optional field.
 */
export function updateInput(task: TaskRow, v: TaskFormValue): UpdateStaffTaskInput {
  const before = formValueOf(task);
  const input: UpdateStaffTaskInput = {};
  if (v.title.trim() !== before.title) input.title = v.title.trim();
  if (v.description.trim() !== before.description.trim())
    input.description = v.description.trim() || null;
  if (v.priority !== before.priority) input.priority = v.priority;
  if (v.dueAt !== before.dueAt) input.dueAt = fromLocalInput(v.dueAt);
  if (v.assigneeId !== before.assigneeId) input.assigneeId = v.assigneeId || null;
  return input;
}
