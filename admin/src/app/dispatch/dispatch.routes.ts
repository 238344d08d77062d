import type { Routes } from '@angular/router';

export const DISPATCH_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./dispatch-board.page').then((m) => m.DispatchBoardPage),
  },
];
