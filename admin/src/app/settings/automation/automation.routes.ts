import type { Routes } from '@angular/router';

export const AUTOMATION_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shell/coming-soon.page').then((m) => m.ComingSoonPage),
    data: { title: 'automation', detail: '' },
  },
];
