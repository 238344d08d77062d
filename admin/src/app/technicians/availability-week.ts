import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatDuration, totalMinutes, type CalendarDay, type DaySegment } from './calendar.model';
import { DAY_MINUTES } from '../shared/time-of-day';

/** Hours labelled on the time axis. */
const HOURS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/**
 * A week drawn as seven columns on a 24-hour axis: when the technician can work (green) and
 * their time off (amber, with the reason). Each block also reads as text for screen readers.
 */
@Component({
  selector: 'att-availability-week',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="week" role="table" aria-label="Availability by day" data-testid="availability-week">
      <div class="axis" aria-hidden="true">
        <div class="day-head"></div>
        <div class="track">
          @for (h of hours; track h) {
            <span class="hour" [style.top.%]="(h / 24) * 100">{{ h }}:00</span>
          }
        </div>
      </div>
      @for (day of days(); track day.date; let i = $index) {
        <div class="day" role="row" [attr.data-testid]="'availability-day-' + day.date">
          <div class="day-head" role="rowheader">
            <strong>{{ day.label }}</strong>
            <span class="total" data-testid="availability-total">{{ totals()[i] }}</span>
          </div>
          <div class="track" role="cell">
            @for (h of hours; track h) {
              <span class="line" [style.top.%]="(h / 24) * 100"></span>
            }
            @for (s of windows()[i] ?? []; track s.startMin) {
              <span
                class="block available"
                [style.top.%]="top(s)"
                [style.height.%]="height(s)"
                [attr.aria-label]="'Available ' + s.label"
                [title]="'Available ' + s.label"
                data-testid="availability-window"
                >{{ s.label }}</span
              >
            }
            @for (s of timeOff()[i] ?? []; track $index) {
              <span
                class="block off"
                [style.top.%]="top(s)"
                [style.height.%]="height(s)"
                [attr.aria-label]="'Time off ' + s.label"
                [title]="'Time off ' + s.label"
                data-testid="time-off-block"
                >{{ s.label }}</span
              >
            }
          </div>
        </div>
      }
    </div>
  `,
  styles: `
    .week {
      display: grid;
      grid-template-columns: 44px repeat(7, minmax(84px, 1fr));
      gap: 4px;
      overflow-x: auto;
    }
    .day-head {
      height: 40px;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      font: var(--mat-sys-label-large);
    }
    .total {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .track {
      position: relative;
      height: 360px;
    }
    .day .track {
      background: var(--mat-sys-surface-container-low);
      border-radius: 6px;
      overflow: hidden;
    }
    .hour {
      position: absolute;
      right: 4px;
      transform: translateY(-50%);
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .line {
      position: absolute;
      left: 0;
      right: 0;
      border-top: 1px dashed var(--mat-sys-outline-variant);
    }
    .block {
      position: absolute;
      left: 4px;
      right: 4px;
      border-radius: 4px;
      padding: 2px 4px;
      font: var(--mat-sys-label-small);
      overflow: hidden;
      box-sizing: border-box;
    }
    .available {
      background: #d6f2dd;
      border: 1px solid #4c9a63;
      color: #13532a;
    }
    .off {
      left: 18px;
      background: repeating-linear-gradient(45deg, #ffe8c2, #ffe8c2 6px, #ffd89a 6px, #ffd89a 12px);
      border: 1px solid #c77700;
      color: #7a4300;
    }
  `,
})
export class AvailabilityWeek {
  readonly days = input.required<readonly CalendarDay[]>();
  readonly windows = input.required<readonly DaySegment[][]>();
  readonly timeOff = input.required<readonly DaySegment[][]>();

  protected readonly hours = HOURS;
  protected readonly totals = computed(() =>
    this.days().map((_, i) => formatDuration(totalMinutes(this.windows()[i] ?? []))),
  );
  protected readonly top = (s: DaySegment) => (s.startMin / DAY_MINUTES) * 100;
  protected readonly height = (s: DaySegment) => ((s.endMin - s.startMin) / DAY_MINUTES) * 100;
}
