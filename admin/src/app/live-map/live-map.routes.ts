import type { Routes } from '@angular/router';

export const LIVE_MAP_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./live-map.page').then((m) => m.LiveMapPage),
  },
];
