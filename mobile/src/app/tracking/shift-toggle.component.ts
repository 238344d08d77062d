import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TrackingService } from './tracking.service';

/** "On shift" in the header: while on, the phone shares its position with dispatch. */
@Component({
  selector: 'app-shift-toggle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label
      class="shift"
      data-testid="shift"
      [title]="tracking.gpsError() ?? tracking.refused() ?? ''"
      [class.problem]="tracking.gpsError() || tracking.refused()"
    >
      <input
        type="checkbox"
        role="switch"
        data-testid="shift-toggle"
        [checked]="tracking.onShift()"
        (change)="toggle($any($event.target).checked)"
      />
      <span>{{ tracking.onShift() ? 'On shift' : 'Off shift' }}</span>
      @if (tracking.onShift() && (tracking.gpsError() || tracking.refused()); as problem) {
        <span class="visually-hidden" role="status">{{ problem }}</span>
        <span aria-hidden="true">⚠</span>
      }
    </label>
  `,
  styles: `
    .shift {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin-right: 8px;
      font-size: 0.75rem;
      color: inherit;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    input {
      width: 18px;
      height: 18px;
      margin: 0;
    }
  `,
})
export class ShiftToggleComponent {
  readonly tracking = inject(TrackingService);

  toggle(on: boolean): Promise<void> {
    return this.tracking.setOnShift(on);
  }
}
