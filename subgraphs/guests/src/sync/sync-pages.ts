import type { MewsConnection } from '@attendant/db';
import type { Db, Tx } from '@attendant/kit';
import type { CallMeta, MewsClient } from '../mews/mews.client';
import type {
  Address,
  Company as MewsCompany,
  Customer,
  Reservation,
  Resource,
  Service,
} from '../mews/mews.types';
import { MewsBulkImport } from './mews-bulk-import';
import { MissingReferences, type ApplyContext, type MewsInbound } from './mews-inbound';
import { recordDeadLetter } from './sync-outbound';

const BATCH_TX = { timeout: 300_000, maxWait: 30_000 };

export type ImportPhaseName = 'services' | 'resources' | 'companies' | 'customers' | 'reservations';

/**
 * Pages of Mews entities, fetched and applied: what the import, the window poll and targeted
 * fetches share. Before a page is applied, what it refers to but we do not have yet is fetched.
 */
export class SyncPages {
  private readonly bulk: MewsBulkImport;

  constructor(
    private readonly db: Db,
    private readonly inbound: MewsInbound,
    private readonly pageSize: number,
  ) {
    this.bulk = new MewsBulkImport(inbound);
  }

  async fetchPage(
    client: MewsClient,
    phase: ImportPhaseName,
    interval: { StartUtc: string; EndUtc: string } | null,
    cursor: string | null,
    meta: CallMeta,
  ): Promise<Page> {
    const Limitation = { Count: this.pageSize, Cursor: cursor };
    switch (phase) {
      case 'services': {
        const r = await client.getServices({ Limitation }, meta);
        return { kind: 'services', items: r.Services, cursor: r.Cursor, size: r.Services.length };
      }
      case 'resources': {
        const r = await client.getResources(
          { Extent: { Resources: true, Inactive: false }, Limitation },
          meta,
        );
        const items = r.Resources ?? [];
        return { kind: 'resources', items, cursor: r.Cursor, size: items.length };
      }
      case 'companies': {
        const r = await client.getCompanies({ Limitation }, meta);
        return {
          kind: 'companies',
          items: r.Companies,
          cursor: r.Cursor,
          size: r.Companies.length,
        };
      }
      case 'customers': {
        // The import walks by creation time; a window re-sync by update time.
        const filter = interval ? { [cursorField(interval)]: stripTag(interval) } : {};
        const r = await client.getCustomers(
          { Extent: { Customers: true, Addresses: true }, ...filter, Limitation },
          meta,
        );
        const items = r.Customers ?? [];
        return {
          kind: 'customers',
          items,
          addresses: r.Addresses ?? [],
          cursor: r.Cursor,
          size: items.length,
        };
      }
      case 'reservations': {
        const r = await client.getReservations(
          { ...(interval ? { [reservationField(interval)]: stripTag(interval) } : {}), Limitation },
          meta,
        );
        return {
          kind: 'reservations',
          items: r.Reservations,
          cursor: r.Cursor,
          size: r.Reservations.length,
        };
      }
    }
  }

  // ------------------------------------------------------------ applying

  /** Fetches what a page refers to but we do not have yet (customers, rooms, companies). */
  async prepare(
    client: MewsClient,
    ctx: ApplyContext,
    connection: MewsConnection,
    page: Page,
    meta: CallMeta,
  ): Promise<Page[]> {
    const extra: Page[] = [];
    if (page.kind === 'customers') {
      const companyIds = unique(page.items.map((c) => c.CompanyId));
      const missing = await this.missing('company', ctx.organizationId, companyIds);
      if (missing.length > 0) {
        const r = await client.getCompanies({ Ids: missing, Limitation: { Count: 1000 } }, meta);
        extra.push({ kind: 'companies', items: r.Companies, cursor: null, size: 0 });
      }
    }
    if (page.kind === 'reservations') {
      const accounts = unique(
        page.items.map((r) => (r.AccountType === 'Customer' ? r.AccountId : r.BookerId)),
      );
      const customers = await this.missing('guest', ctx.organizationId, accounts);
      for (let i = 0; i < customers.length; i += 1000) {
        const r = await client.getCustomers(
          {
            Extent: { Customers: true, Addresses: true },
            CustomerIds: customers.slice(i, i + 1000),
            Limitation: { Count: 1000 },
          },
          meta,
        );
        const fetched: Page = {
          kind: 'customers',
          items: r.Customers ?? [],
          addresses: r.Addresses ?? [],
          cursor: null,
          size: 0,
        };
        extra.push(...(await this.prepare(client, ctx, connection, fetched, meta)), fetched);
      }
      const rooms = await this.missing(
        'room',
        ctx.organizationId,
        unique(page.items.map((r) => r.AssignedResourceId)),
      );
      if (rooms.length > 0) {
        const r = await client.getResources(
          {
            Extent: { Resources: true, Inactive: true },
            ResourceIds: rooms,
            Limitation: { Count: 1000 },
          },
          meta,
        );
        extra.push({ kind: 'resources', items: r.Resources ?? [], cursor: null, size: 0 });
      }
    }
    return extra;
  }

