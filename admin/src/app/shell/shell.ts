import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { SessionStore } from '../core/session.store';
import { NotificationBell } from '../notifications/notification-bell';
import { NotificationCentre } from '../notifications/notification-centre';
import { NAV } from './nav';

@Component({
  selector: 'att-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenavModule,
    MatToolbarModule,
    MatListModule,
    MatButtonModule,
    NotificationBell,
  ],
  providers: [NotificationCentre],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-sidenav-container class="shell">
      <mat-sidenav #nav [mode]="compact() ? 'over' : 'side'" [opened]="!compact()">
        <div class="brand">Attendant</div>
        <mat-nav-list data-testid="nav">
          @for (item of items(); track item.path) {
            <a
              mat-list-item
              [routerLink]="item.path"
              routerLinkActive
              #rla="routerLinkActive"
              [activated]="rla.isActive"
              (click)="compact() && nav.close()"
              [attr.data-testid]="'nav-' + item.path"
              >{{ item.label }}</a
            >
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content>
        <mat-toolbar>
          @if (compact()) {
            <button mat-button (click)="nav.toggle()" aria-label="Menu">☰</button>
          }
          <span class="org">{{ user()?.organization?.name }}</span>
          <span class="spacer"></span>
          <att-notification-bell />
          <span class="who" data-testid="who"
            >{{ user()?.name }} · {{ user()?.roles?.join(', ') }}</span
          >
          <button mat-button (click)="logout()" data-testid="logout">Sign out</button>
        </mat-toolbar>
        <main class="content"><router-outlet /></main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    .shell {
      height: 100vh;
    }
    mat-sidenav {
      width: 220px;
    }
    .brand {
      font: var(--mat-sys-title-large);
      padding: 16px;
    }
    .spacer {
      flex: 1;
    }
    .org {
      font: var(--mat-sys-title-medium);
    }
    .who {
      font: var(--mat-sys-body-medium);
      margin-right: 8px;
    }
    .content {
      padding: 16px;
      max-width: 1400px;
    }
  `,
})
export class Shell {
  private readonly store = inject(SessionStore);
  private readonly auth = inject(AuthService);
  readonly user = this.store.user;
  readonly items = computed(() => NAV.filter((i) => this.store.hasAnyRole(i.roles)));
  readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 900px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  logout(): Promise<void> {
    return this.auth.logout();
  }
}
