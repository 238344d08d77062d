import type { Routes } from '@angular/router';

export const ARRIVAL_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./arrival-board.page').then((m) => m.ArrivalBoardPage),
  },
];
