import {
  pageSize,
  recordEvent,
  requireRoles,
  toPage,
  type Actor,
  type Db,
  type Page,
  type TenantActor,
  type Tx,
} from '@attendant/kit';
import { paymentLinkExpiry, paymentLinkUrl, signPaymentToken } from '../payment-link/payment-link';
import { eventActor, FINANCE_WRITERS, financeReader, isUuid, tenant } from '../shared/actors';
import { recordInvoiceEvent } from './invoice.events';
import { InvoiceError, InvoiceErrorCode } from './invoice.errors';
import { InvoiceRepository, type InvoiceLineRow, type InvoiceRow } from './invoice.repository';
import { priceInvoice, type LineInput, type PricedInvoice } from './invoice.totals';
import type { CreateInvoiceDraftInput, InvoiceFilter } from './invoice.type';

/** How many invoices `Guest.invoices` shows, newest first. */
export const GUEST_INVOICE_LIMIT = 50;

/** Payment terms when an invoice is issued without a due date. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 14;

/** What signs payment links and where they point. */
export interface PaymentLinkOptions {
  secret: string;
  publicBaseUrl: string;
}

/** Everything a new draft needs; from a client's input or from another domain's event. */
export interface DraftCommand {
  guestId: string | null;
  workOrderId: string | null;
  currency: string;
  dueAt: Date | null;
  notes: string | null;
  lines: LineInput[];
  /** The event that asked for this draft; a second draft for the same event is never made. */
  sourceEventId: string | null;
}

export class InvoiceService {
  private readonly repo: InvoiceRepository;

  constructor(
    private readonly db: Db,
    private readonly links: PaymentLinkOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new InvoiceRepository(db);
  }

