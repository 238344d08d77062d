import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import {
  SyncAddChecklistItemGQL,
  SyncAddNoteGQL,
  SyncAddPartGQL,
  SyncChangeStatusGQL,
  SyncLogTimeGQL,
  SyncSetChecklistItemDoneGQL,
  SyncStartTimerGQL,
  SyncStopTimerGQL,
} from '../../generated/graphql';
import type { Op, OpResult } from './ops';
import { SendError, type SyncTransport } from './sync-engine';
import { ResumableUploadService } from '../native/resumable-upload';
import { UploadError } from '../native/upload-error';
import { describeFailure } from './send-failure';

/** Sends outbox ops as the API's mutations, each with the op's key as its idempotency key. */
@Injectable({ providedIn: 'root' })
export class ApolloSyncTransport implements SyncTransport {
  private readonly status = inject(SyncChangeStatusGQL);
  private readonly checklistAdd = inject(SyncAddChecklistItemGQL);
  private readonly checklistDone = inject(SyncSetChecklistItemDoneGQL);
  private readonly note = inject(SyncAddNoteGQL);
  private readonly part = inject(SyncAddPartGQL);
  private readonly logTime = inject(SyncLogTimeGQL);
  private readonly startTimer = inject(SyncStartTimerGQL);
  private readonly stopTimer = inject(SyncStopTimerGQL);
  private readonly uploads = inject(ResumableUploadService);

  async send(op: Op, file: Blob | null): Promise<OpResult> {
    try {
      return await this.dispatch(op, file);
    } catch (err) {
      throw new SendError(describeFailure(err));
    }
  }

  private async dispatch(op: Op, file: Blob | null): Promise<OpResult> {
    const key = op.key;
    const workOrderId = op.jobId;
    const p = op.payload;
    switch (p.kind) {
      case 'status': {
        const input = {
          id: workOrderId,
          status: p.status,
          reason: p.reason,
          expectedVersion: p.expectedVersion,
          idempotencyKey: key,
        };
        const data = await run(
          this.status.mutate({ variables: { input }, fetchPolicy: 'no-cache' }),
        );
        return { kind: 'job', job: data.changeWorkOrderStatus };
      }
      case 'checklistAdd': {
        const variables = { workOrderId, label: p.label, key };
        const data = await run(this.checklistAdd.mutate({ variables, fetchPolicy: 'no-cache' }));
        return { kind: 'checklistItem', item: data.addChecklistItem };
      }
      case 'checklistDone': {
        const variables = { id: p.itemId, done: p.done, key };
        const data = await run(this.checklistDone.mutate({ variables, fetchPolicy: 'no-cache' }));
        return { kind: 'checklistItem', item: data.setChecklistItemDone };
      }
      case 'note': {
        const variables = { workOrderId, body: p.body, key };
        const data = await run(this.note.mutate({ variables, fetchPolicy: 'no-cache' }));
        return { kind: 'note', note: data.addWorkOrderNote };
      }
      case 'part': {
        const input = {
          workOrderId,
          description: p.description,
          sku: p.sku || null,
          quantity: p.quantity,
          idempotencyKey: key,
        };
        const data = await run(this.part.mutate({ variables: { input }, fetchPolicy: 'no-cache' }));
        return { kind: 'part', part: data.addWorkOrderPart };
      }
      case 'logTime': {
        const input = {
          workOrderId,
          startedAt: p.startedAt,
          endedAt: p.endedAt,
          note: p.note || null,
          idempotencyKey: key,
        };
        const data = await run(
          this.logTime.mutate({ variables: { input }, fetchPolicy: 'no-cache' }),
        );
        return { kind: 'timeEntry', entry: data.logTime };
      }
      case 'startTimer': {
        const variables = { workOrderId, key, at: p.at };
        const data = await run(this.startTimer.mutate({ variables, fetchPolicy: 'no-cache' }));
        return { kind: 'timeEntry', entry: data.startTimer };
      }
      case 'stopTimer': {
        const variables = { workOrderId, key, at: p.at };
        const data = await run(this.stopTimer.mutate({ variables, fetchPolicy: 'no-cache' }));
        return { kind: 'timeEntry', entry: data.stopTimer };
      }
      case 'attachment': {
        // Resumable (tus): a dropped connection resumes from the server's offset next time.
        if (!file) throw new UploadError('The file of this change is missing on the device', 400);
        const meta = {
          workOrderId,
          kind: p.attachmentKind,
          fileName: p.fileName,
          contentType: p.contentType,
          clientId: key,
          signerName: p.signerName ?? null,
          signedAt: p.signedAt ?? null,
        };
        const id = await this.uploads.upload(file, meta);
        return {
          kind: 'attachment',
          attachment: {
            id,
            kind: meta.kind,
            fileName: meta.fileName,
            contentType: meta.contentType,
            sizeBytes: file.size,
            clientId: key,
            createdAt: new Date().toISOString(),
            signerName: meta.signerName,
            signedAt: meta.signedAt,
          },
        };
      }
    }
  }
}

async function run<T>(result$: Observable<{ data?: T | null }>): Promise<T> {
  const result = await firstValueFrom(result$);
  if (!result.data) throw new Error('The server sent no data');
  return result.data;
}
