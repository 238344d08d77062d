import type { Routes } from '@angular/router';

export const SLA_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shell/coming-soon.page').then((m) => m.ComingSoonPage),
    data: { title: 'sla', detail: '' },
  },
];
