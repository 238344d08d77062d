import { tenant, type Actor, type Db } from '@attendant/kit';
import type { WorkOrderRow } from '../work-order/work-order.repository';
import type { WorkOrderService } from '../work-order/work-order.service';
import type { AttachmentKind } from '@attendant/db';
import {
  checkContent,
  checkKind,
  cleanFileName,
  dataUrl,
  decodeAttachment,
  signatureOf,
} from './attachment.file';
import { readObject, type ObjectStorage } from './uploads/object-storage';
import { closed, DetailChangeRunner, isClosed } from './work-order-details.change';
import { itemNotFound } from './work-order-details.errors';
import type { AttachmentRow, WorkOrderDetailsRepository } from './work-order-details.repository';
import type { AddWorkOrderAttachmentInput } from './work-order-details.type';

/** What describes a file sent through a resumable upload (tus metadata). */
export interface UploadedFile {
  workOrderId: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  clientId: string | null;
  signerName?: string | null;
  signedAt?: Date | null;
}

/**
 * Photos, signatures and documents on a work order: small ones sent inline are kept in the
 * database, resumable uploads in object storage.
 */
export class AttachmentService {
  private readonly changes: DetailChangeRunner;
  private readonly repo: WorkOrderDetailsRepository;

  constructor(
    db: Db,
    workOrders: WorkOrderService,
    private readonly storage: ObjectStorage | null = null,
  ) {
    this.changes = new DetailChangeRunner(db, workOrders);
    this.repo = this.changes.repo;
  }

  attachmentsOf(actor: Actor, workOrderIds: readonly string[]): Promise<AttachmentRow[]> {
    return this.repo.attachmentsOf(tenant(actor), workOrderIds);
  }

  /** The files as data: URLs, by attachment id (only for attachments the caller was shown). */
  async dataUrls(actor: Actor, ids: readonly string[]): Promise<{ id: string; url: string }[]> {
    const rows = await this.repo.attachmentData(tenant(actor), ids);
    return Promise.all(
      rows.map(async (r) => ({ id: r.id, url: dataUrl(r.contentType, await this.bytesOf(r)) })),
    );
  }

  private async bytesOf(row: {
    data: Uint8Array | null;
    storageKey: string | null;
  }): Promise<Uint8Array> {
    if (row.data) return row.data;
    if (!row.storageKey || !this.storage) return new Uint8Array();
    return readObject(this.storage, row.storageKey);
  }

  /**
   * Before a resumable upload starts: the file is acceptable and the actor may attach it to
   * this work order (its technician, or the one it was handed away from, or staff).
   */
  async checkUpload(actor: Actor, file: UploadedFile): Promise<void> {
    checkKind(file);
    signatureOf(file);
    const t = tenant(actor);
    await this.changes.mayChange(t, file.workOrderId, { evidence: true });
    const stored = file.clientId
      ? await this.repo.attachmentByClientId(t, file.workOrderId, file.clientId)
      : null;
    if (stored) return;
    const wo = await this.repo.findWorkOrder(t, file.workOrderId);
    if (wo && isClosed(wo)) throw closed(wo);
  }

  /**
   * Files a finished resumable upload (its bytes are in object storage under `storageKey`).
   * Idempotent by clientId like `add`: the same file uploaded twice is one attachment, and the
   * extra copy is removed from storage.
   */
  async addStored(
    actor: Actor,
    file: UploadedFile,
    storageKey: string,
    bytes: Buffer,
  ): Promise<AttachmentRow> {
    const t = tenant(actor);
    checkContent(file, bytes);
    const signature = signatureOf(file);
    const row = await this.changes.run(
      t,
      file.workOrderId,
      'attachment',
      async (repo) => {
        const stored = file.clientId
          ? await repo.attachmentByClientId(t, file.workOrderId, file.clientId)
          : null;
        if (stored) return { result: stored, event: null };
        const created = await repo.addAttachment(t, {
          workOrderId: file.workOrderId,
          kind: file.kind,
          fileName: cleanFileName(file.fileName),
          contentType: file.contentType,
          sizeBytes: bytes.length,
          storageKey,
          clientId: file.clientId,
          uploadedById: t.userId,
          ...signature,
        });
        return { result: created, event: { action: 'added', itemId: created.id, kind: file.kind } };
      },
      { evidence: true },
    );
    if (row.storageKey !== storageKey) await this.storage?.datastore.remove(storageKey);
    return row;
  }

  /**
   * Stores an upload. The offline app retries with the same clientId until it hears back, so a
   * clientId already stored on this work order returns that attachment, even once the job is
   * closed, and writes nothing.
   */
  async add(actor: Actor, input: AddWorkOrderAttachmentInput): Promise<AttachmentRow> {
    const t = tenant(actor);
    const data = decodeAttachment(input);
    const signature = signatureOf(input);
    const clientId = input.clientId?.trim() || null;
    // Evidence: a photo taken on a job handed away meanwhile is still kept on it.
    const options = { evidence: true };
    if (clientId) {
      await this.changes.mayChange(t, input.workOrderId, options);
      const stored = await this.repo.attachmentByClientId(t, input.workOrderId, clientId);
      if (stored) return stored;
    }
    return this.changes.run(
      t,
      input.workOrderId,
      'attachment',
      async (repo) => {
        // The work order row is locked now: a concurrent retry has committed or waits for us.
        const stored = clientId
          ? await repo.attachmentByClientId(t, input.workOrderId, clientId)
          : null;
        if (stored) return { result: stored, event: null };
        const row = await repo.addAttachment(t, {
          workOrderId: input.workOrderId,
          kind: input.kind,
          fileName: cleanFileName(input.fileName),
          contentType: input.contentType,
          sizeBytes: data.length,
          data,
          clientId,
          uploadedById: t.userId,
          ...signature,
        });
        return { result: row, event: { action: 'added', itemId: row.id, kind: row.kind } };
      },
      options,
    );
  }

  async remove(actor: Actor, id: string): Promise<WorkOrderRow> {
    const row = await this.repo.findAttachment(tenant(actor), id);
    if (!row) throw itemNotFound('Attachment', id);
    return this.changes.run(
      actor,
      row.workOrderId,
      'attachment',
      async (repo, workOrder, t) => {
        if (!(await repo.removeAttachment(t, id))) throw itemNotFound('Attachment', id);
        return { result: workOrder, event: { action: 'removed', itemId: id, kind: row.kind } };
      },
      { hidden: () => itemNotFound('Attachment', id) },
    );
  }
}
