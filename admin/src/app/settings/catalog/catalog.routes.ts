import type { Routes } from '@angular/router';

export const CATALOG_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shell/coming-soon.page').then((m) => m.ComingSoonPage),
    data: { title: 'catalog', detail: '' },
  },
];
