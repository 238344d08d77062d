import type { Routes } from '@angular/router';

export const AUTOMATION_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./automation.page').then((m) => m.AutomationPage),
  },
];