  private async missing(
    table: 'company' | 'guest' | 'room',
    organizationId: string,
    externalIds: string[],
  ): Promise<string[]> {
    if (externalIds.length === 0) return [];
    const where = { organizationId, externalId: { in: externalIds } };
    const select = { externalId: true };
    const rows =
      table === 'company'
        ? await this.db.company.findMany({ where, select })
        : table === 'guest'
          ? await this.db.guest.findMany({ where, select })
          : await this.db.room.findMany({ where, select });
    const have = new Set(rows.map((r) => r.externalId));
    return externalIds.filter((id) => !have.has(id));
  }

  async applyPage(
    tx: Tx,
    ctx: ApplyContext,
    connection: MewsConnection,
    page: Page,
    extra: Page[],
  ): Promise<void> {
    for (const p of [...extra, page]) {
      switch (p.kind) {
        case 'services': {
          const bookable = p.items.find((s) => s.Data.Discriminator === 'Bookable' && s.IsActive);
          const additional = p.items.find(
            (s) => s.Data.Discriminator === 'Additional' && s.IsActive,
          );
          await tx.mewsConnection.update({
            where: { organizationId: ctx.organizationId },
            data: {
              bookableServiceId: bookable?.Id ?? connection.bookableServiceId,
              chargeServiceId: additional?.Id ?? connection.chargeServiceId,
              enterpriseId: p.items[0]?.EnterpriseId ?? connection.enterpriseId,
            },
          });
          break;
        }
        case 'resources':
          for (const r of p.items) await this.inbound.applyResource(tx, ctx, r);
          break;
        case 'companies':
          for (const c of p.items) await this.inbound.applyCompany(tx, ctx, c);
          break;
        case 'customers': {
          const addresses = new Map(p.addresses.map((a) => [a.Id, a]));
          const outcomes =
            ctx.source === 'IMPORT'
              ? await this.bulk.customers(tx, ctx, p.items, addresses)
              : await sequential(p.items, (c) =>
                  this.inbound.applyCustomer(
                    tx,
                    ctx,
                    c,
                    c.AddressId ? (addresses.get(c.AddressId) ?? null) : null,
                  ),
                );
          for (const outcome of outcomes) {
            if (outcome.pushFields.length > 0) {
              this.onPlatformWins?.(ctx.organizationId, outcome.guestId);
            }
          }
          break;
        }
        case 'reservations': {
          let failed: { reservation: Reservation; reason: string }[] = [];
          if (ctx.source === 'IMPORT') {
            failed = await this.bulk.reservations(tx, ctx, p.items, connection.currency);
          } else {
            for (const r of p.items) {
              try {
                await this.inbound.applyReservation(tx, ctx, r, connection.currency);
              } catch (error) {
                // Mews did not return what it refers to: keep it visible, move on.
                if (!(error instanceof MissingReferences)) throw error;
                failed.push({ reservation: r, reason: error.message });
              }
            }
          }
          for (const { reservation: r, reason } of failed) {
            await recordDeadLetter(tx, {
              organizationId: ctx.organizationId,
              operation: 'apply:Reservation',
              entityType: 'Reservation',
              entityId: r.Id,
              payload: { externalId: r.Id, number: r.Number },
              error: reason,
              requestId: ctx.requestId,
              attempts: 1,
            });
          }
          break;
        }
      }
    }
  }

  /** Called when a platform value won over Mews: the outbound side queues a push. */
  onPlatformWins?: (organizationId: string, guestId: string) => void;

  async collect(
    client: MewsClient,
    phase: 'resources' | 'customers' | 'reservations',
    interval: (Interval & { updated?: boolean }) | null,
  ): Promise<Page[]> {
    const pages: Page[] = [];
    let cursor: string | null = null;
    for (;;) {
      const meta: CallMeta = {};
      const page = await this.fetchPage(client, phase, interval, cursor, meta);
      page.requestId = meta.requestId ?? null;
      pages.push(page);
      if (!page.cursor || page.size < this.pageSize) return pages;
      cursor = page.cursor;
    }
  }

  async applyAll(
    client: MewsClient,
    ctx: ApplyContext,
    connection: MewsConnection,
    pages: Page[],
  ): Promise<number> {
    let applied = 0;
    for (const page of pages) {
      const pageCtx = { ...ctx, requestId: page.requestId ?? ctx.requestId };
      const extra = await this.prepare(client, pageCtx, connection, page, {});
      await this.db.$transaction(
        (tx) => this.applyPage(tx, pageCtx, connection, page, extra),
        BATCH_TX,
      );
      applied += page.items.length;
    }
    return applied;
  }
}

export type Interval = { StartUtc: string; EndUtc: string };
export type Page = (
  | { kind: 'services'; items: Service[] }
  | { kind: 'resources'; items: Resource[] }
  | { kind: 'companies'; items: MewsCompany[] }
  | { kind: 'customers'; items: Customer[]; addresses: Address[] }
  | { kind: 'reservations'; items: Reservation[] }
) & { cursor: string | null; size: number; requestId?: string | null };

function cursorField(interval: Interval & { updated?: boolean }): 'CreatedUtc' | 'UpdatedUtc' {
  return interval.updated ? 'UpdatedUtc' : 'CreatedUtc';
}
/** By start time for the import: each reservation falls in exactly one chunk. */
function reservationField(interval: Interval & { updated?: boolean }) {
  return interval.updated ? 'UpdatedUtc' : 'ScheduledStartUtc';
}
function stripTag(interval: Interval): Interval {
  return { StartUtc: interval.StartUtc, EndUtc: interval.EndUtc };
}

async function sequential<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
