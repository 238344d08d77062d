import type { Routes } from '@angular/router';

export const JOB_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'today' },
  {
    path: 'today',
    title: 'Today · Attendant',
    loadComponent: () => import('./today.page').then((m) => m.TodayPage),
  },
  {
    path: 'notifications',
    title: 'Notifications · Attendant',
    loadComponent: () =>
      import('../notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'jobs/:id',
    title: 'Job · Attendant',
    loadComponent: () => import('./job-detail.page').then((m) => m.JobDetailPage),
  },
];
