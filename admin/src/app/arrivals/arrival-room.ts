import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import type { ArrivalRowFragment, RoomState } from '../generated/graphql';
import { StatusChip } from '../shared/status-chip';

type Room = NonNullable<ArrivalRowFragment['room']>;

export interface RoomStateChange {
  room: Room;
  state: RoomState;
}

/** What housekeeping marks from the board; out-of-order belongs to maintenance, not here. */
const QUICK_STATES: readonly { state: RoomState; label: string }[] = [
  { state: 'CLEAN', label: 'Mark clean' },
  { state: 'INSPECTED', label: 'Mark inspected' },
  { state: 'DIRTY', label: 'Mark dirty' },
];

/** Room number with its housekeeping state, and a quick state menu for those allowed. */
@Component({
  selector: 'att-arrival-room',
  imports: [MatButtonModule, MatMenuModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (room(); as r) {
      <span class="number">{{ r.number }}</span>
      <att-status-chip
        [value]="r.state"
        [label]="r.stateReason"
        data-testid="room-state"
        [attr.data-state]="r.state"
      />
      @if (canChange()) {
        <button
          mat-icon-button
          type="button"
          class="more"
          [matMenuTriggerFor]="menu"
          [disabled]="busy()"
          [attr.aria-label]="'Change state of room ' + r.number"
          [attr.data-testid]="'arrival-room-menu-' + code()"
        >
          ⋮
        </button>
        <mat-menu #menu="matMenu">
          @for (q of quickStates; track q.state) {
            <button
              mat-menu-item
              type="button"
              [disabled]="r.state === q.state"
              (click)="stateChange.emit({ room: r, state: q.state })"
              [attr.data-testid]="'room-state-' + q.state"
            >
              {{ q.label }}
            </button>
          }
        </mat-menu>
      }
    } @else {
      <att-status-chip value="Unassigned" data-testid="room-state" data-state="NONE" />
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
    }
    .number {
      font-weight: 500;
      min-width: 2.5em;
    }
    .more {
      --mat-icon-button-state-layer-size: 32px;
      width: 32px;
      height: 32px;
      padding: 0;
      font-size: 18px;
      line-height: 1;
    }
  `,
})
export class ArrivalRoom {
  readonly room = input.required<Room | null>();
  /** Confirmation code of the row, for test ids. */
  readonly code = input.required<string>();
  readonly canChange = input(false);
  readonly busy = input(false);
  readonly stateChange = output<RoomStateChange>();
  protected readonly quickStates = QUICK_STATES;
}
