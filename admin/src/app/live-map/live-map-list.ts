import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RelativeTimePipe } from '../shared/relative-time.pipe';
import type { TechnicianRow } from './live-map.model';

export interface TeamOption {
  id: string;
  name: string;
}

/**
 * The technicians beside the map: search and team filter, then one row each with last seen, next
 * job and ETA, and a stale badge. A row with a position today zooms the map to it.
 */
@Component({
  selector: 'att-live-map-list',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, RelativeTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'live-map-list' },
  template: `
    <div class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Search technicians</mat-label>
        <input
          matInput
          type="search"
          [value]="search()"
          (input)="searchChange.emit($any($event.target).value)"
          data-testid="live-map-search"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Team</mat-label>
        <mat-select
          [value]="teamId() ?? ''"
          (selectionChange)="teamChange.emit($event.value || null)"
          data-testid="live-map-team"
        >
          <mat-option value="">All teams</mat-option>
          @for (t of teams(); track t.id) {
            <mat-option [value]="t.id" [attr.data-testid]="'live-map-team-' + t.id">{{
              t.name
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (loading()) {
      <ul class="rows" aria-label="Loading technicians" data-testid="live-map-loading">
        @for (i of [1, 2, 3, 4]; track i) {
          <li class="skeleton"><span></span><span></span></li>
        }
      </ul>
    } @else {
      <ul class="rows" aria-label="Technicians">
        @for (r of rows(); track r.id) {
          <li>
            <button
              type="button"
              class="row"
              [class.selected]="r.id === selectedId()"
              [disabled]="!r.position"
              [attr.aria-pressed]="r.id === selectedId()"
              (click)="pick.emit(r.id)"
              [attr.data-testid]="'live-tech-' + r.id"
              [attr.data-stale]="r.stale"
            >
              <span class="avatar" [class.stale]="r.stale" [class.none]="!r.position">{{
                r.initials
              }}</span>
              <span class="main">
                <span class="line">
                  <span class="name">{{ r.name }}</span>
                  @if (r.stale) {
                    <span class="badge" data-testid="live-tech-stale">Stale</span>
                  }
                </span>
                <span class="muted" data-testid="live-tech-seen">
                  @if (r.position; as p) {
                    Last seen {{ p.recordedAt | relativeTime: now() }}
                  } @else {
                    No position today
                  }
                </span>
                @if (r.next) {
                  <span class="next" data-testid="live-tech-next">Next: {{ r.next }}</span>
                }
                @if (r.eta) {
                  <span class="eta" data-testid="live-tech-eta">{{ r.eta }}</span>
                }
              </span>
            </button>
          </li>
        } @empty {
          <li class="none" data-testid="live-map-no-match">
            @if (unavailable()) {
              The technicians could not be loaded.
            } @else {
              {{ search() ? 'No technician matches the search' : 'No active technicians' }}
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
    }
    .filters {
      display: grid;
      gap: 8px;
      padding: 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .rows {
      list-style: none;
      margin: 0;
      padding: 0;
      overflow-y: auto;
      flex: 1;
    }
    .row {
      display: flex;
      gap: 10px;
      width: 100%;
      padding: 10px 12px;
      border: 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: none;
      text-align: left;
      font: var(--mat-sys-body-medium);
      color: inherit;
      cursor: pointer;
    }
    .row:hover:not(:disabled),
    .row.selected {
      background: var(--mat-sys-surface-container-high);
    }
    .row:disabled {
      cursor: default;
      color: var(--mat-sys-on-surface-variant);
    }
    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      background: #2e7d32;
      color: #fff;
      font: var(--mat-sys-label-medium);
    }
    .avatar.stale {
      background: #9e9e9e;
      color: #212121;
    }
    .avatar.none {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .main {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .line {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .name {
      font-weight: 500;
    }
    .badge {
      padding: 0 8px;
      border-radius: 10px;
      background: #ffe8c2;
      color: #7a4300;
      font: var(--mat-sys-label-small);
    }
    .muted,
    .next {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .next {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .eta {
      font: var(--mat-sys-label-medium);
      color: #0b3a8c;
    }
    .none {
      padding: 24px 12px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .skeleton {
      display: grid;
      gap: 6px;
      padding: 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .skeleton span {
      height: 14px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      animation: att-live-pulse 1.2s infinite ease-in-out;
    }
    .skeleton span:last-child {
      width: 60%;
    }
    @keyframes att-live-pulse {
      50% {
        opacity: 0.45;
      }
    }
  `,
})
export class LiveMapList {
  readonly rows = input.required<readonly TechnicianRow[]>();
  readonly teams = input<readonly TeamOption[]>([]);
  readonly teamId = input<string | null>(null);
  readonly search = input('');
  readonly selectedId = input<string | null>(null);
  readonly loading = input(false);
  /** Loading failed (the page shows why, with a Retry). */
  readonly unavailable = input(false);
  /** Ticks, so "last seen" ages while the page stays open. */
  readonly now = input(Date.now());
  readonly pick = output<string>();
  readonly searchChange = output<string>();
  readonly teamChange = output<string | null>();
}
