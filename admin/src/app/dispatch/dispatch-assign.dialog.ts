import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';
import { messageOf } from '../core/errors';
import { DispatchCheckScheduleGQL, type DispatchConflictFragment } from '../generated/graphql';
import { woNumber } from '../shared/format';
import type { LaneJob } from './dispatch-board.model';
import { atLocalTime } from './dispatch-timeline.model';

export interface AssignOption {
  id: string;
  name: string;
  working: boolean;
}

export interface AssignData {
  job: LaneJob;
  technicians: readonly AssignOption[];
  day: string;
  timezone: string;
  technicianId: string | null;
  time: string;
}

export interface AssignResult {
  technicianId: string;
  start: string;
}

/** The keyboard way to schedule: pick a technician and a local time; conflicts are previewed. */
@Component({
  selector: 'att-dispatch-assign-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Assign {{ label }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="assign-form">
      <mat-dialog-content>
        <p class="title">{{ data.job.title }} · {{ data.job.estimatedMinutes }} min</p>
        <mat-form-field>
          <mat-label>Technician</mat-label>
          <mat-select formControlName="technicianId" data-testid="assign-technician">
            @for (t of data.technicians; track t.id) {
              <mat-option [value]="t.id" [attr.data-testid]="'assign-option-' + t.id">
                {{ t.name }}{{ t.working ? '' : ' (off)' }}
              </mat-option>
            }
          </mat-select>
          <mat-error>Choose a technician</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Start ({{ data.day }})</mat-label>
          <input matInput type="time" step="900" formControlName="time" data-testid="assign-time" />
          <mat-hint>{{ data.timezone }}</mat-hint>
          <mat-error>Enter a time like 09:30</mat-error>
        </mat-form-field>
        @if (conflicts(); as list) {
          @if (list.length) {
            <ul class="conflicts" data-testid="assign-conflicts" aria-live="polite">
              @for (c of list; track $index) {
                <li [class.blocking]="c.blocking">{{ c.blocking ? '⛔' : '⚠' }} {{ c.message }}</li>
              }
            </ul>
          } @else {
            <p class="ok" data-testid="assign-no-conflicts">No conflicts</p>
          }
        }
        @if (checkError(); as e) {
          <p class="muted">{{ e }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="assign-cancel">
          Cancel
        </button>
        <button mat-flat-button type="submit" data-testid="assign-submit">Assign</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: grid;
      gap: 4px;
      min-width: min(380px, 80vw);
    }
    .title {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .conflicts {
      margin: 8px 0 0;
      padding-left: 4px;
      list-style: none;
      display: grid;
      gap: 4px;
      color: #7a4300;
    }
    .conflicts .blocking {
      color: var(--mat-sys-error);
    }
    .ok {
      color: #13532a;
      margin: 8px 0 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AssignDialog {
  protected readonly data = inject<AssignData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AssignDialog, AssignResult>>(MatDialogRef);
  private readonly check = inject(DispatchCheckScheduleGQL);
  protected readonly label = woNumber(this.data.job.number);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    technicianId: [this.data.technicianId ?? '', Validators.required],
    time: [this.data.time, [Validators.required, Validators.pattern(/^\d{1,2}:\d{2}$/)]],
  });
  protected readonly conflicts = signal<readonly DispatchConflictFragment[] | null>(null);
  protected readonly checkError = signal<string | null>(null);

  constructor() {
    this.form.valueChanges
      .pipe(
        startWith(null),
        debounceTime(300),
        map(() => this.result()),
        switchMap((r) =>
          r
            ? this.check
                .fetch({
                  variables: { input: { workOrderId: this.data.job.id, ...r } },
                  fetchPolicy: 'network-only',
                })
                .pipe(
                  map((res) => ({ list: res.data?.checkSchedule ?? [], error: null })),
                  catchError((err: unknown) => of({ list: null, error: messageOf(err) })),
                )
            : of({ list: null, error: null }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ list, error }) => {
        this.conflicts.set(list);
        this.checkError.set(error);
      });
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const result = this.result();
    // The pattern passed but the time does not exist (e.g. 25:00).
    if (!result) this.form.controls.time.setErrors({ pattern: true });
    else this.ref.close(result);
  }

  private result(): AssignResult | null {
    const { technicianId, time } = this.form.getRawValue();
    const start = atLocalTime(this.data.day, time, this.data.timezone);
    return technicianId && start ? { technicianId, start } : null;
  }
}
