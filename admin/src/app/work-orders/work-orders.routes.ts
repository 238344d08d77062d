import type { Routes } from '@angular/router';
import { roleGuard } from '../core/guards';
import { WORK_ORDER_EDITORS } from './work-order.constants';

export const WORK_ORDER_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./work-order-list.page').then((m) => m.WorkOrderListPage),
  },
  {
    path: 'new',
    canActivate: [roleGuard(...WORK_ORDER_EDITORS)],
    loadComponent: () => import('./work-order-form.page').then((m) => m.WorkOrderFormPage),
  },
  {
    path: ':id',
    loadComponent: () => import('./work-order-detail.page').then((m) => m.WorkOrderDetailPage),
  },
  {
    path: ':id/edit',
    canActivate: [roleGuard(...WORK_ORDER_EDITORS)],
    loadComponent: () => import('./work-order-form.page').then((m) => m.WorkOrderFormPage),
  },
];
