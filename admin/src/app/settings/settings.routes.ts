import type { Routes } from '@angular/router';
import { SettingsPage } from './settings.page';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    component: SettingsPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'mews' },
      {
        path: 'mews',
        loadComponent: () =>
          import('./mews/mews-connection.page').then((m) => m.MewsConnectionPage),
      },
      {
        path: 'catalog',
        loadChildren: () => import('./catalog/catalog.routes').then((m) => m.CATALOG_ROUTES),
      },
      {
        path: 'sla',
        loadChildren: () => import('./sla/sla.routes').then((m) => m.SLA_ROUTES),
      },
      {
        path: 'maintenance',
        loadChildren: () =>
          import('./maintenance/maintenance.routes').then((m) => m.MAINTENANCE_ROUTES),
      },
      {
        path: 'automation',
        loadChildren: () =>
          import('./automation/automation.routes').then((m) => m.AUTOMATION_ROUTES),
      },
      {
        path: 'tracking',
        loadComponent: () =>
          import('./tracking/tracking-settings.page').then((m) => m.TrackingSettingsPage),
      },
      {
        path: 'mail-sink',
        loadComponent: () => import('./mail-sink/mail-sink.page').then((m) => m.MailSinkPage),
      },
      {
        path: 'alerts',
        loadComponent: () => import('./alerts/alert-rules.page').then((m) => m.AlertRulesPage),
      },
      {
        path: 'guest-rules',
        loadComponent: () => import('./guest-rules/guest-rules.page').then((m) => m.GuestRulesPage),
      },
      {
        path: 'templates',
        loadComponent: () => import('./templates/templates.page').then((m) => m.TemplatesPage),
      },
      {
        path: 'triggers',
        loadComponent: () => import('./triggers/triggers.page').then((m) => m.TriggersPage),
      },
      {
        path: 'messaging',
        loadComponent: () =>
          import('./messaging/messaging-settings.page').then((m) => m.MessagingSettingsPage),
      },
    ],
  },
];
