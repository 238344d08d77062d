import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { IonApp, IonRouterOutlet } from '@ionic/angular';
import { SyncService } from './core/offline/sync.service';
import { TrackingService } from './tracking/tracking.service';

@Component({
  selector: 'app-root',
  imports: [IonApp, IonRouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ion-app><ion-router-outlet /></ion-app>`,
})
export class App {
  constructor() {
    // Syncing and GPS run app-wide while signed in, whatever page is open.
    inject(SyncService);
    inject(TrackingService);
  }
}
