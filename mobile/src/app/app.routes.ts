import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard, technicianGuard } from './core/auth/auth.guards';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOutGuard],
    title: 'Sign in · Attendant',
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'not-technician',
    canActivate: [signedInGuard],
    title: 'Attendant',
    loadComponent: () =>
      import('./not-technician/not-technician.page').then((m) => m.NotTechnicianPage),
  },
  {
    path: '',
    canActivate: [technicianGuard],
    loadChildren: () => import('./jobs/jobs.routes').then((m) => m.JOB_ROUTES),
  },
  { path: '**', redirectTo: '' },
];
