import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

/** Colour family of each enum value the console shows as a chip (statuses, priorities). */
const TONES: Record<string, Tone> = {
  // Work order statuses
  NEW: 'neutral',
  SCHEDULED: 'info',
  DISPATCHED: 'info',
  EN_ROUTE: 'progress',
  ARRIVED: 'progress',
  IN_PROGRESS: 'progress',
  ON_HOLD: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'danger',
  // Priorities
  EMERGENCY: 'danger',
  HIGH: 'warning',
  NORMAL: 'neutral',
  LOW: 'neutral',
  // Invoices
  DRAFT: 'neutral',
  ISSUED: 'info',
  PARTIALLY_PAID: 'warning',
  PAID: 'success',
  VOID: 'danger',
  // Reservations
  INQUIRED: 'neutral',
  CONFIRMED: 'info',
  CHECKED_IN: 'progress',
  CHECKED_OUT: 'success',
  NO_SHOW: 'danger',
  // Arrival readiness (ARRIVED is shared with work orders)
  READY: 'success',
  ATTENTION: 'warning',
  NOT_READY: 'danger',
  // Mews connection, sync runs, sync items, dead letters and conflicts
  CONNECTED: 'success',
  ERROR: 'danger',
  DISCONNECTED: 'neutral',
  RUNNING: 'progress',
  FAILED: 'danger',
  SYNCED: 'success',
  PENDING: 'info',
  CONFLICT: 'warning',
  OPEN: 'warning',
  RESOLVED: 'success',
  // Housekeeping states of rooms
  CLEAN: 'success',
  INSPECTED: 'success',
  DIRTY: 'warning',
  OUT_OF_ORDER: 'danger',
  OUT_OF_SERVICE: 'danger',
  // Messages (DRAFT and FAILED as above)
  REFUSED: 'danger',
  QUEUED: 'neutral',
  SENDING: 'progress',
  SENT: 'info',
  DELIVERED: 'success',
  READ: 'success',
  UNDELIVERED: 'danger',
  RECEIVED: 'info',
  // Alert severities (OPEN as above)
  INFO: 'info',
  WARNING: 'warning',
  CRITICAL: 'danger',
  ACKNOWLEDGED: 'success',
};

/**
 * A small coloured label for an enum value. Its text is the value itself (e.g. `IN_PROGRESS`),
 * so tests and screen readers see exactly what the API returned.
 */
@Component({
  selector: 'att-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'att-chip', '[class]': '"tone-" + tone()', '[attr.title]': 'label() || null' },
  template: `{{ value() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      letter-spacing: 0.02em;
      white-space: nowrap;
      line-height: 20px;
      transition:
        box-shadow 300ms ease,
        background-color 300ms ease;
    }
    :host(.tone-neutral) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    :host(.tone-info) {
      background: #dbe7ff;
      color: #0b3a8c;
    }
    :host(.tone-progress) {
      background: #e3dcff;
      color: #3b1d8f;
    }
    :host(.tone-success) {
      background: #d6f2dd;
      color: #13532a;
    }
    :host(.tone-warning) {
      background: #ffe8c2;
      color: #7a4300;
    }
    :host(.tone-danger) {
      background: #ffdad6;
      color: #8c1d18;
    }
    :host(.changed) {
      box-shadow: 0 0 0 3px #ffd54f;
    }
  `,
})
export class StatusChip {
  readonly value = input.required<string>();
  /** Optional tooltip, e.g. the reason of an ON_HOLD status. */
  readonly label = input<string | null | undefined>(null);
  protected readonly tone = computed<Tone>(() => TONES[this.value()] ?? 'neutral');
}
