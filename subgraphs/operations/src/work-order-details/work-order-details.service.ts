import { money, tenant, type Actor, type Db } from '@attendant/kit';
import { idempotency } from '../shared/idempotency';
import { recordWorkOrderEvent } from '../work-order/work-order.events';
import type { WorkOrderRow } from '../work-order/work-order.repository';
import type { WorkOrderService } from '../work-order/work-order.service';
import { DetailChangeRunner } from './work-order-details.change';
import {
  itemNotFound,
  WorkOrderDetailsError,
  WorkOrderDetailsErrorCode,
} from './work-order-details.errors';
import type {
  WorkOrderChecklistItem,
  WorkOrderDetailsRepository,
  WorkOrderNote,
  WorkOrderPart,
} from './work-order-details.repository';
import type {
  AddChecklistItemArgs,
  AddWorkOrderNoteArgs,
  AddWorkOrderPartInput,
  PartLine,
  RateWorkOrderArgs,
} from './work-order-details.type';

/** A part line with its prices in the work order's (else the organization's) currency. */
function partLine(row: WorkOrderPart, currency: string): PartLine {
  const total = row.unitPriceMinor == null ? null : Math.round(row.quantity * row.unitPriceMinor);
  return {
    id: row.id,
    workOrderId: row.workOrderId,
    description: row.description,
    sku: row.sku,
    quantity: row.quantity,
    unitPrice: money(row.unitPriceMinor, currency),
    lineTotal: money(total, currency),
    createdAt: row.createdAt,
  };
}

function nonBlank(text: string, what: string): string {
  const trimmed = text.trim();
  if (!trimmed) {
    throw new WorkOrderDetailsError(WorkOrderDetailsErrorCode.Blank, `Write a ${what}`, {
      field: what,
    });
  }
  return trimmed;
}

/** Checklist, notes, parts and the customer's rating of a work order. */
export class WorkOrderDetailsService {
  private readonly changes: DetailChangeRunner;
  private readonly repo: WorkOrderDetailsRepository;

  constructor(
    private readonly db: Db,
    workOrders: WorkOrderService,
  ) {
    this.changes = new DetailChangeRunner(db, workOrders);
    this.repo = this.changes.repo;
  }

  // Reads, batched by work order: the caller already sees these work orders.

  checklistOf(actor: Actor, workOrderIds: readonly string[]): Promise<WorkOrderChecklistItem[]> {
    return this.repo.checklistOf(tenant(actor), workOrderIds);
  }

  notesOf(actor: Actor, workOrderIds: readonly string[]): Promise<WorkOrderNote[]> {
    return this.repo.notesOf(tenant(actor), workOrderIds);
  }

  async partsOf(actor: Actor, workOrderIds: readonly string[]): Promise<PartLine[]> {
    const t = tenant(actor);
    const [parts, orders, fallback] = await Promise.all([
      this.repo.partsOf(t, workOrderIds),
      this.repo.workOrderCurrencies(t, workOrderIds),
      this.repo.organizationCurrency(t),
    ]);
    const currency = new Map(orders.map((o) => [o.id, o.currency ?? fallback]));
    return parts.map((p) => partLine(p, currency.get(p.workOrderId) ?? fallback));
  }

  // Checklist

  addChecklistItem(actor: Actor, args: AddChecklistItemArgs): Promise<WorkOrderChecklistItem> {
    const label = nonBlank(args.label, 'label');
    return this.changes.run(
      actor,
      args.workOrderId,
      'checklist',
      async (repo, _wo, t) => {
        const item = await repo.addChecklistItem(t, args.workOrderId, label);
        return { result: item, event: { action: 'added', itemId: item.id } };
      },
      {
        evidence: true,
        idempotency: {
          request: idempotency(args.idempotencyKey, 'addChecklistItem'),
          replay: (itemId) => this.storedChecklistItem(actor, itemId),
        },
      },
    );
  }

  async setChecklistItemDone(
    actor: Actor,
    id: string,
    done: boolean,
    idempotencyKey?: string | null,
  ): Promise<WorkOrderChecklistItem> {
    const item = await this.repo.findChecklistItem(tenant(actor), id);
    if (!item) throw itemNotFound('Checklist item', id);
    return this.changes.run(
      actor,
      item.workOrderId,
      'checklist',
      async (repo, _wo, t) => {
        const current = await repo.findChecklistItem(t, id);
        if (!current) throw itemNotFound('Checklist item', id);
        if (current.done === done) return { result: current, event: null };
        const updated = await repo.setChecklistItemDone(t, id, done, new Date());
        return { result: updated, event: { action: done ? 'done' : 'undone', itemId: id } };
      },
      {
        hidden: () => itemNotFound('Checklist item', id),
        evidence: true,
        idempotency: {
          request: idempotency(idempotencyKey, 'setChecklistItemDone'),
          replay: (itemId) => this.storedChecklistItem(actor, itemId),
        },
      },
    );
  }

