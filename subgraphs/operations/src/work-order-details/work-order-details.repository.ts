import type {
  Prisma,
  WorkOrderChecklistItem,
  WorkOrderNote,
  WorkOrderPart,
  WorkOrderTimeEntry,
} from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';
import type { WorkOrderRow } from '../work-order/work-order.repository';

/** Everything of an attachment but its bytes, which load only when a client asks for them. */
const attachmentColumns = {
  id: true,
  organizationId: true,
  workOrderId: true,
  kind: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  clientId: true,
  storageKey: true,
  signerName: true,
  signedAt: true,
  uploadedById: true,
  createdAt: true,
} satisfies Prisma.WorkOrderAttachmentSelect;
export type AttachmentRow = Prisma.WorkOrderAttachmentGetPayload<{
  select: typeof attachmentColumns;
}>;
export type { WorkOrderChecklistItem, WorkOrderNote, WorkOrderPart, WorkOrderTimeEntry };

/** Queries on a work order's checklist, notes, attachments, parts and time entries. */
export class WorkOrderDetailsRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): WorkOrderDetailsRepository {
    return new WorkOrderDetailsRepository(tx);
  }

  /**
   * Bumps the work order's version (so optimistic concurrency sees detail changes) and, inside a
   * transaction, locks its row until commit: concurrent changes to one order run one at a time.
   */
  touch(actor: TenantActor, workOrderId: string): Promise<WorkOrderRow> {
    return this.db.workOrder.update({
      where: { id: workOrderId, organizationId: actor.organizationId },
      data: { version: { increment: 1 } },
    });
  }

  rate(
    actor: TenantActor,
    workOrderId: string,
    rating: number,
    feedback: string | null,
  ): Promise<WorkOrderRow> {
    return this.db.workOrder.update({
      where: { id: workOrderId, organizationId: actor.organizationId },
      data: { customerRating: rating, customerFeedback: feedback },
    });
  }

  organizationCurrency(actor: TenantActor): Promise<string> {
    return this.db.organization
      .findUniqueOrThrow({ where: { id: actor.organizationId }, select: { currency: true } })
      .then((o) => o.currency);
  }

  workOrderCurrencies(
    actor: TenantActor,
    workOrderIds: readonly string[],
  ): Promise<{ id: string; currency: string | null }[]> {
    return this.db.workOrder.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...workOrderIds] } },
      select: { id: true, currency: true },
    });
  }

  /** The name a note is signed with: the user's, or the API key's for an integration. */
  async authorName(actor: TenantActor): Promise<string> {
    const where = { organizationId: actor.organizationId };
    if (actor.userId) {
      const user = await this.db.user.findFirst({ where: { ...where, id: actor.userId } });
      if (user) return user.name;
    }
    if (actor.apiKeyId) {
      const key = await this.db.apiKey.findFirst({ where: { ...where, id: actor.apiKeyId } });
      if (key) return `${key.name} (API)`;
    }
    return 'Staff';
  }

  // Checklist

  checklistOf(actor: TenantActor, ids: readonly string[]): Promise<WorkOrderChecklistItem[]> {
    return this.db.workOrderChecklistItem.findMany({
      where: { organizationId: actor.organizationId, workOrderId: { in: [...ids] } },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  }

  findChecklistItem(actor: TenantActor, id: string): Promise<WorkOrderChecklistItem | null> {
    return this.db.workOrderChecklistItem.findFirst({
      where: { organizationId: actor.organizationId, id },
    });
  }

  async addChecklistItem(
    actor: TenantActor,
    workOrderId: string,
    label: string,
  ): Promise<WorkOrderChecklistItem> {
    const last = await this.db.workOrderChecklistItem.aggregate({
      where: { organizationId: actor.organizationId, workOrderId },
      _max: { position: true },
    });
    return this.db.workOrderChecklistItem.create({
      data: {
        organizationId: actor.organizationId,
        workOrderId,
        label,
        position: (last._max.position ?? -1) + 1,
      },
    });
  }

  setChecklistItemDone(
    actor: TenantActor,
    id: string,
    done: boolean,
    at: Date,
  ): Promise<WorkOrderChecklistItem> {
    return this.db.workOrderChecklistItem.update({
      where: { id, organizationId: actor.organizationId },
      data: { done, doneAt: done ? at : null, doneById: done ? actor.userId : null },
    });
  }

  /** Deletes one checklist item; false when it was already gone. */
  removeChecklistItem(actor: TenantActor, id: string): Promise<boolean> {
    return this.db.workOrderChecklistItem
      .deleteMany({ where: { id, organizationId: actor.organizationId } })
      .then((r) => r.count > 0);
  }

  // Notes

  notesOf(actor: TenantActor, ids: readonly string[]): Promise<WorkOrderNote[]> {
    return this.db.workOrderNote.findMany({
      where: { organizationId: actor.organizationId, workOrderId: { in: [...ids] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  findNote(actor: TenantActor, id: string): Promise<WorkOrderNote | null> {
    return this.db.workOrderNote.findFirst({ where: { organizationId: actor.organizationId, id } });
  }

  addNote(
    actor: TenantActor,
    workOrderId: string,
    authorName: string,
    body: string,
  ): Promise<WorkOrderNote> {
    return this.db.workOrderNote.create({
      data: {
        organizationId: actor.organizationId,
        workOrderId,
        authorId: actor.userId,
        authorName,
        body,
      },
    });
  }

  // Attachments

  attachmentsOf(actor: TenantActor, ids: readonly string[]): Promise<AttachmentRow[]> {
    return this.db.workOrderAttachment.findMany({
      where: { organizationId: actor.organizationId, workOrderId: { in: [...ids] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: attachmentColumns,
    });
  }

  attachmentData(
    actor: TenantActor,
    ids: readonly string[],
  ): Promise<
    { id: string; contentType: string; data: Uint8Array | null; storageKey: string | null }[]
  > {
    return this.db.workOrderAttachment.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
      select: { id: true, contentType: true, data: true, storageKey: true },
    });
  }

  findWorkOrder(actor: TenantActor, id: string): Promise<WorkOrderRow | null> {
    return this.db.workOrder.findFirst({ where: { organizationId: actor.organizationId, id } });
  }

  findAttachment(actor: TenantActor, id: string): Promise<AttachmentRow | null> {
    return this.db.workOrderAttachment.findFirst({
      where: { organizationId: actor.organizationId, id },
      select: attachmentColumns,
    });
  }

  attachmentByClientId(
    actor: TenantActor,
    workOrderId: string,
    clientId: string,
  ): Promise<AttachmentRow | null> {
    return this.db.workOrderAttachment.findFirst({
      where: { organizationId: actor.organizationId, workOrderId, clientId },
      select: attachmentColumns,
    });
  }

  addAttachment(
    actor: TenantActor,
    data: Omit<Prisma.WorkOrderAttachmentUncheckedCreateInput, 'organizationId'>,
  ): Promise<AttachmentRow> {
    return this.db.workOrderAttachment.create({
      data: { ...data, organizationId: actor.organizationId },
      select: attachmentColumns,
    });
  }

  removeAttachment(actor: TenantActor, id: string): Promise<boolean> {
    return this.db.workOrderAttachment
      .deleteMany({ where: { id, organizationId: actor.organizationId } })
      .then((r) => r.count > 0);
  }

  // Parts

  partsOf(actor: TenantActor, ids: readonly string[]): Promise<WorkOrderPart[]> {
    return this.db.workOrderPart.findMany({
      where: { organizationId: actor.organizationId, workOrderId: { in: [...ids] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  findPart(actor: TenantActor, id: string): Promise<WorkOrderPart | null> {
    return this.db.workOrderPart.findFirst({ where: { organizationId: actor.organizationId, id } });
  }

  addPart(
    actor: TenantActor,
    data: Omit<Prisma.WorkOrderPartUncheckedCreateInput, 'organizationId'>,
  ): Promise<WorkOrderPart> {
    return this.db.workOrderPart.create({
      data: { ...data, organizationId: actor.organizationId },
    });
  }

  removePart(actor: TenantActor, id: string): Promise<boolean> {
    return this.db.workOrderPart
      .deleteMany({ where: { id, organizationId: actor.organizationId } })
      .then((r) => r.count > 0);
  }

  // Time entries

  timeEntriesOf(actor: TenantActor, ids: readonly string[]): Promise<WorkOrderTimeEntry[]> {
    return this.db.workOrderTimeEntry.findMany({
      where: { organizationId: actor.organizationId, workOrderId: { in: [...ids] } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    });
  }

  findTimeEntry(actor: TenantActor, id: string): Promise<WorkOrderTimeEntry | null> {
    return this.db.workOrderTimeEntry.findFirst({
      where: { organizationId: actor.organizationId, id },
    });
  }

  runningTimer(
    actor: TenantActor,
    workOrderId: string,
    userId: string,
  ): Promise<WorkOrderTimeEntry | null> {
    return this.db.workOrderTimeEntry.findFirst({
      where: { organizationId: actor.organizationId, workOrderId, userId, endedAt: null },
    });
  }

  addTimeEntry(
    actor: TenantActor,
    data: Omit<Prisma.WorkOrderTimeEntryUncheckedCreateInput, 'organizationId'>,
  ): Promise<WorkOrderTimeEntry> {
    return this.db.workOrderTimeEntry.create({
      data: { ...data, organizationId: actor.organizationId },
    });
  }

  endTimeEntry(actor: TenantActor, id: string, at: Date): Promise<WorkOrderTimeEntry> {
    return this.db.workOrderTimeEntry.update({
      where: { id, organizationId: actor.organizationId },
      data: { endedAt: at },
    });
  }
}
