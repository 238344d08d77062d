import type { Routes } from '@angular/router';
import { roleGuard } from '../core/guards';
import { TECHNICIAN_EDITORS } from './technician.model';

export const TECHNICIAN_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./technician-list.page').then((m) => m.TechnicianListPage),
  },
  {
    path: 'new',
    canActivate: [roleGuard(...TECHNICIAN_EDITORS)],
    loadComponent: () => import('./technician-form.page').then((m) => m.TechnicianFormPage),
  },
  {
    path: ':id',
    loadComponent: () => import('./technician-detail.page').then((m) => m.TechnicianDetailPage),
  },
  {
    path: ':id/edit',
    canActivate: [roleGuard(...TECHNICIAN_EDITORS)],
    loadComponent: () => import('./technician-form.page').then((m) => m.TechnicianFormPage),
  },
];
