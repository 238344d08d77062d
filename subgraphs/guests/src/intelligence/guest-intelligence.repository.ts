import type { Guest as GuestRow, Prisma, SyncSide } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import { validIds } from '../shared/ids';

export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface NewAudit {
  organizationId: string;
  entityId: string;
  externalId: string | null;
  side: SyncSide;
  source: string;
  action: string;
  changes: AuditChange[];
  actorId: string | null;
}

/** Queries behind guest intelligence. Every query names the organization. */
export class GuestIntelligenceRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): GuestIntelligenceRepository {
    return new GuestIntelligenceRepository(tx);
  }

  guests(organizationId: string, ids: readonly string[]): Promise<GuestRow[]> {
    return this.db.guest.findMany({
      where: { organizationId, id: { in: validIds(ids) } },
      orderBy: { id: 'asc' },
    });
  }

  /** One page of the organization's guest ids, in id order. */
  async guestIds(organizationId: string, after: string | null, take: number): Promise<string[]> {
    const rows = await this.db.guest.findMany({
      where: { organizationId, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: 'asc' },
      take,
    });
    return rows.map((r) => r.id);
  }

  /** Companies with an email address, optionally only those at one domain. */
  companiesWithEmail(
    organizationId: string,
    domain?: string,
  ): Promise<{ id: string; email: string | null }[]> {
    return this.db.company.findMany({
      where: {
        organizationId,
        email: domain ? { endsWith: `@${domain}`, mode: 'insensitive' } : { not: null },
      },
      select: { id: true, email: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  updateGuest(
    organizationId: string,
    id: string,
    data: Prisma.GuestUncheckedUpdateInput,
  ): Promise<GuestRow> {
    return this.db.guest.update({ where: { id, organizationId }, data });
  }

  /**
   * Writes the derived columns (enrichment, completeness, VIP) of many guests in one statement:
   * each row's current values overlaid with what changed.
   */
  async updateDerived(
    organizationId: string,
    updates: { row: GuestRow; data: Prisma.GuestUncheckedUpdateInput }[],
  ): Promise<void> {
    if (updates.length === 0) return;
    const values = updates.map(({ row, data }) => ({
      id: row.id,
      language: row.language,
      companyId: row.companyId,
      classifications: row.classifications,
      completeness: row.completeness,
      completenessGaps: row.completenessGaps,
      validationErrors: row.validationErrors,
      vip: row.vip,
      vipReason: row.vipReason,
      ...data,
    }));
    await this.db.$executeRawUnsafe(
      `UPDATE "guests"."guest" AS g
          SET "language" = v."language", "companyId" = v."companyId",
              "classifications" = v."classifications", "completeness" = v."completeness",
              "completenessGaps" = v."completenessGaps", "validationErrors" = v."validationErrors",
              "vip" = v."vip", "vipReason" = v."vipReason", "updatedAt" = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(
              "id" uuid, "language" text, "companyId" uuid, "classifications" text[],
              "completeness" int, "completenessGaps" text[], "validationErrors" text[],
              "vip" boolean, "vipReason" text)
        WHERE g."id" = v."id" AND g."organizationId" = $2::uuid`,
      JSON.stringify(values),
      organizationId,
    );
  }

  /** Which of these guests already have a score history. */
  async withHistory(organizationId: string, guestIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.guestScoreHistory.findMany({
      where: { organizationId, guestId: { in: validIds(guestIds) } },
      select: { guestId: true },
      distinct: ['guestId'],
    });
    return new Set(rows.map((r) => r.guestId));
  }

  async recordScores(
    organizationId: string,
    scores: { guestId: string; score: number }[],
  ): Promise<void> {
    if (scores.length === 0) return;
    await this.db.guestScoreHistory.createMany({
      data: scores.map((s) => ({ organizationId, ...s })),
    });
  }

  /** Score history of these guests since a moment, oldest first. */
  history(
    organizationId: string,
    guestIds: readonly string[],
    since: Date,
  ): Promise<{ guestId: string; score: number; recordedAt: Date }[]> {
    return this.db.guestScoreHistory.findMany({
      where: { organizationId, guestId: { in: validIds(guestIds) }, recordedAt: { gte: since } },
      select: { guestId: true, score: true, recordedAt: true },
      orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
    });
  }

  async audit(entries: NewAudit[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.syncAudit.createMany({
      data: entries.map((e) => ({
        ...e,
        entityType: 'Guest',
        changes: e.changes as unknown as Prisma.InputJsonValue,
      })),
    });
  }
}
