import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { IonButton, IonIcon, ToastController } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { createOutline } from 'ionicons/icons';
import SignaturePad from 'signature_pad';
import type { StoredFile } from '../../core/offline/offline-db';
import { isClosed, type LocalJob } from '../../core/offline/ops';
import { SyncService } from '../../core/offline/sync.service';
import { localFileUrls } from './local-files';

const stamp = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** The customer's signature: drawn on the phone with their name, kept as a PNG until uploaded. */
@Component({
  selector: 'app-job-signature',
  imports: [IonButton, IonIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (sig of signatures(); track sig.id) {
      <figure
        class="signed"
        data-testid="signature"
        [attr.data-pending]="sig.pending ? 'true' : 'false'"
      >
        @if (urls().get(sig.clientId ?? sig.id); as src) {
          <img [src]="src" alt="Signature" />
        }
        <figcaption>
          Signed by <strong>{{ sig.signerName ?? 'customer' }}</strong>
          @if (sig.signedAt) {
            · {{ when(sig.signedAt) }}
          }
          @if (sig.pending) {
            <span class="badge">not sent</span>
          }
        </figcaption>
      </figure>
    }
    @if (open()) {
      <div class="pad">
        <input
          class="field"
          data-testid="signer-name"
          placeholder="Name of the person signing"
          maxlength="120"
          aria-label="Signer name"
          [value]="signer()"
          (input)="signer.set($any($event.target).value)"
        />
        <canvas #canvas data-testid="signature-pad" aria-label="Sign here"></canvas>
        <div class="row">
          <ion-button fill="clear" size="small" data-testid="clear-signature" (click)="clear()">
            Clear
          </ion-button>
          <span class="grow"></span>
          <ion-button fill="outline" size="small" (click)="cancel()">Cancel</ion-button>
          <ion-button
            size="small"
            data-testid="save-signature"
            [disabled]="!signer().trim()"
            (click)="save()"
          >
            Save signature
          </ion-button>
        </div>
      </div>
    } @else if (!closed()) {
      <ion-button fill="outline" size="small" data-testid="sign" (click)="start()">
        <ion-icon slot="start" name="create-outline" aria-hidden="true" />
        {{ signatures().length ? 'Sign again' : 'Customer signature' }}
      </ion-button>
    }
  `,
  styleUrl: './edit.scss',
  styles: `
    .pad {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    canvas {
      width: 100%;
      height: 180px;
      border: 1px dashed var(--ion-color-medium);
      border-radius: 8px;
      background: #fff;
      touch-action: none;
    }
    .grow {
      flex: 1;
    }
    .signed {
      margin: 0 0 8px;
    }
    .signed img {
      max-width: 100%;
      height: 90px;
      background: #fff;
      border-radius: 8px;
      border: 1px solid var(--ion-color-light-shade);
    }
    figcaption {
      font-size: 0.85rem;
    }
  `,
})
export class JobSignatureComponent {
  private readonly sync = inject(SyncService);
  private readonly toasts = inject(ToastController);
  readonly job = input.required<LocalJob>();
  readonly files = input.required<readonly StoredFile[]>();
  readonly urls = localFileUrls(this.files);
  readonly signatures = computed(() =>
    this.job().attachments.filter((a) => a.kind === 'SIGNATURE'),
  );
  readonly open = signal(false);
  readonly closed = computed(() => isClosed(this.job()));
  readonly signer = signal('');
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private pad: SignaturePad | null = null;

  constructor() {
    addIcons({ createOutline });
    inject(DestroyRef).onDestroy(() => this.pad?.off());
  }

  when(iso: string): string {
    return stamp.format(new Date(iso));
  }

  start(): void {
    this.open.set(true);
    // The canvas exists after this change is rendered.
    setTimeout(() => {
      const el = this.canvas()?.nativeElement;
      if (!el) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      el.width = el.offsetWidth * ratio;
      el.height = el.offsetHeight * ratio;
      el.getContext('2d')?.scale(ratio, ratio);
      this.pad = new SignaturePad(el, { backgroundColor: 'rgb(255,255,255)' });
    });
  }

  clear(): void {
    this.pad?.clear();
  }

  cancel(): void {
    this.pad?.off();
    this.pad = null;
    this.open.set(false);
  }

  async save(): Promise<void> {
    const signerName = this.signer().trim();
    if (!this.pad || !signerName) return;
    if (this.pad.isEmpty()) {
      const toast = await this.toasts.create({
        message: 'Ask the customer to sign in the box first',
        duration: 2500,
        color: 'warning',
        position: 'top',
      });
      await toast.present();
      return;
    }
    const blob = await (await fetch(this.pad.toDataURL('image/png'))).blob();
    const signedAt = new Date().toISOString();
    await this.sync.enqueue(
      this.job(),
      {
        kind: 'attachment',
        attachmentKind: 'SIGNATURE',
        fileName: `signature-${signedAt.replace(/[:.]/g, '-')}.png`,
        contentType: 'image/png',
        signerName,
        signedAt,
      },
      { blob, contentType: 'image/png' },
    );
    this.signer.set('');
    this.cancel();
  }
}
