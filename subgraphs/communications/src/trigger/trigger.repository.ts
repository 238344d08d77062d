import {
  Prisma,
  type Channel,
  type ContactProjection,
  type Trigger as TriggerRow,
  type TriggerEvent,
  type TriggerFiring as FiringRow,
} from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { FiringRow, TriggerRow, ContactProjection };

/** Trigger and firing queries, scoped to one organization (except the due-firings claim). */
export class TriggerRepository {
  constructor(private readonly db: DbOrTx) {}

  with(db: DbOrTx): TriggerRepository {
    return new TriggerRepository(db);
  }

  enabledFor(organizationId: string, events: TriggerEvent[]): Promise<TriggerRow[]> {
    return this.db.trigger.findMany({
      where: { organizationId, enabled: true, event: { in: events } },
    });
  }

  list(t: TenantActor, event?: TriggerEvent | null): Promise<TriggerRow[]> {
    return this.db.trigger.findMany({
      where: { organizationId: t.organizationId, ...(event ? { event } : {}) },
      orderBy: [{ event: 'asc' }, { createdAt: 'asc' }],
      take: 500,
    });
  }

  byId(t: TenantActor, id: string): Promise<TriggerRow | null> {
    return this.db.trigger.findFirst({ where: { id, organizationId: t.organizationId } });
  }

  create(t: TenantActor, data: Omit<Prisma.TriggerUncheckedCreateInput, 'organizationId'>) {
    return this.db.trigger.create({ data: { ...data, organizationId: t.organizationId } });
  }

  async update(t: TenantActor, id: string, data: Prisma.TriggerUncheckedUpdateManyInput) {
    const [row] = await this.db.trigger.updateManyAndReturn({
      where: { id, organizationId: t.organizationId },
      data,
    });
    return row ?? null;
  }

  async delete(t: TenantActor, id: string): Promise<boolean> {
    const r = await this.db.trigger.deleteMany({ where: { id, organizationId: t.organizationId } });
    return r.count > 0;
  }

  firing(organizationId: string, triggerId: string, dedupeKey: string) {
    return this.db.triggerFiring.findFirst({ where: { organizationId, triggerId, dedupeKey } });
  }

  firingById(organizationId: string, id: string) {
    return this.db.triggerFiring.findFirst({ where: { organizationId, id } });
  }

  firings(t: TenantActor, where: { entityId?: string | null; triggerId?: string | null }) {
    return this.db.triggerFiring.findMany({
      where: {
        organizationId: t.organizationId,
        ...(where.entityId ? { entityId: where.entityId } : {}),
        ...(where.triggerId ? { triggerId: where.triggerId } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
  }

  /** One page of a trigger's firings, newest first (`first + 1` rows: whether more follow). */
  async firingPage(
    t: TenantActor,
    triggerId: string,
    args: { first: number; after?: string | null },
  ) {
    const base: Prisma.TriggerFiringWhereInput = { organizationId: t.organizationId, triggerId };
    const keyset = keysetQuery('createdAt', 'DESC', args.after);
    const rows = await this.db.triggerFiring.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: t.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.TriggerFiringOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.triggerFiring.count({ where: base }) };
  }

  /** Inserts the firing unless its (trigger, key) exists: a redelivered event plans nothing. */
  async plan(data: Prisma.TriggerFiringCreateManyInput): Promise<boolean> {
    const r = await this.db.triggerFiring.createMany({ data: [data], skipDuplicates: true });
    return r.count > 0;
  }

  async setFiring(
    organizationId: string,
    id: string,
    data: Prisma.TriggerFiringUpdateManyMutationInput,
  ) {
    await this.db.triggerFiring.updateMany({ where: { organizationId, id }, data });
  }

  async cancelPlanned(
    organizationId: string,
    triggerId: string,
    dedupeKey: string,
    reason: string,
  ) {
    await this.db.triggerFiring.updateMany({
      where: { organizationId, triggerId, dedupeKey, status: 'PLANNED' },
      data: { status: 'CANCELLED', reason },
    });
  }

  /**
   * Claims due firings of every organization for this worker: PLANNED ones whose time has come,
   * and FIRING ones a stopped worker left behind (sending again is safe: the message is keyed
   * by the firing). SKIP LOCKED lets any number of workers share the table.
   */
  claimDue(now: Date, limit: number, staleBefore: Date) {
    return this.db.$queryRaw<{ id: string; organizationId: string }[]>(Prisma.sql`
      UPDATE "communications"."trigger_firing" f SET "status" = 'FIRING', "updatedAt" = ${now}
       WHERE f."id" IN (
         SELECT "id" FROM "communications"."trigger_firing"
          WHERE ("status" = 'PLANNED' AND "scheduledFor" <= ${now})
             OR ("status" = 'FIRING' AND "updatedAt" < ${staleBefore})
          ORDER BY "scheduledFor" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING f."id", f."organizationId"`);
  }

  contact(organizationId: string, entityType: string, entityId: string | null) {
    if (!entityId) return Promise.resolve(null);
    return this.db.contactProjection.findFirst({ where: { organizationId, entityType, entityId } });
  }

  async upsertContact(
    organizationId: string,
    entityType: string,
    entityId: string,
    data: Partial<
      Omit<ContactProjection, 'entityType' | 'entityId' | 'organizationId' | 'updatedAt'>
    >,
  ) {
    await this.db.contactProjection.upsert({
      where: { entityType_entityId: { entityType, entityId }, organizationId },
      create: { organizationId, entityType, entityId, ...data },
      update: data,
    });
  }

  /** The guest's number on a channel from earlier conversations or consent (newest first). */
  async knownAddress(organizationId: string, guestId: string, channel: Channel) {
    const conversation = await this.db.conversation.findFirst({
      where: { organizationId, guestId, channel },
      orderBy: { lastMessageAt: { sort: 'desc', nulls: 'last' } },
      select: { contactAddress: true },
    });
    if (conversation) return conversation.contactAddress;
    const consent = await this.db.consentRecord.findFirst({
      where: { organizationId, guestId, channel },
      orderBy: { recordedAt: 'desc' },
      select: { address: true },
    });
    return consent?.address ?? null;
  }
}
