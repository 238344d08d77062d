import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IonBadge, IonButton, IonIcon } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { notificationsOutline } from 'ionicons/icons';
import { NotificationCentreService } from './notification-centre.service';

/** The header bell: unread count, live, and the way to the notifications. */
@Component({
  selector: 'app-notification-bell',
  imports: [IonBadge, IonButton, IonIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ion-button
      routerLink="/notifications"
      data-testid="notification-bell"
      [attr.aria-label]="'Notifications, ' + centre.unread() + ' unread'"
    >
      <ion-icon slot="icon-only" name="notifications-outline" aria-hidden="true" />
      @if (centre.unread() > 0) {
        <ion-badge color="danger" data-testid="notification-unread">{{
          centre.unread()
        }}</ion-badge>
      }
    </ion-button>
  `,
  styles: `
    ion-badge {
      position: absolute;
      top: 2px;
      right: 0;
      font-size: 10px;
    }
  `,
})
export class NotificationBellComponent implements OnInit {
  protected readonly centre = inject(NotificationCentreService);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    addIcons({ notificationsOutline });
  }

  ngOnInit(): void {
    this.centre.start(this.destroyRef);
  }
}
