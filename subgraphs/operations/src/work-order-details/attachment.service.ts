import { tenant, type Actor, type Db } from '@attendant/kit';
import type { WorkOrderRow } from '../work-order/work-order.repository';
import type { WorkOrderService } from '../work-order/work-order.service';
import { cleanFileName, dataUrl, decodeAttachment, signatureOf } from './attachment.file';
import { DetailChangeRunner } from './work-order-details.change';
import { itemNotFound } from './work-order-details.errors';
import type { AttachmentRow, WorkOrderDetailsRepository } from './work-order-details.repository';
import type { AddWorkOrderAttachmentInput } from './work-order-details.type';

/** Photos, signatures and documents on a work order, kept in the database. */
export class AttachmentService {
  private readonly changes: DetailChangeRunner;
  private readonly repo: WorkOrderDetailsRepository;

  constructor(db: Db, workOrders: WorkOrderService) {
    this.changes = new DetailChangeRunner(db, workOrders);
    this.repo = this.changes.repo;
  }

  attachmentsOf(actor: Actor, workOrderIds: readonly string[]): Promise<AttachmentRow[]> {
    return this.repo.attachmentsOf(tenant(actor), workOrderIds);
  }

  /** The files as data: URLs, by attachment id (only for attachments the caller was shown). */
  async dataUrls(actor: Actor, ids: readonly string[]): Promise<{ id: string; url: string }[]> {
    const rows = await this.repo.attachmentData(tenant(actor), ids);
    return rows.map((r) => ({ id: r.id, url: dataUrl(r.contentType, r.data) }));
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
