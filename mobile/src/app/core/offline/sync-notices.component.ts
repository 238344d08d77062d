import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AlertController, IonButton, IonIcon } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { closeOutline, informationCircleOutline, warningOutline } from 'ionicons/icons';
import type { OpPayload, RejectedOp } from './ops';
import { SyncService } from './sync.service';

/** "Note “Customer not home…”" — what a queued change was, for the refused list. */
export function describeOp(payload: OpPayload): string {
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  switch (payload.kind) {
    case 'status':
      return `Status ${payload.status.replace('_', ' ').toLowerCase()}`;
    case 'checklistAdd':
      return `Checklist item “${short(payload.label)}”`;
    case 'checklistDone':
      return payload.done ? 'Ticking a checklist item' : 'Unticking a checklist item';
    case 'note':
      return `Note “${short(payload.body)}”`;
    case 'part':
      return `Part ${payload.quantity} × ${short(payload.description)}`;
    case 'logTime':
      return 'Logged time';
    case 'startTimer':
      return 'Starting the timer';
    case 'stopTimer':
      return 'Stopping the timer';
    case 'attachment':
      return payload.attachmentKind === 'SIGNATURE' ? 'Signature' : 'Photo';
  }
}

/**
 * Messages from syncing the technician should read: jobs handed to someone else, what dispatch
 * changed, and changes the server refused (with their reason; send again or dismiss).
 */
@Component({
  selector: 'app-sync-notices',
  imports: [IonButton, IonIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (notice of notices(); track notice.id) {
      <div
        class="notice"
        [class.changed]="notice.kind === 'changed'"
        role="status"
        [attr.data-testid]="notice.kind === 'changed' ? 'job-changed-notice' : 'handback-notice'"
        [attr.data-job]="notice.jobId"
      >
        <ion-icon name="information-circle-outline" aria-hidden="true" />
        <span>{{ notice.text }}</span>
        <ion-button
          fill="clear"
          size="small"
          aria-label="Dismiss"
          data-testid="notice-dismiss"
          (click)="dismissNotice(notice.id)"
        >
          <ion-icon slot="icon-only" name="close-outline" />
        </ion-button>
      </div>
    }
    @if (rejected().length > 0) {
      <section class="rejected" data-testid="rejected-list" aria-label="Changes the server refused">
        <h3>
          <ion-icon name="warning-outline" aria-hidden="true" />
          {{ rejected().length }} {{ rejected().length === 1 ? 'change was' : 'changes were' }} not
          accepted
        </h3>
        @for (op of rejected(); track op.key) {
          <div class="item" data-testid="rejected-op" [attr.data-code]="op.code">
            <div class="text">
              <strong>WO-{{ op.jobNumber }} · {{ label(op) }}</strong>
              <span>{{ op.message }}</span>
            </div>
            <ion-button
              size="small"
              fill="outline"
              data-testid="rejected-resend"
              (click)="resend(op)"
            >
              Send again
            </ion-button>
            <ion-button
              size="small"
              fill="clear"
              color="danger"
              data-testid="rejected-dismiss"
              (click)="dismissRejected(op)"
            >
              Discard
            </ion-button>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .notice {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 12px;
      padding: 8px 12px;
      border-radius: 8px;
      font-size: 0.9rem;
      background: rgba(var(--ion-color-primary-rgb), 0.1);
    }
    .notice.changed {
      background: rgba(var(--ion-color-warning-rgb), 0.2);
    }
    .notice span {
      flex: 1;
    }
    .rejected {
      margin: 8px 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: rgba(var(--ion-color-danger-rgb), 0.08);
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 4px 0 8px;
      font-size: 0.9rem;
      color: var(--ion-color-danger-shade);
    }
    .item {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 6px 0;
      border-top: 1px solid rgba(0, 0, 0, 0.06);
    }
    .text {
      flex: 1;
      display: flex;
      flex-direction: column;
      font-size: 0.85rem;
    }
  `,
})
export class SyncNoticesComponent {
  private readonly sync = inject(SyncService);
  private readonly alerts = inject(AlertController);

  /** Only this job's messages (handbacks of any job are always shown). */
  readonly jobId = input<string | null>(null);

  readonly notices = computed(() => {
    const jobId = this.jobId();
    return this.sync.notices().filter((n) => !jobId || n.jobId === jobId || n.kind === 'handback');
  });
  readonly rejected = computed(() => {
    const jobId = this.jobId();
    return this.sync.rejected().filter((r) => !jobId || r.jobId === jobId);
  });

  constructor() {
    addIcons({ closeOutline, informationCircleOutline, warningOutline });
  }

  label(op: RejectedOp): string {
    return describeOp(op.payload);
  }

  dismissNotice(id: string): Promise<void> {
    return this.sync.dismissNotice(id);
  }

  resend(op: RejectedOp): Promise<void> {
    return this.sync.resend(op);
  }

  async dismissRejected(op: RejectedOp): Promise<void> {
    const alert = await this.alerts.create({
      header: 'Discard this change?',
      message: `${describeOp(op.payload)} on WO-${op.jobNumber} will not reach the office.`,
      htmlAttributes: { 'data-testid': 'discard-alert' },
      buttons: [
        { text: 'Keep', role: 'cancel' },
        {
          text: 'Discard',
          role: 'destructive',
          htmlAttributes: { 'data-testid': 'discard-confirm' },
        },
      ],
    });
    await alert.present();
    const { role } = await alert.onDidDismiss();
    if (role === 'destructive') await this.sync.dismissRejected(op.key);
  }
}
