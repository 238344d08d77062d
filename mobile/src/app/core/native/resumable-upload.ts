import { inject, Injectable } from '@angular/core';
import { Upload, type HttpResponse } from 'tus-js-client';
import { AUTH_HOOKS } from '../auth/auth-hooks';
import { UploadError } from './upload-error';

export { UploadError };

/** What the server files an uploaded file as (tus `Upload-Metadata`). */
export interface UploadMetadata {
  workOrderId: string;
  kind: 'PHOTO' | 'SIGNATURE' | 'DOCUMENT';
  fileName: string;
  contentType: string;
  /** The outbox key: the same file sent again is one attachment. */
  clientId: string;
  signerName?: string | null;
  signedAt?: string | null;
}

/** Chunks small enough that a weak connection loses little when it drops mid-chunk. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;
const ENDPOINT = '/uploads';

/**
 * Resumable uploads (tus) through the gateway's /uploads. The upload's URL is remembered under
 * the clientId (tus-js-client's URL storage, localStorage in the browser), so after a dropped
 * connection or an app restart the next attempt asks the server how far it got and sends only
 * the rest. Retries are left to the outbox, which backs off.
 */
@Injectable({ providedIn: 'root' })
export class ResumableUploadService {
  private readonly hooks = inject(AUTH_HOOKS);

  /** Sends the file; resolves with the attachment id the server filed it as. */
  async upload(
    file: Blob,
    meta: UploadMetadata,
    onProgress?: (sent: number, total: number) => void,
  ): Promise<string> {
    const token = await this.hooks.accessToken();
    if (!token) throw new UploadError('Signed out: sign in again to upload', 401);
    return new Promise<string>((resolve, reject) => {
      let attachmentId: string | null = null;
      const metadata: Record<string, string> = {
        workOrderId: meta.workOrderId,
        kind: meta.kind,
        filename: meta.fileName,
        filetype: meta.contentType,
        clientId: meta.clientId,
      };
      if (meta.signerName) metadata['signerName'] = meta.signerName;
      if (meta.signedAt) metadata['signedAt'] = meta.signedAt;
      const upload = new Upload(file, {
        endpoint: ENDPOINT,
        chunkSize: UPLOAD_CHUNK_BYTES,
        retryDelays: [],
        metadata,
        headers: { authorization: `Bearer ${token}` },
        // One remembered URL per outbox entry (a Blob has no name or date to tell files apart).
        fingerprint: async () => `attendant-upload-${meta.clientId}`,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) => onProgress?.(sent, total),
        onAfterResponse: (_req, res: HttpResponse) => {
          attachmentId = res.getHeader('Attendant-Attachment-Id') ?? attachmentId;
        },
        onSuccess: () =>
          attachmentId
            ? resolve(attachmentId)
            : reject(new UploadError('The server did not file the upload', 500)),
        onError: (err) => {
          const res = (err as { originalResponse?: HttpResponse | null }).originalResponse;
          const status = res ? res.getStatus() : null;
          const body = res?.getBody()?.trim();
          reject(new UploadError(body || err.message, status));
        },
      });
      // Resume an upload this entry started before, if the server still has it.
      void upload.findPreviousUploads().then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      }, reject);
    });
  }
}
