import {
  pageSize,
  recordEvent,
  tenant,
  toPage,
  type Actor,
  type Db,
  type DbOrTx,
  type Page,
  type TenantActor,
} from '@attendant/kit';
import { JobStatsRepository } from './job-stats.repository';
import { VendorError, VendorErrorCode, vendorNotFound } from './vendor.errors';
import { qualityOf, type QualityView } from './vendor.quality';
import { VendorRepository, type VendorRow } from './vendor.repository';
import type {
  CreateVendorInput,
  UpdateVendorInput,
  VendorOfferInput,
  VendorWindowInput,
} from './vendor.type';

export type VendorQualityRow = QualityView & { id: string };

export class VendorService {
  private readonly repo: VendorRepository;
  private readonly stats: JobStatsRepository;

  constructor(private readonly db: Db) {
    this.repo = new VendorRepository(db);
    this.stats = new JobStatsRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<VendorRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  async get(actor: Actor, id: string): Promise<VendorRow> {
    const row = await this.repo.findById(tenant(actor), id);
    if (!row) throw vendorNotFound(id);
    return row;
  }

  async list(
    actor: Actor,
    args: {
      first?: number | null;
      after?: string | null;
      search?: string | null;
      serviceTypeId?: string | null;
      includeInactive?: boolean | null;
    },
  ): Promise<Page<VendorRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(tenant(actor), { ...args, first: size });
    return toPage(rows, size, 'name', totalCount);
  }

  /** Quality of each vendor, from one aggregate query over their completed work orders. */
  async qualityByIds(actor: Actor, ids: readonly string[]): Promise<VendorQualityRow[]> {
    const t = tenant(actor);
    const stats = await this.stats.completedStats(t.organizationId, 'vendorId', ids);
    const byId = new Map(stats.map((s) => [s.id, s]));
    return ids.map((id) => ({ id, ...qualityOf(byId.get(id)) }));
  }

  async create(actor: Actor, input: CreateVendorInput): Promise<VendorRow> {
    const t = tenant(actor);
    const name = input.name.trim();
    await this.checkName(t, name);
    const area = checkArea({
      baseLat: input.baseLat ?? null,
      baseLng: input.baseLng ?? null,
      serviceRadiusKm: input.serviceRadiusKm ?? null,
    });
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({
        organizationId: t.organizationId,
        name,
        email: input.email?.trim() || null,
        phone: input.phone?.trim() || null,
        ...area,
        active: input.active,
      });
      await emit(tx, 'VendorCreated', row);
      return row;
    });
  }

  async update(actor: Actor, id: string, input: UpdateVendorInput): Promise<VendorRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const name = input.name?.trim();
    if (name && name !== current.name) await this.checkName(t, name, id);
    const area = checkArea({
      baseLat: input.baseLat === undefined ? current.baseLat : input.baseLat,
      baseLng: input.baseLng === undefined ? current.baseLng : input.baseLng,
      serviceRadiusKm:
        input.serviceRadiusKm === undefined ? current.serviceRadiusKm : input.serviceRadiusKm,
    });
    return this.change(t, id, 'details', (repo) =>
      repo.update(t, id, {
        name: name || undefined,
        email: input.email === undefined ? undefined : input.email?.trim() || null,
        phone: input.phone === undefined ? undefined : input.phone?.trim() || null,
        ...area,
      }),
    );
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<VendorRow> {
    const t = tenant(actor);
    await this.get(t, id);
    return this.change(t, id, active ? 'activated' : 'deactivated', (repo) =>
      repo.update(t, id, { active }),
    );
  }

  /** Replaces the vendor's offers with `offers` (one per service type). */
  async setOffers(actor: Actor, id: string, offers: VendorOfferInput[]): Promise<VendorRow> {
    const t = tenant(actor);
    await this.get(t, id);
    const typeIds = offers.map((o) => o.serviceTypeId);
    const duplicate = typeIds.find((typeId, i) => typeIds.indexOf(typeId) !== i);
    if (duplicate) {
      throw new VendorError(
        VendorErrorCode.DuplicateOffer,
        'Give each service type once; it is offered at one price',
        { field: 'offers', serviceTypeId: duplicate },
      );
    }
    const existing = await this.repo.existingServiceTypeIds(t, typeIds);
    const missing = typeIds.find((typeId) => !existing.has(typeId));
    if (missing) {
      throw new VendorError(
        VendorErrorCode.ServiceTypeNotFound,
        `Service type ${missing} was not found`,
        { field: 'serviceTypeId', serviceTypeId: missing },
      );
    }
    return this.change(t, id, 'offers', (repo) =>
      repo.replaceOffers(
        t,
        id,
        offers.map((o) => ({
          serviceTypeId: o.serviceTypeId,
          priceMinor: o.priceMinor,
          currency: o.currency,
          leadTimeHours: o.leadTimeHours,
        })),
      ),
    );
  }

  /** Replaces the vendor's weekly availability windows. */
  async setAvailability(
    actor: Actor,
    id: string,
    windows: VendorWindowInput[],
  ): Promise<VendorRow> {
    const t = tenant(actor);
    await this.get(t, id);
    const sorted = checkWindows(windows);
    return this.change(t, id, 'availability', (repo) => repo.replaceAvailability(t, id, sorted));
  }

  private async checkName(actor: TenantActor, name: string, exceptId?: string): Promise<void> {
    if (await this.repo.nameTaken(actor, name, exceptId)) {
      throw new VendorError(VendorErrorCode.NameTaken, `A vendor named "${name}" already exists`, {
        field: 'name',
      });
    }
  }

  /** Runs a write and its VendorUpdated event in one transaction; returns the new state. */
  private change(
    actor: TenantActor,
    id: string,
    change: string,
    write: (repo: VendorRepository) => Promise<void>,
  ): Promise<VendorRow> {
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      await write(repo);
      const row = await repo.findById(actor, id);
      if (!row) throw vendorNotFound(id);
      await emit(tx, 'VendorUpdated', row, { change });
      return row;
    });
  }
}

