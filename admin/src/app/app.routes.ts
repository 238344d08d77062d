import type { Routes } from '@angular/router';
import { roleGuard, signedInGuard } from './core/guards';
import { LoginPage } from './login/login.page';
import { NAV } from './shell/nav';
import { Shell } from './shell/shell';

const roles = (path: string) => NAV.find((n) => n.path === path)!.roles;
const soon = (path: string, title: string, detail: string) => ({
  path,
  canActivate: [roleGuard(...roles(path))],
  loadComponent: () => import('./shell/coming-soon.page').then((m) => m.ComingSoonPage),
  data: { title, detail },
});

export const routes: Routes = [
  { path: 'login', component: LoginPage },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'work-orders' },
      soon('dashboard', 'Dashboard', 'Daily briefing and KPIs arrive with analytics.'),
      {
        path: 'dispatch',
        canActivate: [roleGuard(...roles('dispatch'))],
        loadChildren: () => import('./dispatch/dispatch.routes').then((m) => m.DISPATCH_ROUTES),
      },
      {
        path: 'live-map',
        canActivate: [roleGuard(...roles('live-map'))],
        loadChildren: () => import('./live-map/live-map.routes').then((m) => m.LIVE_MAP_ROUTES),
      },
      {
        path: 'tasks',
        canActivate: [roleGuard(...roles('tasks'))],
        loadChildren: () => import('./tasks/tasks.routes').then((m) => m.TASK_ROUTES),
      },
      {
        path: 'technicians',
        canActivate: [roleGuard(...roles('technicians'))],
        loadChildren: () =>
          import('./technicians/technicians.routes').then((m) => m.TECHNICIAN_ROUTES),
      },
      {
        path: 'vendors',
        canActivate: [roleGuard(...roles('vendors'))],
        loadChildren: () => import('./vendors/vendors.routes').then((m) => m.VENDOR_ROUTES),
      },
      soon('messages', 'Messages', 'Two-way messaging arrives with communications.'),
      soon('invoices', 'Invoices', 'Invoice management arrives with finance.'),
      soon('analytics', 'Analytics', 'Analytics dashboards arrive with the analytics issue.'),
      {
        path: 'settings',
        canActivate: [roleGuard(...roles('settings'))],
        loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
      },
      {
        path: 'work-orders',
        canActivate: [roleGuard(...roles('work-orders'))],
        loadChildren: () =>
          import('./work-orders/work-orders.routes').then((m) => m.WORK_ORDER_ROUTES),
      },
      {
        path: 'arrivals',
        canActivate: [roleGuard(...roles('arrivals'))],
        loadChildren: () => import('./arrivals/arrivals.routes').then((m) => m.ARRIVAL_ROUTES),
      },
      {
        path: 'guests',
        canActivate: [roleGuard(...roles('guests'))],
        loadChildren: () => import('./guests/guests.routes').then((m) => m.GUEST_ROUTES),
      },
      {
        path: 'alerts',
        canActivate: [roleGuard(...roles('alerts'))],
        loadChildren: () => import('./alerts/alerts.routes').then((m) => m.ALERT_ROUTES),
      },
      {
        path: 'notification-preferences',
        loadComponent: () =>
          import('./notifications/notification-preferences.page').then(
            (m) => m.NotificationPreferencesPage,
          ),
      },
      {
        path: 'explorer',
        canActivate: [roleGuard(...roles('explorer'))],
        loadComponent: () => import('./explorer/explorer.page').then((m) => m.ExplorerPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
