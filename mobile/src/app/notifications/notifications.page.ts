import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit } from '@angular/core';
import { Router } from '@angular/router';
import {
  IonBackButton,
  IonButton,
  IonButtons,
  IonContent,
  IonHeader,
  IonItem,
  IonLabel,
  IonList,
  IonNote,
  IonRefresher,
  IonRefresherContent,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular';
import type { MyNotificationFragment } from '../generated/graphql';
import { NotificationCentreService } from './notification-centre.service';

/** /notifications: what was routed to the technician, newest first, live. */
@Component({
  selector: 'app-notifications',
  imports: [
    IonBackButton,
    IonButton,
    IonButtons,
    IonContent,
    IonHeader,
    IonItem,
    IonLabel,
    IonList,
    IonNote,
    IonRefresher,
    IonRefresherContent,
    IonTitle,
    IonToolbar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-buttons slot="start"><ion-back-button defaultHref="/today" /></ion-buttons>
        <ion-title>Notifications</ion-title>
        <ion-buttons slot="end">
          <ion-button
            [disabled]="centre.unread() === 0"
            (click)="centre.markAllRead()"
            data-testid="notification-mark-all"
            >Mark all read</ion-button
          >
        </ion-buttons>
      </ion-toolbar>
    </ion-header>
    <ion-content>
      <ion-refresher slot="fixed" (ionRefresh)="onRefresh($event)">
        <ion-refresher-content />
      </ion-refresher>
      @if (centre.error(); as message) {
        <div class="app-banner" role="alert">{{ message }}</div>
      }
      @if (!centre.loaded() && centre.loading()) {
        <p class="hint" aria-busy="true">Loading notifications…</p>
      } @else if (centre.empty()) {
        <section class="empty" data-testid="notifications-empty">
          <h2>No notifications</h2>
          <p>Alerts routed to you appear here as they happen.</p>
        </section>
      } @else {
        <ion-list>
          @for (n of centre.items(); track n.id) {
            <ion-item
              button
              [class.unread]="!n.readAt"
              (click)="open(n)"
              data-testid="notification-item"
            >
              <ion-label class="ion-text-wrap">
                <h3>{{ n.title }}</h3>
                @if (n.body) {
                  <p>{{ n.body }}</p>
                }
                <p>{{ n.severity }} · {{ when(n.createdAt) }}</p>
              </ion-label>
              @if (!n.readAt) {
                <ion-note slot="end" color="danger">New</ion-note>
              }
            </ion-item>
          }
        </ion-list>
        @if (centre.hasMore()) {
          <ion-button expand="block" fill="clear" (click)="centre.more()">Show older</ion-button>
        }
      }
    </ion-content>
  `,
  styles: `
    .unread {
      --background: var(--ion-color-light);
      font-weight: 600;
    }
    .hint,
    .empty {
      padding: 24px;
      text-align: center;
      color: var(--ion-color-medium);
    }
  `,
})
export class NotificationsPage implements OnInit {
  protected readonly centre = inject(NotificationCentreService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    this.centre.start(this.destroyRef);
    void this.centre.refresh();
  }

  protected when(iso: string): string {
    return new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
  }

  protected async onRefresh(event: RefresherCustomEvent): Promise<void> {
    await this.centre.refresh();
    await event.target.complete();
  }

  /** Reads it; a notification about a job opens the job. */
  protected async open(n: MyNotificationFragment): Promise<void> {
    if (!n.readAt) await this.centre.markRead(n.id);
    if (n.entityType === 'WorkOrder' && n.entityId)
      await this.router.navigate(['/jobs', n.entityId]);
  }
}
