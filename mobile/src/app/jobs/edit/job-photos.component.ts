import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { IonButton, IonIcon, IonSpinner, ToastController } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { cameraOutline, imageOutline } from 'ionicons/icons';
import { CameraService } from '../../core/native/camera.service';
import { JobRefreshService } from '../../core/offline/job-refresh.service';
import type { StoredFile } from '../../core/offline/offline-db';
import { isClosed, type LocalJob } from '../../core/offline/ops';
import { SyncService } from '../../core/offline/sync.service';
import { compressPhoto } from './image';
import { localFileUrls } from './local-files';

/**
 * Photos of the job: taken with the camera, shrunk on the phone, kept in its storage until
 * uploaded, and shown at once from there with a waiting/uploading badge.
 */
@Component({
  selector: 'app-job-photos',
  imports: [IonButton, IonIcon, IonSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (photos().length > 0) {
      <div class="strip">
        @for (photo of photos(); track photo.id) {
          <figure
            data-testid="photo-thumb"
            [attr.data-pending]="photo.pending ? 'true' : 'false'"
            [attr.data-client-id]="photo.clientId"
          >
            @if (urls().get(photo.clientId ?? photo.id); as src) {
              <img [src]="src" [alt]="'Photo ' + photo.fileName" />
            } @else {
              <div class="remote" aria-label="Photo stored at the office">
                <ion-icon name="image-outline" aria-hidden="true" />
              </div>
            }
            @if (photo.pending) {
              <figcaption class="badge">{{ uploading() ? 'Uploading…' : 'Waiting' }}</figcaption>
            }
          </figure>
        }
      </div>
    } @else {
      <p class="empty">No photos yet.</p>
    }
    @if (remote() > 0 && online()) {
      <ion-button
        fill="clear"
        size="small"
        data-testid="load-photos"
        [disabled]="loadingFiles()"
        (click)="loadFiles()"
      >
        Show {{ remote() }} {{ remote() === 1 ? 'file' : 'files' }} from the office
      </ion-button>
    }
    @if (!closed()) {
      <ion-button
        fill="outline"
        size="small"
        data-testid="take-photo"
        [disabled]="busy()"
        (click)="take()"
      >
        @if (busy()) {
          <ion-spinner slot="start" name="crescent" aria-hidden="true" />
        } @else {
          <ion-icon slot="start" name="camera-outline" aria-hidden="true" />
        }
        Take photo
      </ion-button>
    }
  `,
  styleUrl: './edit.scss',
  styles: `
    .strip {
      display: flex;
      gap: 8px;
      overflow-x: auto;
      margin-bottom: 8px;
    }
    figure {
      position: relative;
      margin: 0;
      flex: none;
    }
    img,
    .remote {
      width: 96px;
      height: 96px;
      object-fit: cover;
      border-radius: 8px;
      display: flex;
      align-items: center;
      justify-content: center;
      background: var(--ion-color-light);
      font-size: 28px;
    }
    figcaption {
      position: absolute;
      left: 4px;
      bottom: 4px;
    }
  `,
})
export class JobPhotosComponent {
  private readonly camera = inject(CameraService);
  private readonly sync = inject(SyncService);
  private readonly toasts = inject(ToastController);
  private readonly refresher = inject(JobRefreshService);

  readonly job = input.required<LocalJob>();
  readonly files = input.required<readonly StoredFile[]>();
  readonly urls = localFileUrls(this.files);
  readonly photos = computed(() => this.job().attachments.filter((a) => a.kind === 'PHOTO'));
  readonly uploading = computed(() => this.sync.state() === 'syncing');
  readonly busy = signal(false);
  readonly online = this.sync.online;
  readonly loadingFiles = signal(false);
  /** Photos and signatures stored at the office but not on this phone. */
  readonly remote = computed(() => {
    const here = this.urls();
    return this.job().attachments.filter((a) => !a.pending && !here.has(a.clientId ?? a.id)).length;
  });
  readonly closed = computed(() => isClosed(this.job()));

  constructor() {
    addIcons({ cameraOutline, imageOutline });
  }

  async loadFiles(): Promise<void> {
    this.loadingFiles.set(true);
    try {
      if (!(await this.refresher.fetchFiles(this.job().id))) {
        const toast = await this.toasts.create({
          message: 'The files could not be loaded — try again',
          duration: 3000,
          color: 'warning',
          position: 'top',
        });
        await toast.present();
      }
    } finally {
      this.loadingFiles.set(false);
    }
  }

  async take(): Promise<void> {
    this.busy.set(true);
    try {
      const photo = await this.camera.takePhoto();
      if (!photo) return;
      const original = await (await fetch(photo.src)).blob();
      const blob = await compressPhoto(original);
      if (photo.src.startsWith('blob:')) URL.revokeObjectURL(photo.src);
      const stamp = photo.takenAt.toISOString().replace(/[:.]/g, '-');
      await this.sync.enqueue(
        this.job(),
        {
          kind: 'attachment',
          attachmentKind: 'PHOTO',
          fileName: `photo-${stamp}.jpg`,
          contentType: 'image/jpeg',
        },
        { blob, contentType: 'image/jpeg' },
      );
    } catch {
      const toast = await this.toasts.create({
        message: 'The photo could not be taken — check camera access',
        duration: 3000,
        color: 'danger',
        position: 'top',
      });
      await toast.present();
    } finally {
      this.busy.set(false);
    }
  }
}
