import type { Routes } from '@angular/router';

export const TECHNICIAN_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('../shell/coming-soon.page').then((m) => m.ComingSoonPage),
    data: { title: 'Technicians', detail: '' },
  },
];