  private async storedChecklistItem(actor: Actor, id: string): Promise<WorkOrderChecklistItem> {
    const item = await this.repo.findChecklistItem(tenant(actor), id);
    if (!item) throw itemNotFound('Checklist item', id);
    return item;
  }

  async removeChecklistItem(actor: Actor, id: string): Promise<WorkOrderRow> {
    const item = await this.repo.findChecklistItem(tenant(actor), id);
    if (!item) throw itemNotFound('Checklist item', id);
    return this.changes.run(
      actor,
      item.workOrderId,
      'checklist',
      async (repo, workOrder, t) => {
        if (!(await repo.removeChecklistItem(t, id))) throw itemNotFound('Checklist item', id);
        return { result: workOrder, event: { action: 'removed', itemId: id } };
      },
      { hidden: () => itemNotFound('Checklist item', id) },
    );
  }

  // Notes: also on closed work orders (a follow-up after completion is still worth keeping).

  addNote(actor: Actor, args: AddWorkOrderNoteArgs): Promise<WorkOrderNote> {
    const body = nonBlank(args.body, 'note');
    return this.changes.run(
      actor,
      args.workOrderId,
      'note',
      async (repo, _wo, t) => {
        const note = await repo.addNote(t, args.workOrderId, await repo.authorName(t), body);
        return { result: note, event: { action: 'added', itemId: note.id } };
      },
      {
        evidence: true,
        idempotency: {
          request: idempotency(args.idempotencyKey, 'addWorkOrderNote'),
          replay: async (noteId) => {
            const note = await this.repo.findNote(tenant(actor), noteId);
            if (!note) throw itemNotFound('Note', noteId);
            return note;
          },
        },
      },
    );
  }

  // Parts

  addPart(actor: Actor, input: AddWorkOrderPartInput): Promise<PartLine> {
    const description = nonBlank(input.description, 'description');
    return this.changes.run(
      actor,
      input.workOrderId,
      'part',
      async (repo, workOrder, t) => {
        const part = await repo.addPart(t, {
          workOrderId: input.workOrderId,
          description,
          sku: input.sku?.trim() || null,
          quantity: input.quantity,
          unitPriceMinor: input.unitPriceMinor ?? null,
        });
        const currency = workOrder.currency ?? (await repo.organizationCurrency(t));
        return { result: partLine(part, currency), event: { action: 'added', itemId: part.id } };
      },
      {
        evidence: true,
        idempotency: {
          request: idempotency(input.idempotencyKey, 'addWorkOrderPart'),
          replay: async (partId) => {
            const t = tenant(actor);
            const part = await this.repo.findPart(t, partId);
            if (!part) throw itemNotFound('Part line', partId);
            const [order] = await this.repo.workOrderCurrencies(t, [part.workOrderId]);
            return partLine(part, order?.currency ?? (await this.repo.organizationCurrency(t)));
          },
        },
      },
    );
  }

  async removePart(actor: Actor, id: string): Promise<WorkOrderRow> {
    const part = await this.repo.findPart(tenant(actor), id);
    if (!part) throw itemNotFound('Part line', id);
    return this.changes.run(
      actor,
      part.workOrderId,
      'part',
      async (repo, workOrder, t) => {
        if (!(await repo.removePart(t, id))) throw itemNotFound('Part line', id);
        return { result: workOrder, event: { action: 'removed', itemId: id } };
      },
      { hidden: () => itemNotFound('Part line', id) },
    );
  }

  // Rating: only once the job is done; a later rating replaces the earlier one.

  async rate(actor: Actor, args: RateWorkOrderArgs): Promise<WorkOrderRow> {
    const t = tenant(actor);
    await this.changes.visible(t, args.id);
    const feedback = args.feedback?.trim() || null;
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      const locked = await repo.touch(t, args.id);
      if (locked.status !== 'COMPLETED') {
        throw new WorkOrderDetailsError(
          WorkOrderDetailsErrorCode.NotCompleted,
          `WO-${locked.number} is ${locked.status.toLowerCase()}: rate it once it is completed`,
          { id: args.id },
        );
      }
      const row = await repo.rate(t, args.id, args.rating, feedback);
      await recordWorkOrderEvent(tx, 'WorkOrderRated', row, {
        rating: args.rating,
        feedback,
        previousRating: locked.customerRating,
      });
      return row;
    });
  }
}
