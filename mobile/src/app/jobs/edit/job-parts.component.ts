import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { IonButton, IonIcon, ToastController } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { barcodeOutline } from 'ionicons/icons';
import { BarcodeService } from '../../core/native/barcode.service';
import { isClosed, type LocalJob } from '../../core/offline/ops';
import { SyncService } from '../../core/offline/sync.service';

/** Parts used on the job: description, SKU (typed or scanned) and quantity. */
@Component({
  selector: 'app-job-parts',
  imports: [IonButton, IonIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (job().parts.length === 0) {
      <p class="empty">No parts used yet.</p>
    }
    <ul class="list">
      @for (part of job().parts; track part.id) {
        <li data-testid="part">
          <span class="grow"
            ><strong>{{ part.quantity }} ×</strong> {{ part.description }}
            @if (part.sku) {
              <span class="muted">· {{ part.sku }}</span>
            }
          </span>
          @if (part.pending) {
            <span class="badge">not sent</span>
          }
        </li>
      }
    </ul>
    @if (!closed()) {
      <form class="form" (submit)="$event.preventDefault(); add()">
        <input
          class="field"
          data-testid="part-description"
          placeholder="Part used"
          maxlength="200"
          aria-label="Part description"
          [value]="description()"
          (input)="description.set($any($event.target).value)"
        />
        <div class="row">
          <input
            class="field"
            data-testid="part-sku"
            placeholder="SKU (optional)"
            maxlength="64"
            aria-label="SKU"
            [value]="sku()"
            (input)="sku.set($any($event.target).value)"
          />
          @if (canScan) {
            <ion-button
              fill="outline"
              data-testid="scan-sku"
              aria-label="Scan the barcode"
              [disabled]="scanning()"
              (click)="scan()"
            >
              <ion-icon slot="icon-only" name="barcode-outline" />
            </ion-button>
          }
          <input
            class="field qty"
            type="number"
            inputmode="decimal"
            min="0.01"
            step="any"
            data-testid="part-qty"
            aria-label="Quantity"
            [value]="quantity()"
            (input)="quantity.set($any($event.target).value)"
          />
          <ion-button type="submit" data-testid="add-part" [disabled]="!valid()">Add</ion-button>
        </div>
      </form>
    }
  `,
  styleUrl: './edit.scss',
  styles: `
    .grow {
      flex: 1;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .qty {
      width: 76px;
      flex: none;
    }
  `,
})
export class JobPartsComponent {
  private readonly sync = inject(SyncService);
  private readonly barcodes = inject(BarcodeService);
  private readonly toasts = inject(ToastController);
  readonly job = input.required<LocalJob>();
  readonly description = signal('');
  readonly sku = signal('');
  readonly quantity = signal('1');
  readonly scanning = signal(false);
  readonly canScan = this.barcodes.available();

  readonly closed = computed(() => isClosed(this.job()));
  readonly valid = computed(() => {
    const qty = Number(this.quantity());
    return this.description().trim().length > 0 && Number.isFinite(qty) && qty > 0;
  });

  constructor() {
    addIcons({ barcodeOutline });
  }

  async scan(): Promise<void> {
    this.scanning.set(true);
    try {
      const code = await this.barcodes.scan();
      if (code) this.sku.set(code);
    } catch {
      const toast = await this.toasts.create({
        message: 'The camera could not read a barcode — type the SKU instead',
        duration: 3000,
        color: 'warning',
        position: 'top',
      });
      await toast.present();
    } finally {
      this.scanning.set(false);
    }
  }

  async add(): Promise<void> {
    if (!this.valid()) return;
    const payload = {
      kind: 'part' as const,
      description: this.description().trim(),
      sku: this.sku().trim() || undefined,
      quantity: Number(this.quantity()),
    };
    this.description.set('');
    this.sku.set('');
    this.quantity.set('1');
    await this.sync.enqueue(this.job(), payload);
  }
}
