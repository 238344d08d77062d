import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { IonButton, IonContent, IonHeader, IonIcon, IonTitle, IonToolbar } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { desktopOutline, logOutOutline } from 'ionicons/icons';
import { AuthService } from '../core/auth/auth.service';
import { SessionStore } from '../core/auth/session.store';

/** Shown to staff without the TECHNICIAN role: the app has nothing for them. */
@Component({
  selector: 'app-not-technician',
  imports: [IonButton, IonContent, IonHeader, IonIcon, IonTitle, IonToolbar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-title>Attendant</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <section class="notice" data-testid="not-technician">
        <ion-icon name="desktop-outline" aria-hidden="true" />
        <h1>This app is for technicians</h1>
        <p>
          You are signed in as <strong>{{ name() }}</strong> ({{ roles() }}). Dispatchers, managers
          and admins work in the Attendant admin console.
        </p>
        <ion-button expand="block" href="/admin/">Open the admin console</ion-button>
        <ion-button
          expand="block"
          fill="outline"
          data-testid="logout"
          [disabled]="leaving()"
          (click)="logout()"
        >
          <ion-icon slot="start" name="log-out-outline" aria-hidden="true" />
          Sign out
        </ion-button>
      </section>
    </ion-content>
  `,
  styles: `
    .notice {
      max-width: 420px;
      margin: 10vh auto 0;
      text-align: center;
    }
    .notice > ion-icon {
      font-size: 64px;
      color: var(--ion-color-medium);
    }
    h1 {
      font-size: 1.4rem;
      font-weight: 700;
    }
    p {
      color: var(--app-muted);
      margin-bottom: 24px;
    }
  `,
})
export class NotTechnicianPage {
  private readonly auth = inject(AuthService);
  private readonly user = inject(SessionStore).user;

  readonly name = computed(() => this.user()?.name ?? '');
  readonly roles = computed(() =>
    (this.user()?.roles ?? []).map((r) => r.charAt(0) + r.slice(1).toLowerCase()).join(', '),
  );
  readonly leaving = signal(false);

  constructor() {
    addIcons({ desktopOutline, logOutOutline });
  }

  async logout(): Promise<void> {
    this.leaving.set(true);
    await this.auth.logout();
    this.leaving.set(false);
  }
}
