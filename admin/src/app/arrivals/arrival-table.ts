import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { CompletenessBar } from '../shared/completeness-bar';
import { DateTimePipe, WoNumberPipe } from '../shared/pipes';
import { StatusChip } from '../shared/status-chip';
import { SyncStatusIcon } from '../shared/sync-status';
import type { ArrivalRow } from './arrival-board.model';
import { ArrivalEta, type EtaChange } from './arrival-eta';
import { ArrivalRoom, type RoomStateChange } from './arrival-room';

/** One row per arriving reservation: guest, room, ETA, profile, service orders, readiness. */
@Component({
  selector: 'att-arrival-table',
  imports: [
    RouterLink,
    MatTooltipModule,
    ArrivalEta,
    ArrivalRoom,
    CompletenessBar,
    StatusChip,
    SyncStatusIcon,
    DateTimePipe,
    WoNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table data-testid="arrival-table">
        <thead>
          <tr>
            <th>Guest</th>
            <th>Arrival</th>
            <th>Room</th>
            <th>ETA</th>
            <th>Profile</th>
            <th>Service orders</th>
            <th>Readiness</th>
            <th><span class="sr-only">Sync</span></th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.id) {
            <tr
              [class.changed]="highlighted().has(r.id)"
              [attr.data-testid]="'arrival-row-' + r.confirmationCode"
              [attr.data-readiness]="r.readiness.status"
            >
              <td class="guest">
                <a [routerLink]="['/guests', r.guest.id]" class="name">{{ r.guest.fullName }}</a>
                @if (r.guest.vip) {
                  <span
                    class="vip"
                    tabindex="0"
                    [matTooltip]="r.guest.vipReason ?? 'VIP'"
                    [attr.aria-label]="'VIP: ' + (r.guest.vipReason ?? 'marked by staff')"
                    data-testid="arrival-vip"
                    >VIP</span
                  >
                }
                <div class="muted">
                  {{ r.confirmationCode }} · {{ r.adults }}+{{ r.children }}
                  @if (r.status !== 'CONFIRMED') {
                    · <att-status-chip [value]="r.status" />
                  }
                </div>
              </td>
              <td class="nowrap">{{ r.arrivalAt | dateTime }}</td>
              <td [attr.data-testid]="'arrival-room-' + r.confirmationCode">
                <att-arrival-room
                  [room]="r.room"
                  [code]="r.confirmationCode"
                  [canChange]="canChangeRoom()"
                  [busy]="busy().has(r.room?.id ?? '')"
                  (stateChange)="roomStateChange.emit($event)"
                />
              </td>
              <td [attr.data-testid]="'arrival-eta-' + r.confirmationCode">
                <att-arrival-eta
                  [row]="r"
                  [canEdit]="canEditEta()"
                  [busy]="busy().has(r.id)"
                  (etaChange)="etaChange.emit($event)"
                />
              </td>
              <td [attr.data-testid]="'arrival-profile-' + r.confirmationCode">
                <att-completeness-bar
                  [score]="r.guest.completeness"
                  [gaps]="r.guest.completenessGaps"
                />
                @if (r.guest.completenessGaps.length) {
                  <div class="muted small">{{ r.guest.completenessGaps.join(', ') }}</div>
                }
              </td>
              <td [attr.data-testid]="'arrival-orders-' + r.confirmationCode">
                @if (r.openServiceOrders.length) {
                  <span class="count">{{ r.openServiceOrders.length }} open</span>
                  <ul class="plain small">
                    @for (o of r.openServiceOrders; track o.workOrderId) {
                      <li>
                        <a [routerLink]="['/work-orders', o.workOrderId]">{{
                          o.number | woNumber
                        }}</a>
                        {{ o.title }}
                      </li>
                    }
                  </ul>
                } @else {
                  <span class="muted">None</span>
                }
              </td>
              <td [attr.data-testid]="'arrival-readiness-' + r.confirmationCode">
                <att-status-chip [value]="r.readiness.status" data-testid="readiness-status" />
                @if (r.readiness.reasons.length) {
                  <ul class="plain small reasons" data-testid="readiness-reasons">
                    @for (reason of r.readiness.reasons; track $index) {
                      <li>{{ reason }}</li>
                    }
                  </ul>
                }
              </td>
              <td>
                <att-sync-status
                  [status]="r.syncStatus"
                  [lastSyncedAt]="r.lastSyncedAt"
                  [attr.data-testid]="'arrival-sync-' + r.confirmationCode"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (loading() && rows().length === 0) {
        <div class="skeleton" data-testid="arrival-skeleton" aria-label="Loading arrivals">
          @for (i of skeletonRows; track i) {
            <div class="skeleton-row"><span></span><span></span><span></span><span></span></div>
          }
        </div>
      }
    </div>
  `,
  styleUrl: './arrival-table.scss',
})
export class ArrivalTable {
  readonly rows = input.required<readonly ArrivalRow[]>();
  readonly loading = input(false);
  readonly canEditEta = input(false);
  readonly canChangeRoom = input(false);
  /** Ids (reservations and rooms) with a change on its way. */
  readonly busy = input<ReadonlySet<string>>(new Set());
  readonly highlighted = input<ReadonlySet<string>>(new Set());
  readonly etaChange = output<EtaChange>();
  readonly roomStateChange = output<RoomStateChange>();
  protected readonly skeletonRows = [1, 2, 3, 4, 5, 6];
}
