import type { Routes } from '@angular/router';

export const GUEST_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./guest-list.page').then((m) => m.GuestListPage) },
  {
    path: ':id',
    loadComponent: () => import('./guest-detail.page').then((m) => m.GuestDetailPage),
  },
];
