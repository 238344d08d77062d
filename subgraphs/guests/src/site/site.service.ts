import { pageSize, recordEvent, toPage, type Actor, type Db, type Page } from '@attendant/kit';
import { validIds } from '../shared/ids';
import { groupBy, tenant } from '../shared/tenant';
import { SiteError, SiteErrorCode } from './site.errors';
import { SiteRepository, type SiteRow } from './site.repository';
import type { CreateSiteInput } from './site.type';

export class SiteService {
  private readonly repo: SiteRepository;

  constructor(private readonly db: Db) {
    this.repo = new SiteRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<SiteRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  async get(actor: Actor, id: string): Promise<SiteRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw new SiteError(SiteErrorCode.NotFound, `Site ${id} was not found`, { id });
    return row;
  }

  /** Sites of each guest, by name, grouped by guest id. */
  async forGuests(
    actor: Actor,
    guestIds: readonly string[],
  ): Promise<{ id: string; rows: SiteRow[] }[]> {
    const rows = await this.repo.findByGuestIds(tenant(actor), guestIds);
    return groupBy(guestIds, rows, (r) => r.guestId);
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; guestId?: string | null },
  ): Promise<Page<SiteRow>> {
    const t = tenant(actor);
    const size = pageSize(args.first);
    if (args.guestId && validIds([args.guestId]).length === 0) return toPage([], size, 'name', 0);
    const { rows, totalCount } = await this.repo.page(t, { ...args, first: size });
    return toPage(rows, size, 'name', totalCount);
  }

  async create(actor: Actor, input: CreateSiteInput): Promise<SiteRow> {
    const t = tenant(actor);
    if (input.guestId && !(await this.repo.guestExists(t, input.guestId))) {
      throw new SiteError(SiteErrorCode.GuestNotFound, `Guest ${input.guestId} was not found`, {
        field: 'guestId',
      });
    }
    if (input.companyId && !(await this.repo.companyExists(t, input.companyId))) {
      throw new SiteError(
        SiteErrorCode.CompanyNotFound,
        `Company ${input.companyId} was not found`,
        { field: 'companyId' },
      );
    }
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({
        organizationId: t.organizationId,
        name: input.name.trim(),
        addressLine1: input.addressLine1.trim(),
        addressLine2: input.addressLine2?.trim() || null,
        city: input.city.trim(),
        postalCode: input.postalCode?.trim() || null,
        country: input.country.toUpperCase(),
        lat: input.lat,
        lng: input.lng,
        accessNotes: input.accessNotes ?? null,
        guestId: input.guestId ?? null,
        companyId: input.companyId ?? null,
      });
      await recordEvent(tx, 'guests', {
        type: 'SiteCreated',
        entityType: 'Site',
        entityId: row.id,
        organizationId: row.organizationId,
        payload: {
          name: row.name,
          city: row.city,
          country: row.country,
          lat: row.lat,
          lng: row.lng,
          guestId: row.guestId,
          companyId: row.companyId,
        },
      });
      return row;
    });
  }
}
