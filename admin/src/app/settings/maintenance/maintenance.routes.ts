import type { Routes } from '@angular/router';

export const MAINTENANCE_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shell/coming-soon.page').then((m) => m.ComingSoonPage),
    data: { title: 'maintenance', detail: '' },
  },
];
