import type { Prisma } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

const include = {
  offers: { orderBy: [{ serviceType: { name: 'asc' } }] },
  availability: { orderBy: [{ weekday: 'asc' }, { startMin: 'asc' }] },
} satisfies Prisma.VendorInclude;
export type VendorRow = Prisma.VendorGetPayload<{ include: typeof include }>;

export interface VendorListArgs {
  first: number;
  after?: string | null;
  search?: string | null;
  serviceTypeId?: string | null;
  includeInactive?: boolean | null;
}

/** Vendor queries. Every query is scoped to the actor's organization. */
export class VendorRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): VendorRepository {
    return new VendorRepository(tx);
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<VendorRow[]> {
    return this.db.vendor.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
      include,
    });
  }

  async findById(actor: TenantActor, id: string): Promise<VendorRow | null> {
    const [row] = await this.findByIds(actor, [id]);
    return row ?? null;
  }

  /** Every vendor of the organization (active or not), for matching. */
  findAll(organizationId: string): Promise<VendorRow[]> {
    return this.db.vendor.findMany({
      where: { organizationId },
      include,
      orderBy: { name: 'asc' },
    });
  }

  async page(actor: TenantActor, args: VendorListArgs) {
    const base: Prisma.VendorWhereInput = { organizationId: actor.organizationId };
    if (!args.includeInactive) base.active = true;
    const search = args.search?.trim();
    if (search) {
      base.OR = [
        { name: { contains: search, mode: 'insensitive' } },
        { email: { contains: search, mode: 'insensitive' } },
      ];
    }
    if (args.serviceTypeId) base.offers = { some: { serviceTypeId: args.serviceTypeId } };
    const keyset = keysetQuery('name', 'ASC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.vendor.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.VendorOrderByWithRelationInput[],
      take: args.first + 1,
      include,
    });
    return { rows, totalCount: () => this.db.vendor.count({ where: base }) };
  }

  /** Another vendor of the organization already named so (case-insensitive). */
  async nameTaken(actor: TenantActor, name: string, exceptId?: string): Promise<boolean> {
    const n = await this.db.vendor.count({
      where: {
        organizationId: actor.organizationId,
        name: { equals: name, mode: 'insensitive' },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
    });
    return n > 0;
  }

  /** The ids among `ids` that name service types of the organization. */
  async existingServiceTypeIds(actor: TenantActor, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.serviceType.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  async create(data: Prisma.VendorUncheckedCreateInput): Promise<VendorRow> {
    return this.db.vendor.create({ data, include });
  }

  async update(
    actor: TenantActor,
    id: string,
    data: Prisma.VendorUncheckedUpdateManyInput,
  ): Promise<void> {
    await this.db.vendor.updateMany({ where: { id, organizationId: actor.organizationId }, data });
  }

  async replaceOffers(
    actor: TenantActor,
    vendorId: string,
    offers: Omit<Prisma.VendorOfferCreateManyInput, 'organizationId' | 'vendorId'>[],
  ): Promise<void> {
    const organizationId = actor.organizationId;
    await this.db.vendorOffer.deleteMany({ where: { organizationId, vendorId } });
    if (offers.length) {
      await this.db.vendorOffer.createMany({
        data: offers.map((o) => ({ ...o, organizationId, vendorId })),
      });
    }
    await this.touch(actor, vendorId);
  }

  async replaceAvailability(
    actor: TenantActor,
    vendorId: string,
    windows: { weekday: number; startMin: number; endMin: number }[],
  ): Promise<void> {
    const organizationId = actor.organizationId;
    await this.db.vendorAvailability.deleteMany({ where: { organizationId, vendorId } });
    if (windows.length) {
      await this.db.vendorAvailability.createMany({
        data: windows.map((w) => ({ ...w, organizationId, vendorId })),
      });
    }
    await this.touch(actor, vendorId);
  }

  private async touch(actor: TenantActor, id: string): Promise<void> {
    await this.db.vendor.updateMany({
      where: { id, organizationId: actor.organizationId },
      data: { updatedAt: new Date() },
    });
  }
}
