import {
  Prisma,
  type Invoice as InvoiceRow,
  type InvoiceLine as InvoiceLineRow,
} from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import type { InvoiceFilter } from './invoice.type';

export type { InvoiceLineRow, InvoiceRow };

/** An invoice row's columns for raw queries (the status enum read back as text). */
const INVOICE_COLUMNS = Prisma.raw(
  `"id", "organizationId", "number", "status"::text AS "status", "guestId", "workOrderId", "currency",
   "subtotalMinor", "taxMinor", "totalMinor", "paidMinor", "notes", "issuedAt", "dueAt", "sourceEventId",
   "overdueNotifiedFor", "createdAt", "updatedAt"`,
);

/** Invoice queries. Every query is scoped to the actor's organization. */
export class InvoiceRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): InvoiceRepository {
    return new InvoiceRepository(tx);
  }

  findById(actor: TenantActor, id: string): Promise<InvoiceRow | null> {
    return this.db.invoice.findFirst({ where: { id, organizationId: actor.organizationId } });
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<InvoiceRow[]> {
    return this.db.invoice.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  findBySourceEventId(actor: TenantActor, sourceEventId: string): Promise<InvoiceRow | null> {
    return this.db.invoice.findFirst({
      where: { sourceEventId, organizationId: actor.organizationId },
    });
  }

  /** Invoices of the given work orders, newest first. */
  findByWorkOrderIds(actor: TenantActor, workOrderIds: readonly string[]): Promise<InvoiceRow[]> {
    return this.db.invoice.findMany({
      where: { organizationId: actor.organizationId, workOrderId: { in: [...workOrderIds] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }

  /** The newest `perGuest` invoices of each guest, newest first, in one query. */
  findLatestByGuestIds(
    actor: TenantActor,
    guestIds: readonly string[],
    perGuest: number,
  ): Promise<InvoiceRow[]> {
    return this.db.$queryRaw<InvoiceRow[]>(Prisma.sql`
      SELECT ${INVOICE_COLUMNS}
        FROM (SELECT i.*, row_number() OVER (PARTITION BY i."guestId" ORDER BY i."createdAt" DESC, i."id" DESC) AS "rank"
                FROM "finance"."invoice" i
               WHERE i."organizationId" = ${actor.organizationId}::uuid
                 AND i."guestId" = ANY(${[...guestIds]}::uuid[])) ranked
       WHERE "rank" <= ${perGuest}
       ORDER BY "createdAt" DESC, "id" DESC`);
  }

  findLines(actor: TenantActor, invoiceIds: readonly string[]): Promise<InvoiceLineRow[]> {
    return this.db.invoiceLine.findMany({
      where: { organizationId: actor.organizationId, invoiceId: { in: [...invoiceIds] } },
      orderBy: [{ invoiceId: 'asc' }, { position: 'asc' }],
    });
  }

  private where(actor: TenantActor, filter: InvoiceFilter | undefined): Prisma.InvoiceWhereInput {
    const where: Prisma.InvoiceWhereInput = { organizationId: actor.organizationId };
    if (filter?.status?.length) where.status = { in: filter.status };
    if (filter?.guestId) where.guestId = filter.guestId;
    if (filter?.workOrderId) where.workOrderId = filter.workOrderId;
    return where;
  }

  /** One page, newest first; fetches `first + 1` rows so the caller learns whether more follow. */
  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; filter?: InvoiceFilter | undefined },
  ): Promise<{ rows: InvoiceRow[]; totalCount: () => Promise<number> }> {
    const base = this.where(actor, args.filter);
    const keyset = keysetQuery('createdAt', 'DESC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.invoice.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.InvoiceOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.invoice.count({ where: base }) };
  }

  /** Next number of the organization's year; call inside the drafting transaction (row lock). */
  async nextNumber(organizationId: string, year: number): Promise<number> {
    const counter = await this.db.invoiceCounter.upsert({
      where: { organizationId_year: { organizationId, year } },
      create: { organizationId, year, last: 1 },
      update: { last: { increment: 1 } },
    });
    return counter.last;
  }

  /** The invoice, locked until the transaction ends (issuing and payments take turns). */
  async lock(actor: TenantActor, id: string): Promise<InvoiceRow | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT "id" FROM "finance"."invoice"
       WHERE "id" = ${id}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`);
    return locked.length ? this.findById(actor, id) : null;
  }

  update(actor: TenantActor, id: string, data: Prisma.InvoiceUpdateManyMutationInput) {
    return this.db.invoice.update({ where: { id, organizationId: actor.organizationId }, data });
  }

  /**
   * Marks up to `limit` unpaid invoices past their due date as announced for that due date and
   * answers them (all organizations: the overdue sweep). SKIP LOCKED lets sweeps of several
   * processes share the work; a moved due date makes an invoice due for a new announcement.
   */
  claimOverdue(now: Date, limit: number): Promise<InvoiceRow[]> {
    return this.db.$queryRaw<InvoiceRow[]>(Prisma.sql`
      UPDATE "finance"."invoice" i SET "overdueNotifiedFor" = i."dueAt", "updatedAt" = ${now}
       WHERE i."id" IN (SELECT "id" FROM "finance"."invoice"
                         WHERE "status" IN ('ISSUED', 'PARTIALLY_PAID') AND "dueAt" < ${now}
                           AND "overdueNotifiedFor" IS DISTINCT FROM "dueAt"
                         ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING ${INVOICE_COLUMNS}`);
  }

  create(data: Prisma.InvoiceUncheckedCreateInput): Promise<InvoiceRow> {
    return this.db.invoice.create({ data });
  }
}
