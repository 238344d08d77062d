import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injectable,
  input,
  signal,
} from '@angular/core';
import { IonButton, IonIcon, ToastController } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { cameraOutline } from 'ionicons/icons';
import { CameraService, type CapturedPhoto } from '../core/native/camera.service';

/** Photos taken this session, per job. The API has no attachments yet, so they stay on the phone. */
@Injectable({ providedIn: 'root' })
export class JobPhotosStore {
  private readonly photos = signal<ReadonlyMap<string, readonly CapturedPhoto[]>>(new Map());

  of(jobId: string): readonly CapturedPhoto[] {
    return this.photos().get(jobId) ?? [];
  }

  add(jobId: string, photo: CapturedPhoto): void {
    this.photos.update((all) => new Map(all).set(jobId, [...(all.get(jobId) ?? []), photo]));
  }
}

@Component({
  selector: 'app-job-photos',
  imports: [IonButton, IonIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (photos().length > 0) {
      <div class="strip">
        @for (photo of photos(); track photo.src) {
          <img [src]="photo.src" [alt]="'Photo taken at ' + photo.takenAt.toLocaleTimeString()" />
        }
      </div>
    }
    <ion-button fill="outline" size="small" data-testid="take-photo" (click)="take()">
      <ion-icon slot="start" name="camera-outline" aria-hidden="true" />
      Take photo
    </ion-button>
    <p class="hint">Photos stay on this device.</p>
  `,
  styles: `
    .strip {
      display: flex;
      gap: 8px;
      overflow-x: auto;
      margin-bottom: 8px;
    }
    img {
      width: 88px;
      height: 88px;
      object-fit: cover;
      border-radius: 8px;
      flex: none;
    }
    .hint {
      margin: 4px 0 0;
      font-size: 0.8rem;
      color: var(--app-muted);
    }
  `,
})
export class JobPhotosComponent {
  private readonly camera = inject(CameraService);
  private readonly store = inject(JobPhotosStore);
  private readonly toasts = inject(ToastController);

  readonly jobId = input.required<string>();
  readonly photos = computed(() => this.store.of(this.jobId()));

  constructor() {
    addIcons({ cameraOutline });
  }

  async take(): Promise<void> {
    try {
      const photo = await this.camera.takePhoto();
      if (photo) this.store.add(this.jobId(), photo);
    } catch {
      const toast = await this.toasts.create({
        message: 'The camera is not available',
        duration: 3000,
        color: 'danger',
      });
      await toast.present();
    }
  }
}
