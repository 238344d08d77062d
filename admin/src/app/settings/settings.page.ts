import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** /settings: the organization's integrations and rules, one tab each. */
@Component({
  selector: 'att-settings',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Settings</h1>
    <nav mat-tab-nav-bar [tabPanel]="panel" data-testid="settings-tabs">
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #rla="routerLinkActive"
          [active]="rla.isActive"
          [attr.data-testid]="'settings-tab-' + tab.path"
          >{{ tab.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel class="panel"><router-outlet /></mat-tab-nav-panel>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 8px;
    }
    .panel {
      display: block;
      padding-top: 16px;
    }
  `,
})
export class SettingsPage {
  protected readonly tabs = [
    { path: 'mews', label: 'Mews' },
    { path: 'guest-rules', label: 'Guest rules' },
    { path: 'catalog', label: 'Service catalog' },
    { path: 'sla', label: 'SLA policies' },
    { path: 'maintenance', label: 'Maintenance plans' },
    { path: 'automation', label: 'Automation rules' },
    { path: 'tracking', label: 'Tracking' },
  ];
}
