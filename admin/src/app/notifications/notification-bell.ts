import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import type { NotificationItemFragment } from '../generated/graphql';
import { RelativeTimePipe } from '../shared/relative-time.pipe';
import { StatusChip } from '../shared/status-chip';
import { NotificationCentre } from './notification-centre';
import { entityLabel, entityLink } from './notification-link';

/** The toolbar bell: unread badge, and a panel with the newest notifications (live). */
@Component({
  selector: 'att-notification-bell',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatMenuModule,
    RouterLink,
    RelativeTimePipe,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      [matMenuTriggerFor]="panel"
      [matBadge]="centre.unread()"
      [matBadgeHidden]="centre.unread() === 0"
      matBadgeColor="warn"
      matBadgeSize="medium"
      [attr.aria-label]="'Notifications, ' + centre.unread() + ' unread'"
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" class="bell" viewBox="0 0 24 24" width="22" height="22">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1l-2-2Z"
        />
      </svg>
      <span class="count" data-testid="notification-unread">{{ centre.unread() }}</span>
    </button>
    <mat-menu #panel="matMenu" class="att-notification-panel" xPosition="before">
      <div class="panel">
        <div class="head" (click)="$event.stopPropagation()" (keydown)="$event.stopPropagation()">
          <strong>Notifications</strong>
          <button
            mat-button
            type="button"
            [disabled]="centre.unread() === 0"
            (click)="centre.markAllRead()"
            data-testid="notification-mark-all"
          >
            Mark all read
          </button>
        </div>
        @if (centre.actionError(); as error) {
          <p class="error" role="alert">{{ error }}</p>
        }
        @if (centre.liveError()) {
          <p class="hint">Live updates paused; the list refreshes when you open it again.</p>
        }
        @if (centre.loading()) {
          <p class="hint">Loading…</p>
        } @else if (centre.error()) {
          <p class="error" role="alert">Notifications could not be loaded.</p>
        } @else {
          @for (n of centre.notifications(); track n.id) {
            <button
              mat-menu-item
              class="item"
              [class.unread]="!n.readAt"
              (click)="open(n)"
              data-testid="notification-item"
            >
              <span class="line">
                <att-status-chip [value]="n.severity" />
                <span class="title">{{ n.title }}</span>
              </span>
              @if (n.body) {
                <span class="body">{{ n.body }}</span>
              }
              <span class="meta">{{ n.createdAt | relativeTime }} · {{ label(n) }}</span>
            </button>
          } @empty {
            <p class="hint" data-testid="notification-empty">
              No notifications yet. Alerts routed to you appear here.
            </p>
          }
        }
        <div class="foot">
          <a mat-button routerLink="/alerts" data-testid="notification-all-alerts">All alerts</a>
          <a mat-button routerLink="/notification-preferences">Preferences</a>
        </div>
      </div>
    </mat-menu>
  `,
  styles: `
    .bell {
      vertical-align: middle;
    }
    .panel {
      background: var(--mat-sys-surface-container);
    }
    .count {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .head,
    .foot {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 4px 12px;
      gap: 8px;
    }
    .item {
      height: auto;
      min-height: 56px;
      padding: 8px 12px;
      white-space: normal;
    }
    .item.unread {
      background: var(--mat-sys-secondary-container);
    }
    .line {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .body,
    .meta {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .hint,
    .error {
      padding: 8px 12px;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class NotificationBell {
  protected readonly centre = inject(NotificationCentre);
  private readonly router = inject(Router);

  protected label(n: NotificationItemFragment): string {
    return entityLabel(n.entityType);
  }

  /** Opening a notification reads it and follows its link. */
  protected async open(n: NotificationItemFragment): Promise<void> {
    if (!n.readAt) await this.centre.markRead(n.id);
    await this.router.navigate(entityLink(n.entityType, n.entityId));
  }
}
