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
        path: 'guest-rules',
        loadComponent: () => import('./guest-rules/guest-rules.page').then((m) => m.GuestRulesPage),
      },
    ],
  },
];
