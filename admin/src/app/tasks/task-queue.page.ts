import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, interval, merge } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import {
  TaskAssigneesGQL,
  TaskBulkUpdateGQL,
  TaskQueueCountsGQL,
  TaskQueueGQL,
} from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { Pager } from '../shared/pager';
import { liveQuery, queryState } from '../shared/query-state';
import { TaskBulkBar, type BulkRequest } from './task-bulk-bar';
import { TaskCounts } from './task-counts';
import { TaskFilterBar } from './task-filters';
import { TaskFormDialog, type TaskFormData } from './task-form.dialog';
import {
  activeChip,
  apiFilter,
  chipFilters,
  filtersFromParams,
  paramsFromFilters,
  skippedLines,
  TASK_EDITORS,
  type CountChip,
  type TaskFilters,
  type TaskRow,
} from './task-queue.model';
import { TaskSkipped, type SkippedLine } from './task-skipped';
import { TaskTable } from './task-table';
import { sameJson } from '../shared/same-json';
import { queryParamsWriter } from '../shared/url-filters';

const BULK_DONE: Record<BulkRequest['action'], string> = {
  COMPLETE: 'completed',
  CANCEL: 'cancelled',
  REOPEN: 'reopened',
  ASSIGN: 'assigned',
  SET_PRIORITY: 'reprioritized',
};

/** /tasks: the staff task queue with counters, filters in the URL, bulk actions and editing. */
@Component({
  selector: 'att-task-queue',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    ErrorBanner,
    Pager,
    TaskCounts,
    TaskFilterBar,
    TaskTable,
    TaskBulkBar,
    TaskSkipped,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-queue.page.html',
  styleUrl: './task-queue.page.scss',
})
export class TaskQueuePage {
  /** Query parameters (bound by the router). */
  readonly status = input<string>();
  readonly priority = input<string>();
  readonly assignee = input<string>();
  readonly overdue = input<string>();
  readonly escalated = input<string>();
  readonly q = input<string>();

  private readonly writeParams = queryParamsWriter();
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly store = inject(SessionStore);
  private readonly listGql = inject(TaskQueueGQL);
  private readonly bulkGql = inject(TaskBulkUpdateGQL);
  protected readonly canEdit = computed(() => this.store.hasAnyRole(TASK_EDITORS));

  protected readonly filters = computed<TaskFilters>(
    () =>
      filtersFromParams({
        status: this.status(),
        priority: this.priority(),
        assignee: this.assignee(),
        overdue: this.overdue(),
        escalated: this.escalated(),
        q: this.q(),
      }),
    { equal: sameJson },
  );
  protected readonly chip = computed(() => activeChip(this.filters()));
  protected readonly pager = new CursorPager(25);
  private readonly variables = computed(
    () => ({
      first: this.pager.pageSize,
      after: this.pager.after(),
      filter: apiFilter(this.filters()),
    }),
    { equal: sameJson },
  );
  protected readonly list = liveQuery(this.variables, (variables) =>
    this.listGql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  private readonly countsRef = inject(TaskQueueCountsGQL).watch();
  protected readonly countsState = queryState(this.countsRef.valueChanges);
  private readonly usersState = queryState(inject(TaskAssigneesGQL).watch().valueChanges);
  protected readonly users = computed(() => this.usersState.data()?.assignableUsers ?? []);

  protected readonly connection = computed(() => this.list.data()?.staffTasks);
  protected readonly rows = computed<readonly TaskRow[]>(() => this.connection()?.nodes ?? []);
  protected readonly error = computed(() =>
    this.list.error() ? messageOf(this.list.error()) : null,
  );
  protected readonly selection = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedRows = computed(() =>
    this.rows().filter((r) => this.selection().has(r.id)),
  );
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly skipped = signal<readonly SkippedLine[]>([]);
  protected readonly now = signal(Date.now());
  protected readonly emptyMessage = computed(() =>
    this.chip() === 'open' ? 'No open tasks. Nice work.' : 'No tasks match these filters',
  );

  constructor() {
    // Another filter (typed, a chip, or back/forward) starts again at the first page.
    effect(() => {
      this.filters();
      untracked(() => {
        this.pager.reset();
        this.selection.set(new Set());
      });
    });
    merge(inject(Reconnects).events, interval(60_000))
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.now.set(Date.now());
        this.refresh();
      });
  }

  protected refresh(): void {
    this.list.refetch();
    void this.countsRef.refetch().catch(() => undefined);
  }

  protected setFilters(filters: TaskFilters): void {
    this.pager.reset();
    this.writeParams(paramsFromFilters(filters));
  }

  protected pickChip(chip: CountChip): void {
    this.setFilters(chipFilters(chip));
  }

  protected page(direction: 'next' | 'previous'): void {
    this.selection.set(new Set());
    if (direction === 'next') this.pager.next(this.connection()?.pageInfo.endCursor);
    else this.pager.previous();
  }

  protected toggle(id: string): void {
    this.selection.update((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selection.set(checked ? new Set(this.rows().map((r) => r.id)) : new Set());
  }

  protected async openForm(task: TaskRow | null): Promise<void> {
    const ref = this.dialog.open<TaskFormDialog, TaskFormData, TaskRow>(TaskFormDialog, {
      data: { task, users: this.users() },
      width: 'min(560px, 94vw)',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snackBar.open(task ? `Saved “${saved.title}”` : `Created “${saved.title}”`, undefined, {
      duration: 4000,
    });
    this.refresh();
  }

  protected async runBulk(request: BulkRequest): Promise<void> {
    const rows = this.selectedRows();
    if (rows.length === 0) return;
    const n = rows.length === 1 ? '1 task' : `${rows.length} tasks`;
    if (
      request.action === 'CANCEL' &&
      !(await confirmAction(this.dialog, {
        title: `Cancel ${n}?`,
        message: 'Cancelled tasks leave the open queue. You can reopen them later.',
        confirm: 'Cancel tasks',
        danger: true,
      }))
    )
      return;
    this.busy.set(true);
    this.actionError.set(null);
    this.skipped.set([]);
    try {
      const res = await firstValueFrom(
        this.bulkGql.mutate({
          variables: {
            ids: rows.map((r) => r.id),
            action: request.action,
            assigneeId: request.assigneeId ?? null,
            priority: request.priority ?? null,
          },
        }),
      );
      const result = res.data?.bulkUpdateStaffTasks;
      if (!result) throw new Error('The tasks were not changed');
      const done = result.updated === 1 ? '1 task' : `${result.updated} tasks`;
      this.snackBar.open(`${done} ${BULK_DONE[request.action]}`, undefined, { duration: 4000 });
      this.skipped.set(skippedLines(result.skipped, rows));
      this.selection.set(new Set(result.skipped.map((s) => s.id)));
      this.refresh();
    } catch (err) {
      this.actionError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
