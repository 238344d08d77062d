import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { BUDGETS } from './dispatch-optimizer.model';

export interface TeamOption {
  id: string;
  name: string;
}

/** Fit the planned hours to the screen, or show the whole day scrolling sideways. */
export type Zoom = 'fit' | 'day';

/** Day picker (previous, today, next, a date), team filter, zoom, map toggle and refresh. */
@Component({
  selector: 'att-dispatch-toolbar',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="days" role="group" aria-label="Day shown">
      <button
        mat-stroked-button
        type="button"
        (click)="step.emit(-1)"
        aria-label="Previous day"
        data-testid="dispatch-prev"
      >
        ‹
      </button>
      <button mat-stroked-button type="button" (click)="today.emit()" data-testid="dispatch-today">
        Today
      </button>
      <button
        mat-stroked-button
        type="button"
        (click)="step.emit(1)"
        aria-label="Next day"
        data-testid="dispatch-next"
      >
        ›
      </button>
      <input
        class="date"
        type="date"
        [value]="day()"
        (change)="pickDate($event)"
        aria-label="Pick a day"
        data-testid="dispatch-date"
      />
      <span class="label" data-testid="dispatch-day" [attr.data-day]="day()">{{ dayLabel() }}</span>
    </div>
    <div class="right">
      <mat-form-field subscriptSizing="dynamic" class="team">
        <mat-label>Team</mat-label>
        <mat-select
          [value]="teamId() ?? ''"
          (selectionChange)="teamChange.emit($event.value || null)"
          data-testid="dispatch-team"
        >
          <mat-option value="">All teams</mat-option>
          @for (t of teams(); track t.id) {
            <mat-option [value]="t.id" [attr.data-testid]="'dispatch-team-' + t.id">{{
              t.name
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-button-toggle-group
        [value]="zoom()"
        (change)="zoomChange.emit($event.value)"
        aria-label="Timeline zoom"
        data-testid="dispatch-zoom"
      >
        <mat-button-toggle
          value="fit"
          matTooltip="Fit the planned hours to the screen"
          data-testid="dispatch-zoom-fit"
          >Work hours</mat-button-toggle
        >
        <mat-button-toggle
          value="day"
          matTooltip="All 24 hours, scrolling sideways"
          data-testid="dispatch-zoom-day"
          >Whole day</mat-button-toggle
        >
      </mat-button-toggle-group>
      <button
        mat-stroked-button
        type="button"
        (click)="toggleMap.emit()"
        [attr.aria-pressed]="mapOpen()"
        data-testid="dispatch-map-toggle"
      >
        {{ mapOpen() ? 'Hide map' : 'Show map' }}
      </button>
      <button
        mat-stroked-button
        type="button"
        (click)="refresh.emit()"
        [disabled]="loading()"
        data-testid="dispatch-refresh"
      >
        Refresh
      </button>
    </div>
    @if (canPlan()) {
      <div class="optimize" role="group" aria-label="Dispatch optimizer">
        <button
          mat-flat-button
          type="button"
          (click)="suggest.emit()"
          [disabled]="optimizing()"
          matTooltip="Let the optimizer propose the best plan for this day and team"
          data-testid="suggest-schedule"
        >
          Suggest optimal schedule
        </button>
        <mat-form-field subscriptSizing="dynamic" class="budget">
          <mat-label>Search time</mat-label>
          <mat-select
            [value]="budget()"
            [disabled]="optimizing()"
            (selectionChange)="budgetChange.emit($event.value)"
            data-testid="suggest-budget"
          >
            @for (b of budgets; track b) {
              <mat-option [value]="b" [attr.data-testid]="'suggest-budget-' + b"
                >{{ b }} s</mat-option
              >
            }
          </mat-select>
        </mat-form-field>
        @if (optimizing()) {
          <div class="running" data-testid="suggest-progress" role="status">
            <span>Optimising…</span>
            <mat-progress-bar mode="determinate" [value]="progress()" />
          </div>
        }
        <button
          mat-stroked-button
          type="button"
          (click)="whatIf.emit()"
          [attr.aria-pressed]="whatIfOpen()"
          data-testid="what-if"
        >
          What if…
        </button>
        @if (optimizeError(); as message) {
          <span class="error" role="alert" data-testid="suggest-error">{{ message }}</span>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .days,
    .right {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .days button {
      min-width: 40px;
    }
    .date {
      font: var(--mat-sys-body-medium);
      padding: 6px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .label {
      font: var(--mat-sys-title-medium);
      margin-left: 4px;
    }
    .team {
      width: 180px;
    }
    .optimize {
      flex-basis: 100%;
      display: flex;
      align-items: center;
      gap: 8px 12px;
      flex-wrap: wrap;
    }
    .budget {
      width: 120px;
    }
    .running {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 200px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: #8c1d18;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class DispatchToolbar {
  readonly day = input.required<string>();
  readonly dayLabel = input.required<string>();
  readonly teams = input<readonly TeamOption[]>([]);
  readonly teamId = input<string | null>(null);
  readonly zoom = input<Zoom>('fit');
  readonly mapOpen = input(false);
  readonly loading = input(false);
  readonly canPlan = input(false);
  /** Seconds the optimizer may search. */
  readonly budget = input<number>(5);
  readonly optimizing = input(false);
  /** 0–100 of the search time gone. */
  readonly progress = input(0);
  readonly optimizeError = input<string | null>(null);
  readonly whatIfOpen = input(false);
  readonly step = output<number>();
  readonly today = output<void>();
  readonly pick = output<string>();
  readonly teamChange = output<string | null>();
  readonly zoomChange = output<Zoom>();
  readonly toggleMap = output<void>();
  readonly refresh = output<void>();
  readonly suggest = output<void>();
  readonly budgetChange = output<number>();
  readonly whatIf = output<void>();

  protected readonly budgets = BUDGETS;

  protected pickDate(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value) this.pick.emit(value);
  }
}
