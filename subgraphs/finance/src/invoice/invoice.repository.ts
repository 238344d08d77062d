import {
  Prisma,
  type Invoice as InvoiceRow,
  type InvoiceLine as InvoiceLineRow,
} from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import type { InvoiceFilter } from './invoice.type';

export type { InvoiceLineRow, InvoiceRow };

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
      SELECT "id", "organizationId", "number", "status"::text AS "status", "guestId", "workOrderId", "currency",
             "subtotalMinor", "taxMinor", "totalMinor", "paidMinor", "notes", "issuedAt", "dueAt", "sourceEventId",
             "createdAt", "updatedAt"
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

  /** How many invoice numbers start with `prefix` (e.g. "INV-2026-"); call inside the creating transaction. */
  /** Next number of the organization's year; call inside the drafting transaction (row lock). */
  async nextNumber(organizationId: string, year: number): Promise<number> {
    const counter = await this.db.invoiceCounter.upsert({
      where: { organizationId_year: { organizationId, year } },
      create: { organizationId, year, last: 1 },
      update: { last: { increment: 1 } },
    });
    return counter.last;
  }

  create(data: Prisma.InvoiceUncheckedCreateInput): Promise<InvoiceRow> {
    return this.db.invoice.create({ data });
  }
}
