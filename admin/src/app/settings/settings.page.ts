import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { EmailSinkStatusGQL } from '../generated/graphql';
import { queryState } from '../shared/query-state';

interface Section {
  path: string;
  label: string;
}

interface Group {
  label: string;
  sections: Section[];
}

const GROUPS: readonly Group[] = [
  {
    label: 'Hotel',
    sections: [
      { path: 'mews', label: 'Mews' },
      { path: 'guest-rules', label: 'Guest rules' },
    ],
  },
  {
    label: 'Field service',
    sections: [
      { path: 'catalog', label: 'Service catalog' },
      { path: 'sla', label: 'SLA policies' },
      { path: 'maintenance', label: 'Maintenance plans' },
      { path: 'automation', label: 'Automation rules' },
      { path: 'tracking', label: 'Tracking' },
    ],
  },
  {
    label: 'Communications',
    sections: [
      { path: 'templates', label: 'Templates' },
      { path: 'triggers', label: 'Triggers' },
      { path: 'messaging', label: 'Messaging' },
      { path: 'alerts', label: 'Alerts' },
    ],
  },
];

/**
 * /settings: the organization's integrations and rules, one section each, grouped in a side
 * navigation (a row of tabs no longer fits them all); on narrow screens the groups wrap above.
 */
@Component({
  selector: 'att-settings',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Settings</h1>
    <div class="layout">
      <nav aria-label="Settings" data-testid="settings-tabs">
        @for (group of groups(); track group.label) {
          <div class="group" role="group" [attr.aria-label]="group.label">
            <div class="group-label">{{ group.label }}</div>
            @for (section of group.sections; track section.path) {
              <a
                [routerLink]="section.path"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                [attr.data-testid]="'settings-tab-' + section.path"
                >{{ section.label }}</a
              >
            }
          </div>
        }
      </nav>
      <section class="panel"><router-outlet /></section>
    </div>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 8px;
    }
    .layout {
      display: grid;
      grid-template-columns: 200px minmax(0, 1fr);
      gap: 24px;
      align-items: start;
    }
    nav {
      position: sticky;
      top: 8px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .group {
      display: flex;
      flex-direction: column;
    }
    .group-label {
      font: var(--mat-sys-label-small);
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--mat-sys-on-surface-variant);
      padding: 0 12px 4px;
    }
    a {
      display: block;
      padding: 6px 12px;
      border-radius: 18px;
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      font: var(--mat-sys-label-large);
    }
    a:hover {
      background: var(--mat-sys-surface-container-high);
    }
    a:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    a.active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .panel {
      display: block;
      min-width: 0;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      nav {
        position: static;
        flex-direction: row;
        flex-wrap: wrap;
      }
      .group {
        flex-direction: row;
        flex-wrap: wrap;
        align-items: center;
      }
    }
  `,
})
export class SettingsPage {
  // The mail sink's outbox, only where email goes to the local sink (development, tests).
  private readonly emailSink = queryState(inject(EmailSinkStatusGQL).watch().valueChanges);
  protected readonly groups = computed((): readonly Group[] =>
    this.emailSink.data()?.emailSink.configured
      ? GROUPS.map((g) =>
          g.label === 'Communications'
            ? { ...g, sections: [...g.sections, { path: 'mail-sink', label: 'Mail sink' }] }
            : g,
        )
      : GROUPS,
  );
}
