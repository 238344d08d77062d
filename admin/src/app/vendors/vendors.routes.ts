import type { Routes } from '@angular/router';
import { roleGuard } from '../core/guards';
import { VENDOR_EDITORS } from './vendor.model';

export const VENDOR_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./vendor-list.page').then((m) => m.VendorListPage),
  },
  {
    path: 'new',
    canActivate: [roleGuard(...VENDOR_EDITORS)],
    loadComponent: () => import('./vendor-form.page').then((m) => m.VendorFormPage),
  },
  {
    path: ':id',
    loadComponent: () => import('./vendor-detail.page').then((m) => m.VendorDetailPage),
  },
  {
    path: ':id/edit',
    canActivate: [roleGuard(...VENDOR_EDITORS)],
    loadComponent: () => import('./vendor-form.page').then((m) => m.VendorFormPage),
  },
];
