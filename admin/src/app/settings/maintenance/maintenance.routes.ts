import type { Routes } from '@angular/router';

export const MAINTENANCE_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./maintenance.page').then((m) => m.MaintenancePage),
  },
];
