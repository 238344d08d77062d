import type { Routes } from '@angular/router';

export const TASK_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./task-queue.page').then((m) => m.TaskQueuePage),
  },
];
