import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { switchMap } from 'rxjs';
import { WorkOrderAttachmentDataGQL } from '../generated/graphql';
import { queryState } from '../shared/query-state';
import { isImage } from './work-order-attachment.model';

/**
 * The file of one attachment: a thumbnail for images, a download link for documents. Rendered
 * inside `@defer (on viewport)`, so the (large) data is asked for only once it is on screen; all
 * attachments of the work order come in one request, shared through the cache.
 */
@Component({
  selector: 'att-work-order-attachment-file',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (dataUrl(); as url) {
      <a
        class="file"
        [href]="url"
        [attr.download]="fileName()"
        [attr.aria-label]="'Download ' + fileName()"
        data-testid="attachment-download"
      >
        @if (image()) {
          <img [src]="url" [alt]="fileName()" data-testid="attachment-thumb" />
        } @else {
          <span class="doc">PDF</span>
        }
      </a>
    } @else if (files.error()) {
      <span class="doc" title="The file could not be loaded">!</span>
    } @else {
      <span class="doc loading" aria-label="Loading preview">{{ image() ? '' : 'PDF' }}</span>
    }
  `,
  styles: `
    :host {
      display: block;
      width: 72px;
      height: 72px;
      flex: 0 0 72px;
    }
    .file {
      display: block;
      width: 100%;
      height: 100%;
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .doc {
      display: grid;
      place-items: center;
      width: 100%;
      height: 100%;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .loading {
      animation: pulse 1.2s infinite ease-in-out;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
  `,
})
export class WorkOrderAttachmentFile {
  readonly workOrderId = input.required<string>();
  readonly attachmentId = input.required<string>();
  readonly fileName = input.required<string>();
  readonly contentType = input.required<string>();

  private readonly gql = inject(WorkOrderAttachmentDataGQL);
  protected readonly files = queryState(
    toObservable(this.workOrderId).pipe(
      switchMap(
        (id) => this.gql.watch({ variables: { id }, fetchPolicy: 'cache-first' }).valueChanges,
      ),
    ),
  );
  protected readonly dataUrl = computed(
    () =>
      this.files.data()?.workOrder.attachments.find((a) => a.id === this.attachmentId())?.dataUrl ??
      null,
  );
  protected readonly image = computed(() => isImage(this.contentType()));
}
