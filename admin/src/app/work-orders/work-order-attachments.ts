import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import {
  WorkOrderAddAttachmentGQL,
  WorkOrderRemoveAttachmentGQL,
  type WorkOrderAttachmentFieldsFragment,
} from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe, HumanizePipe } from '../shared/pipes';
import { WorkOrderAttachmentFile } from './work-order-attachment-file';
import {
  ACCEPT_ATTRIBUTE,
  attachmentKindOf,
  bytesToBase64,
  contentTypeOf,
  fileProblem,
  newClientId,
} from './work-order-attachment.model';
import { actionMessage } from './work-order-errors';
import { formatBytes } from './work-order-format';

type Attachment = WorkOrderAttachmentFieldsFragment;

/** An upload that failed; retrying sends the same clientId, so the server stores it once. */
interface FailedUpload {
  file: File;
  clientId: string;
  message: string;
}

/** Photos and PDFs of the work order: upload (≤ 5 MB), preview, download, remove. */
@Component({
  selector: 'att-work-order-attachments',
  imports: [
    MatButtonModule,
    MatCardModule,
    ErrorBanner,
    DateTimePipe,
    HumanizePipe,
    WorkOrderAttachmentFile,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="wo-attachments">
      <mat-card-header><mat-card-title>Attachments</mat-card-title></mat-card-header>
      <mat-card-content>
        <ul>
          @for (a of attachments(); track a.id) {
            <li [attr.data-testid]="'attachment-' + a.fileName">
              @defer (on viewport) {
                <att-work-order-attachment-file
                  [workOrderId]="workOrderId()"
                  [attachmentId]="a.id"
                  [fileName]="a.fileName"
                  [contentType]="a.contentType"
                />
              } @placeholder {
                <span class="thumb-placeholder"></span>
              }
              <div class="info">
                <span class="name">{{ a.fileName }}</span>
                <span class="meta">
                  {{ a.kind | humanize }} · {{ size(a.sizeBytes) }} · {{ a.createdAt | dateTime }}
                </span>
                @if (a.signerName) {
                  <span class="meta" data-testid="attachment-signer">
                    Signed by {{ a.signerName }} · {{ a.signedAt ?? a.createdAt | dateTime }}
                  </span>
                }
              </div>
              @if (editable()) {
                <button
                  mat-button
                  type="button"
                  class="remove"
                  [disabled]="busy()"
                  (click)="remove(a)"
                  [attr.aria-label]="'Remove ' + a.fileName"
                  [attr.data-testid]="'attachment-remove-' + a.fileName"
                >
                  Remove
                </button>
              }
            </li>
          } @empty {
            <li class="muted" data-testid="attachments-empty">No photos or documents.</li>
          }
        </ul>

        @for (p of problems(); track $index) {
          <p class="problem" role="alert" data-testid="attachment-error">{{ p }}</p>
        }
        @if (failed(); as f) {
          <att-error-banner
            [message]="f.message"
            retryLabel="Retry upload"
            (retry)="retry()"
            data-testid="attachment-upload-error"
          />
        }
        @if (error(); as message) {
          <att-error-banner
            [message]="message"
            [retryLabel]="null"
            data-testid="attachment-action-error"
          />
        }

        @if (editable()) {
          <div class="upload">
            <input
              #picker
              type="file"
              class="picker"
              multiple
              [accept]="accept"
              tabindex="-1"
              (change)="picked(picker)"
              data-testid="attachment-input"
              aria-label="Attach photos or PDF documents"
            />
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy()"
              (click)="picker.click()"
              data-testid="attachment-pick"
            >
              {{ busy() ? 'Uploading…' : 'Attach photo or PDF' }}
            </button>
            <span class="hint">JPEG, PNG, WebP or PDF, up to 5 MB each</span>
          </div>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    ul {
      list-style: none;
      margin: 8px 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .thumb-placeholder {
      display: block;
      width: 72px;
      height: 72px;
      flex: 0 0 72px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .info {
      flex: 1;
      min-width: 0;
      display: grid;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .meta,
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .remove {
      color: var(--mat-sys-error);
    }
    .problem {
      margin: 4px 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .upload {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .picker {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      pointer-events: none;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class WorkOrderAttachments {
  readonly workOrderId = input.required<string>();
  readonly attachments = input.required<readonly Attachment[]>();
  readonly editable = input(false);

  private readonly dialog = inject(MatDialog);
  private readonly addGql = inject(WorkOrderAddAttachmentGQL);
  private readonly removeGql = inject(WorkOrderRemoveAttachmentGQL);

  protected readonly accept = ACCEPT_ATTRIBUTE;
  protected readonly size = formatBytes;
  protected readonly busy = signal(false);
  /** Files refused before upload, one message each. */
  protected readonly problems = signal<string[]>([]);
  protected readonly failed = signal<FailedUpload | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async picked(picker: HTMLInputElement): Promise<void> {
    const files = Array.from(picker.files ?? []);
    // Cleared so picking the same file again fires a change.
    picker.value = '';
    const problems: string[] = [];
    const ok: File[] = [];
    for (const file of files) {
      const problem = fileProblem(file);
      if (problem) problems.push(problem);
      else ok.push(file);
    }
    this.problems.set(problems);
    this.failed.set(null);
    this.error.set(null);
    for (const file of ok) {
      if (!(await this.upload(file, newClientId()))) break;
    }
  }

  protected async retry(): Promise<void> {
    const f = this.failed();
    if (f) await this.upload(f.file, f.clientId);
  }

  protected async remove(a: Attachment): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: 'Remove attachment?',
      message: `"${a.fileName}" will be deleted from this work order.`,
      confirm: 'Remove',
      danger: true,
    });
    if (!ok) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.removeGql.mutate({ variables: { id: a.id } }));
    } catch (err) {
      this.error.set(actionMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  /** True when stored. */
  private async upload(file: File, clientId: string): Promise<boolean> {
    this.busy.set(true);
    this.failed.set(null);
    try {
      const contentType = contentTypeOf(file);
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await firstValueFrom(
        this.addGql.mutate({
          variables: {
            input: {
              workOrderId: this.workOrderId(),
              kind: attachmentKindOf(contentType),
              fileName: file.name,
              contentType,
              dataBase64,
              clientId,
            },
          },
        }),
      );
      return true;
    } catch (err) {
      this.failed.set({ file, clientId, message: `${file.name}: ${actionMessage(err)}` });
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
