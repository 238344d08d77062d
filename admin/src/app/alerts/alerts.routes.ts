import type { Routes } from '@angular/router';

export const ALERT_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./alerts.page').then((m) => m.AlertsPage) },
];