  /**
   * Issues a draft: ISSUED, with its issue and due dates, and `InvoiceSent` (with the customer's
   * payment link) in the same transaction. Issuing an issued invoice again changes nothing and
   * answers it as it is, so a retried request never sends a second message.
   */
  async issue(actor: Actor, input: { id: string; dueAt?: Date | null }): Promise<InvoiceRow> {
    const t = requireRoles(actor, FINANCE_WRITERS);
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      const row = isUuid(input.id) ? await repo.lock(t, input.id) : null;
      if (!row)
        throw new InvoiceError(InvoiceErrorCode.NotFound, `Invoice ${input.id} was not found`, {
          id: input.id,
        });
      if (row.status !== 'DRAFT') {
        if (row.status === 'VOID')
          throw new InvoiceError(
            InvoiceErrorCode.NotIssuable,
            `Invoice ${row.number} is void and cannot be issued`,
            { id: row.id },
          );
        return row;
      }
      if (row.totalMinor <= 0)
        throw new InvoiceError(
          InvoiceErrorCode.NotIssuable,
          `Invoice ${row.number} has nothing to pay; add a priced line before issuing it`,
          { id: row.id },
        );
      const now = this.now();
      const dueAt =
        input.dueAt ??
        row.dueAt ??
        new Date(now.getTime() + DEFAULT_PAYMENT_TERMS_DAYS * 86_400_000);
      if (dueAt <= now)
        throw new InvoiceError(InvoiceErrorCode.NotIssuable, 'The due date must be in the future', {
          field: 'dueAt',
        });
      const issued = await repo.update(t, row.id, { status: 'ISSUED', issuedAt: now, dueAt });
      await recordInvoiceEvent(tx, 'InvoiceSent', issued, {
        paymentLink: this.paymentLink(issued),
      });
      return issued;
    });
  }

  /** The invoice a verified payment link names (the link is the customer's credential). */
  forPaymentLink(claims: {
    invoiceId: string;
    organizationId: string;
  }): Promise<InvoiceRow | null> {
    return isUuid(claims.invoiceId) && isUuid(claims.organizationId)
      ? this.repo.findById(eventActor(claims.organizationId), claims.invoiceId)
      : Promise.resolve(null);
  }

  /** The customer's signed, expiring link to the invoice's payment page. */
  paymentLink(row: InvoiceRow): string {
    const token = signPaymentToken(
      {
        invoiceId: row.id,
        organizationId: row.organizationId,
        expiresAt: paymentLinkExpiry(row.issuedAt ?? this.now(), row.dueAt),
      },
      this.links.secret,
    );
    return paymentLinkUrl(this.links.publicBaseUrl, token);
  }

  /**
   * Announces unpaid invoices past their due date: `PaymentOverdue` once per invoice and due
   * date (the claim marks the date in the same transaction as the event). Answers how many.
   */
  async sweepOverdue(limit = 200): Promise<number> {
    return this.db.$transaction(async (tx) => {
      const rows = await this.repo.with(tx).claimOverdue(this.now(), limit);
      for (const row of rows)
        await recordInvoiceEvent(tx, 'PaymentOverdue', row, {
          paymentLink: this.paymentLink(row),
        });
      return rows.length;
    });
  }

  async get(actor: Actor, id: string): Promise<InvoiceRow> {
    const t = financeReader(actor);
    const row = isUuid(id) ? await this.repo.findById(t, id) : null;
    if (!row)
      throw new InvoiceError(InvoiceErrorCode.NotFound, `Invoice ${id} was not found`, { id });
    return row;
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<InvoiceRow[]> {
    return this.repo.findByIds(financeReader(actor), ids.filter(isUuid));
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; filter?: InvoiceFilter },
  ): Promise<Page<InvoiceRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(financeReader(actor), {
      first: size,
      after: args.after,
      filter: args.filter,
    });
    return toPage(rows, size, 'createdAt', totalCount);
  }

  /** The lines of each invoice, in order. */
  async linesOf(
    actor: Actor,
    invoiceIds: readonly string[],
  ): Promise<{ id: string; rows: InvoiceLineRow[] }[]> {
    const rows = await this.repo.findLines(financeReader(actor), invoiceIds);
    return invoiceIds.map((id) => ({ id, rows: rows.filter((r) => r.invoiceId === id) }));
  }

  /** The newest invoices of each guest (at most GUEST_INVOICE_LIMIT each). */
  async forGuests(
    actor: Actor,
    guestIds: readonly string[],
  ): Promise<{ id: string; rows: InvoiceRow[] }[]> {
    const rows = await this.repo.findLatestByGuestIds(
      financeReader(actor),
      guestIds.filter(isUuid),
      GUEST_INVOICE_LIMIT,
    );
    return guestIds.map((id) => ({ id, rows: rows.filter((r) => r.guestId === id) }));
  }

  /** The newest invoice of each work order that has one. */
  async forWorkOrders(
    actor: Actor,
    workOrderIds: readonly string[],
  ): Promise<{ id: string; invoice: InvoiceRow }[]> {
    const rows = await this.repo.findByWorkOrderIds(
      financeReader(actor),
      workOrderIds.filter(isUuid),
    );
    const newest = new Map<string, InvoiceRow>();
    for (const row of rows)
      if (row.workOrderId && !newest.has(row.workOrderId)) newest.set(row.workOrderId, row);
    return [...newest].map(([id, invoice]) => ({ id, invoice }));
  }

  async createDraft(actor: Actor, input: CreateInvoiceDraftInput): Promise<InvoiceRow> {
    const t = tenant(actor);
    const command: DraftCommand = {
      guestId: input.guestId ?? null,
      workOrderId: input.workOrderId ?? null,
      currency: input.currency,
      dueAt: input.dueAt ?? null,
      notes: input.notes?.trim() || null,
      lines: input.lines,
      sourceEventId: null,
    };
    const priced = priceInvoice(command.lines);
    return this.db.$transaction((tx) => this.draft(tx, t, command, priced));
  }

  /**
   * Drafts an invoice in the caller's transaction (an event consumer's), unless the event already
   * drafted one; then that invoice is returned.
   */
  async draftInTransaction(
    tx: Tx,
    actor: TenantActor,
    command: DraftCommand & { sourceEventId: string },
  ): Promise<InvoiceRow> {
    const existing = await this.repo.with(tx).findBySourceEventId(actor, command.sourceEventId);
    return existing ?? this.draft(tx, actor, command, priceInvoice(command.lines));
  }

  private async draft(
    tx: Tx,
    actor: TenantActor,
    command: DraftCommand,
    priced: PricedInvoice,
  ): Promise<InvoiceRow> {
    const repo = this.repo.with(tx);
    const organizationId = actor.organizationId;
    const year = new Date().getUTCFullYear();
    const number = `INV-${year}-${String(await repo.nextNumber(organizationId, year)).padStart(5, '0')}`;
    const row = await repo.create({
      organizationId,
      number,
      status: 'DRAFT',
      guestId: command.guestId,
      workOrderId: command.workOrderId,
      currency: command.currency,
      subtotalMinor: priced.subtotalMinor,
      taxMinor: priced.taxMinor,
      totalMinor: priced.totalMinor,
      dueAt: command.dueAt,
      notes: command.notes,
      sourceEventId: command.sourceEventId,
      lines: { create: priced.lines.map((line) => ({ organizationId, ...line })) },
    });
    await recordEvent(tx, 'finance', {
      type: 'InvoiceDrafted',
      entityType: 'Invoice',
      entityId: row.id,
      organizationId,
      payload: {
        number,
        totalMinor: row.totalMinor,
        currency: row.currency,
        guestId: row.guestId,
        workOrderId: row.workOrderId,
      },
    });
    return row;
  }
}