type Area = { baseLat: number | null; baseLng: number | null; serviceRadiusKm: number | null };

function checkArea(area: Area): Area {
  if ((area.baseLat === null) !== (area.baseLng === null)) {
    throw new VendorError(
      VendorErrorCode.InvalidServiceArea,
      'Give the base latitude and longitude together',
      { field: area.baseLat === null ? 'baseLat' : 'baseLng' },
    );
  }
  if (area.serviceRadiusKm !== null && area.baseLat === null) {
    throw new VendorError(
      VendorErrorCode.InvalidServiceArea,
      'A service radius needs a base location to measure from',
      { field: 'serviceRadiusKm' },
    );
  }
  return area;
}

const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Windows must end after they start and not overlap on the same day; returns them sorted. */
function checkWindows(windows: VendorWindowInput[]): VendorWindowInput[] {
  for (const w of windows) {
    if (w.endMin <= w.startMin) {
      throw new VendorError(
        VendorErrorCode.InvalidWindow,
        `A window must end after it starts (${WEEKDAYS[w.weekday]} ${hhmm(w.startMin)}–${hhmm(w.endMin)})`,
        { field: 'windows' },
      );
    }
  }
  const sorted = [...windows].sort((a, b) => a.weekday - b.weekday || a.startMin - b.startMin);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.weekday === next.weekday && next.startMin < prev.endMin) {
      throw new VendorError(
        VendorErrorCode.OverlappingWindows,
        `Windows overlap on ${WEEKDAYS[next.weekday]}: ${hhmm(prev.startMin)}–${hhmm(prev.endMin)} and ${hhmm(next.startMin)}–${hhmm(next.endMin)}`,
        { field: 'windows', weekday: next.weekday },
      );
    }
  }
  return sorted.map((w) => ({ weekday: w.weekday, startMin: w.startMin, endMin: w.endMin }));
}

function emit(tx: DbOrTx, type: string, row: VendorRow, extra: Record<string, unknown> = {}) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'Vendor',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      name: row.name,
      active: row.active,
      serviceTypeIds: row.offers.map((o) => o.serviceTypeId),
      ...extra,
    },
  });
}
