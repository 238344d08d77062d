import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { RemoveTechnicianTimeOffGQL, TechnicianCalendarGQL } from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { liveQuery } from '../shared/query-state';
import { AvailabilityWeek } from './availability-week';
import { segmentsByDay, weekDays, weekRange, weekTitle } from './calendar.model';
import { addDays, formatZoned, mondayOf, parseDay } from './zoned-date.model';
import { TimeOffForm } from './time-off-form';

type TimeOffRow = { id: string; startsAt: string; endsAt: string; reason: string };

/** The availability calendar of a chosen week, the time off from that week on, and adding it. */
@Component({
  selector: 'att-technician-availability',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorBanner,
    AvailabilityWeek,
    TimeOffForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="technician-availability">
      <mat-card-header>
        <mat-card-title>Availability</mat-card-title>
        <mat-card-subtitle>Shift on work days minus time off · {{ timezone() }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <nav class="week-nav" aria-label="Choose the week">
          <button
            mat-stroked-button
            type="button"
            (click)="step(-7)"
            data-testid="availability-prev"
          >
            ‹ Previous
          </button>
          <button mat-button type="button" (click)="thisWeek()" data-testid="availability-today">
            This week
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="step(7)"
            data-testid="availability-next"
          >
            Next ›
          </button>
          <strong class="title" data-testid="availability-title">{{ title() }}</strong>
          <mat-form-field subscriptSizing="dynamic" class="jump">
            <mat-label>Go to date</mat-label>
            <input
              matInput
              type="date"
              [formControl]="jump"
              (change)="goTo()"
              data-testid="availability-week"
            />
          </mat-form-field>
        </nav>
        <div class="progress">
          @if (calendar.loading()) {
            <mat-progress-bar mode="indeterminate" />
          }
        </div>
        @if (error(); as message) {
          <att-error-banner
            [message]="message"
            (retry)="calendar.refetch()"
            data-testid="availability-error"
          />
        }
        <att-availability-week [days]="days()" [windows]="windows()" [timeOff]="offBlocks()" />

        <h3>Time off from {{ firstDay() }}</h3>
        @if (action.error(); as message) {
          <att-error-banner
            [message]="message"
            [retryLabel]="null"
            data-testid="time-off-action-error"
          />
        }
        <ul class="time-off" data-testid="time-off-list">
          @for (t of timeOff(); track t.id) {
            <li [attr.data-testid]="'time-off-row-' + t.id">
              <span class="when">{{ when(t) }}</span>
              <span class="reason">{{ t.reason }}</span>
              @if (canEdit()) {
                <button
                  mat-button
                  type="button"
                  class="danger"
                  [disabled]="action.busy()"
                  (click)="remove(t)"
                  [attr.aria-label]="'Remove time off ' + t.reason"
                  data-testid="time-off-remove"
                >
                  Remove
                </button>
              }
            </li>
          } @empty {
            <li class="muted" data-testid="time-off-empty">No time off planned.</li>
          }
        </ul>
        @if (canEdit()) {
          <att-time-off-form
            [technicianId]="technicianId()"
            [timezone]="timezone()"
            (added)="calendar.refetch()"
          />
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .week-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 4px;
    }
    .title {
      flex: 1 1 auto;
      text-align: center;
      font: var(--mat-sys-title-small);
    }
    .jump {
      width: 180px;
    }
    .progress {
      height: 4px;
      margin-bottom: 4px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .time-off {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .time-off li {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .when {
      font-weight: 500;
      white-space: nowrap;
    }
    .reason {
      flex: 1 1 auto;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TechnicianAvailability {
  readonly technicianId = input.required<string>();
  readonly timezone = input.required<string>();
  readonly canEdit = input(false);

  private readonly dialog = inject(MatDialog);
  private readonly gql = inject(TechnicianCalendarGQL);
  private readonly removeGql = inject(RemoveTechnicianTimeOffGQL);

  /** The Monday of the week shown, in the organization's time zone; null = this week. */
  private readonly chosen = signal<string | null>(null);
  protected readonly monday = computed(
    () => this.chosen() ?? mondayOf(new Date(), this.timezone()),
  );
  protected readonly days = computed(() => weekDays(this.monday(), this.timezone()));
  protected readonly title = computed(() => weekTitle(this.monday()));
  protected readonly firstDay = computed(() => this.days()[0]?.label ?? '');
  protected readonly jump = new FormControl('', { nonNullable: true });

  private readonly variables = computed(() => ({
    id: this.technicianId(),
    ...weekRange(this.monday(), this.timezone()),
  }));
  protected readonly calendar = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  private readonly technician = computed(() => this.calendar.data()?.technician);
  protected readonly timeOff = computed<readonly TimeOffRow[]>(
    () => this.technician()?.timeOff ?? [],
  );
  protected readonly windows = computed(() =>
    segmentsByDay(this.technician()?.availability ?? [], this.days(), this.timezone()),
  );
  protected readonly offBlocks = computed(() =>
    segmentsByDay(
      this.timeOff().map((t) => ({ start: t.startsAt, end: t.endsAt })),
      this.days(),
      this.timezone(),
    ),
  );
  protected readonly error = computed(() =>
    this.calendar.error() ? messageOf(this.calendar.error()) : null,
  );
  protected readonly action = new ActionState();

  protected step(days: number): void {
    this.chosen.set(addDays(this.monday(), days));
  }

  protected thisWeek(): void {
    this.chosen.set(null);
    this.jump.setValue('');
  }

  protected goTo(): void {
    const day = parseDay(this.jump.value);
    if (!day) return;
    // A typed date is a calendar day: its Monday needs no time zone (noon UTC keeps the date).
    const noon = new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
    this.chosen.set(mondayOf(noon, 'UTC'));
  }

  protected when(t: TimeOffRow): string {
    return `${formatZoned(t.startsAt, this.timezone())} – ${formatZoned(t.endsAt, this.timezone())}`;
  }

  protected async remove(t: TimeOffRow): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Remove this time off?',
      message: `${this.when(t)}\n${t.reason}\n\nThe technician becomes available in that time again.`,
      confirm: 'Remove',
      danger: true,
    });
    if (!confirmed) return;
    await this.action.run(async () => {
      await firstValueFrom(this.removeGql.mutate({ variables: { id: t.id } }));
      this.calendar.refetch();
    });
  }
}
