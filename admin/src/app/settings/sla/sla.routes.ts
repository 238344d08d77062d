import type { Routes } from '@angular/router';

export const SLA_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./sla.page').then((m) => m.SlaPage),
  },
];
