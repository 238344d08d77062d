import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf } from '../core/errors';
import {
  WorkOrderLogTimeGQL,
  WorkOrderStartTimerGQL,
  WorkOrderStopTimerGQL,
  type WorkOrderTimeEntryFieldsFragment,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { fromLocalInput } from '../shared/format';
import { DateTimePipe } from '../shared/pipes';
import { actionMessage } from './work-order-errors';
import { formatDuration } from './work-order-format';
import { runningTimers, timeRangeProblem } from './work-order-items.model';

type Field = 'startedAt' | 'endedAt' | 'note';

/** Time worked on the job: entries, total, a timer and a form to log time afterwards. */
@Component({
  selector: 'att-work-order-time',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './work-order-time.html',
  styleUrl: './work-order-time.scss',
})
export class WorkOrderTime {
  readonly workOrderId = input.required<string>();
  readonly entries = input.required<readonly WorkOrderTimeEntryFieldsFragment[]>();
  readonly totalMinutes = input.required<number>();
  readonly editable = input(false);

  private readonly logGql = inject(WorkOrderLogTimeGQL);
  private readonly startGql = inject(WorkOrderStartTimerGQL);
  private readonly stopGql = inject(WorkOrderStopTimerGQL);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly form = this.fb.group({ startedAt: '', endedAt: '', note: '' });
  protected readonly sorted = computed(() =>
    [...this.entries()].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)),
  );
  protected readonly running = computed(() => runningTimers(this.entries()));
  protected readonly duration = formatDuration;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly logging = signal(false);
  protected readonly fieldErrors = signal<Partial<Record<Field, string>>>({});

  protected openLog(): void {
    this.form.reset();
    this.fieldErrors.set({});
    this.logging.set(true);
  }

  protected async log(): Promise<void> {
    const v = this.form.getRawValue();
    const startedAt = fromLocalInput(v.startedAt);
    const endedAt = fromLocalInput(v.endedAt);
    const problem = timeRangeProblem(startedAt, endedAt);
    if (v.note.length > 500) {
      this.fieldErrors.set({ note: 'A note has at most 500 characters' });
      return;
    }
    if (problem || !startedAt || !endedAt) {
      this.fieldErrors.set(problem ? { [problem.field]: problem.message } : {});
      return;
    }
    this.fieldErrors.set({});
    const ok = await this.run(
      () =>
        firstValueFrom(
          this.logGql.mutate({
            variables: {
              input: {
                workOrderId: this.workOrderId(),
                startedAt,
                endedAt,
                note: v.note.trim() || null,
              },
            },
          }),
        ),
      true,
    );
    if (ok) this.logging.set(false);
  }

  protected start(): Promise<boolean> {
    const workOrderId = this.workOrderId();
    return this.run(() => firstValueFrom(this.startGql.mutate({ variables: { workOrderId } })));
  }

  protected stop(): Promise<boolean> {
    const workOrderId = this.workOrderId();
    return this.run(() => firstValueFrom(this.stopGql.mutate({ variables: { workOrderId } })));
  }

  private async run(action: () => Promise<unknown>, withFields = false): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      return true;
    } catch (err) {
      const fields = withFields ? fieldErrorsOf(err) : {};
      const shown: Partial<Record<Field, string>> = {};
      for (const f of ['startedAt', 'endedAt', 'note'] as const)
        if (fields[f]) shown[f] = fields[f];
      this.fieldErrors.set(shown);
      if (Object.keys(shown).length === 0) this.error.set(actionMessage(err));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
