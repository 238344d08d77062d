import type { AttachmentKind } from '@attendant/db';
import {
  ACTOR_HEADER,
  DomainError,
  isUuid,
  requireRoles,
  SIGNATURE_HEADER,
  verifyActor,
  type Actor,
  type Logger,
  type Role,
} from '@attendant/kit';
import { Server, type Upload } from '@tus/server';
import { MAX_ATTACHMENT_BYTES } from '../attachment.file';
import type { AttachmentService, UploadedFile } from '../attachment.service';
import { readObject, type ObjectStorage } from './object-storage';

/** Where the gateway forwards `/uploads` (tus) to, inside the operations subgraph. */
export const UPLOAD_ROUTE = '/uploads';
/** The attachment a finished upload became, on the last PATCH's answer. */
export const ATTACHMENT_ID_HEADER = 'Attendant-Attachment-Id';

const UPLOADERS: readonly Role[] = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'INTEGRATOR'];
const KINDS: readonly AttachmentKind[] = ['PHOTO', 'SIGNATURE', 'DOCUMENT'];

/** A refusal tus sends as the HTTP answer. */
const refuse = (status_code: number, message: string) => ({ status_code, body: message });

function actorOf(req: Request, secret: string): Actor {
  const actor = verifyActor(
    req.headers.get(ACTOR_HEADER) ?? undefined,
    req.headers.get(SIGNATURE_HEADER) ?? undefined,
    secret,
  );
  if (!actor || actor.kind === 'anonymous') throw refuse(401, 'Sign in to upload files');
  try {
    return requireRoles(actor, UPLOADERS);
  } catch {
    throw refuse(403, 'Your role cannot attach files');
  }
}

/** The file's description from the upload's metadata (tus `Upload-Metadata`). */
export function fileOf(metadata: Record<string, string | null> | undefined): UploadedFile {
  const m = metadata ?? {};
  const workOrderId = m['workOrderId'] ?? '';
  if (!isUuid(workOrderId)) throw refuse(400, 'workOrderId must be a UUID');
  const kind = (m['kind'] ?? 'PHOTO') as AttachmentKind;
  if (!KINDS.includes(kind)) throw refuse(400, 'kind must be PHOTO, SIGNATURE or DOCUMENT');
  const fileName = (m['filename'] ?? m['name'] ?? '').trim();
  if (!fileName || fileName.length > 200)
    throw refuse(400, 'Give a file name of 1 to 200 characters');
  const clientId = m['clientId']?.trim() || null;
  if (clientId && clientId.length > 100) throw refuse(400, 'clientId must be 1 to 100 characters');
  const signedAt = m['signedAt'] ? new Date(m['signedAt']) : null;
  if (signedAt && Number.isNaN(signedAt.getTime())) throw refuse(400, 'signedAt must be a date');
  return {
    workOrderId,
    kind,
    fileName,
    contentType: m['filetype'] ?? m['contentType'] ?? '',
    clientId,
    signerName: m['signerName'] ?? null,
    signedAt,
  };
}

/** Our domain errors keep their status and message across the tus protocol. */
function asRefusal(err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  const status =
    { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, UNAUTHENTICATED: 401 }[
      err.transportCode as string
    ] ?? 400;
  return refuse(status, err.message);
}

/**
 * Resumable uploads (the tus protocol) of work order photos, signatures and documents. The
 * device creates an upload with its metadata (workOrderId, kind, filename, filetype, clientId,
 * signerName, signedAt), sends it in chunks and, after a dropped connection or an app restart,
 * asks for the offset and sends the rest. Only the uploader may continue an upload. When the last
 * chunk arrives the file is checked and filed as an attachment (once per clientId).
 */
export function createUploadServer(options: {
  storage: ObjectStorage;
  attachments: AttachmentService;
  secret: string;
  logger: Logger;
}): Server {
  const { storage, attachments, secret, logger } = options;
  const server: Server = new Server({
    path: UPLOAD_ROUTE,
    datastore: storage.datastore,
    maxSize: MAX_ATTACHMENT_BYTES,
    // The device reaches us through the gateway's /uploads: hand it that path back.
    generateUrl: (_req, { id }) => `${UPLOAD_ROUTE}/${id}`,
    exposedHeaders: [ATTACHMENT_ID_HEADER],
    async onUploadCreate(req, upload) {
      const actor = actorOf(req, secret);
      if (upload.sizeIsDeferred) throw refuse(400, 'Send the file size (Upload-Length) up front');
      const file = fileOf(upload.metadata);
      await attachments.checkUpload(actor, file).catch((err: unknown) => {
        throw asRefusal(err);
      });
      // The upload belongs to its creator: nobody else may continue or read it.
      return {
        metadata: {
          ...upload.metadata,
          organizationId: actor.organizationId ?? '',
          uploaderId: actor.userId ?? actor.apiKeyId ?? '',
        },
      };
    },
    async onIncomingRequest(req, uploadId) {
      const actor = actorOf(req, secret);
      if (req.method === 'POST' || req.method === 'OPTIONS' || !uploadId) return;
      const upload = await storage.datastore.getUpload(uploadId).catch(() => null);
      // An unknown id is answered by tus itself (404).
      if (!upload) return;
      const owner = upload.metadata ?? {};
      if (
        owner['organizationId'] !== actor.organizationId ||
        owner['uploaderId'] !== (actor.userId ?? actor.apiKeyId)
      ) {
        throw refuse(404, 'Upload not found');
      }
    },
    async onUploadFinish(req, upload: Upload) {
      const actor = actorOf(req, secret);
      const file = fileOf(upload.metadata);
      try {
        const bytes = await readObject(storage, upload.id);
        const row = await attachments.addStored(actor, file, upload.id, bytes);
        return { headers: { [ATTACHMENT_ID_HEADER]: row.id } };
      } catch (err) {
        logger.warn({ err, uploadId: upload.id }, 'uploaded file refused');
        await storage.datastore.remove(upload.id).catch(() => undefined);
        throw asRefusal(err);
      }
    },
  });
  return server;
}
