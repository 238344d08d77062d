import type { Prisma } from '@attendant/db';
import { tenant, type Actor, type Db, type DbOrTx, type Tx } from '@attendant/kit';
import { emitGuestEvent } from '../guest/guest.events';
import type { GuestRow } from '../guest/guest.repository';
import { GuestRulesError, GuestRulesErrorCode } from './guest-rules.errors';
import {
  GuestIntelligenceRepository,
  type AuditChange,
  type NewAudit,
} from './guest-intelligence.repository';
import { GuestRulesRepository } from './guest-rules.repository';
import {
  companyDomainOf,
  effectiveRules,
  emailDomain,
  evaluateGuest,
  type EvaluationContext,
  type GuestProfile,
  type GuestRuleSet,
} from './guest-rules';

/** Guests recomputed per transaction by `refreshAll`. */
export const REFRESH_BATCH = 200;
/** Guests per transaction when nobody needs per-guest events (one UPDATE per batch). */
const BULK_BATCH = 1000;
export const MAX_TREND_DAYS = 730;

export interface RefreshResult {
  changed: boolean;
  completeness: number;
  /** The guest as stored after the refresh. */
  guest: GuestRow;
}

/** What one guest's refresh writes: computed without the database, then applied. */
interface RefreshPlan {
  data: Prisma.GuestUncheckedUpdateInput | null;
  changedFields: string[];
  audit: NewAudit | null;
  score: number;
  scoreChanged: boolean;
}

/**
 * Keeps each guest's derived profile data current: enrichment, completeness and its gaps,
 * validation errors and the VIP decision. `refresh` runs inside the caller's transaction, so a
 * staff edit or a Mews import and its recomputation commit together.
 */
export class GuestIntelligence {
  private readonly guests: GuestIntelligenceRepository;
  private readonly settings: GuestRulesRepository;

  constructor(private readonly db: Db) {
    this.guests = new GuestIntelligenceRepository(db);
    this.settings = new GuestRulesRepository(db);
  }

  /** The organization's rules in force: the stored settings, or the defaults. */
  async rules(organizationId: string, db: DbOrTx = this.db): Promise<GuestRuleSet> {
    return effectiveRules(await this.settings.with(db).find(organizationId));
  }

  async refresh(
    tx: Tx,
    organizationId: string,
    guestId: string,
    source: string,
    actorId: string | null = null,
  ): Promise<RefreshResult> {
    const repo = this.guests.with(tx);
    const [row] = await repo.guests(organizationId, [guestId]);
    if (!row) {
      const message = `Guest ${guestId} was not found`;
      throw new GuestRulesError(GuestRulesErrorCode.GuestNotFound, message, { id: guestId });
    }
    const rules = await this.rules(organizationId, tx);
    const domain =
      rules.enrichment.companyFromEmailDomain && !row.companyId && companyDomainOf(row.email);
    const companies = companyIndex(
      domain ? await repo.companiesWithEmail(organizationId, domain) : [],
    );
    const plan = planRefresh(row, rules, companies, source, actorId ?? null);
    const guest = plan.data ? await repo.updateGuest(organizationId, row.id, plan.data) : row;
    await repo.audit(plan.audit ? [plan.audit] : []);
    const record =
      plan.scoreChanged || !(await repo.withHistory(organizationId, [row.id])).has(row.id);
    if (record) await repo.recordScores(organizationId, [{ guestId: row.id, score: plan.score }]);
    return { changed: plan.data !== null, completeness: plan.score, guest };
  }

  /**
   * Recomputes every guest of the organization after its rules changed, in batches of
   * REFRESH_BATCH guests, each its own transaction. Changed guests get a GuestUpdated event
   * (origin RULE) so live views follow. Returns how many guests changed.
   */
  async refreshAll(
    organizationId: string,
    actorId: string | null = null,
    options: { events?: boolean; source?: string } = {},
  ): Promise<number> {
    const rules = await this.rules(organizationId);
    const companies = companyIndex(
      rules.enrichment.companyFromEmailDomain
        ? await this.guests.companiesWithEmail(organizationId)
        : [],
    );
    let updated = 0;
    let after: string | null = null;
    for (;;) {
      const batch = options.events === false ? BULK_BATCH : REFRESH_BATCH;
      const ids = await this.guests.guestIds(organizationId, after, batch);
      if (ids.length === 0) break;
      updated += await this.db.$transaction(
        (tx) => this.refreshBatch(tx, organizationId, ids, rules, companies, actorId, options),
        { timeout: 60_000 },
      );
      after = ids[ids.length - 1]!;
      if (ids.length < batch) break;
    }
    return updated;
  }

  private async refreshBatch(
    tx: Tx,
    organizationId: string,
    ids: string[],
    rules: GuestRuleSet,
    companies: EvaluationContext,
    actorId: string | null,
    options: { events?: boolean; source?: string } = {},
  ): Promise<number> {
    const repo = this.guests.with(tx);
    const rows = await repo.guests(organizationId, ids);
    const history = await repo.withHistory(organizationId, ids);
    const audits: NewAudit[] = [];
    const scores: { guestId: string; score: number }[] = [];
    let updated = 0;
    const bulk: { row: GuestRow; data: Prisma.GuestUncheckedUpdateInput }[] = [];
    for (const row of rows) {
      const plan = planRefresh(row, rules, companies, options.source ?? 'RULES', actorId);
      if (plan.audit) audits.push(plan.audit);
      if (plan.scoreChanged || !history.has(row.id))
        scores.push({ guestId: row.id, score: plan.score });
      if (!plan.data) continue;
      if (options.events === false) {
        // Nobody listens for these: one statement for the whole batch.
        bulk.push({ row, data: plan.data });
        updated++;
        continue;
      }
      const guest = await repo.updateGuest(organizationId, row.id, plan.data);
      await emitGuestEvent(tx, 'GuestUpdated', guest, {
        origin: 'RULE',
        changedFields: plan.changedFields,
      });
      updated++;
    }
    await repo.updateDerived(organizationId, bulk);
    await repo.audit(audits);
    await repo.recordScores(organizationId, scores);
    return updated;
  }

  /** Each guest's completeness over the last `days` days, oldest first. */
  async trends(
    actor: Actor,
    guestIds: readonly string[],
    days: number,
  ): Promise<{ id: string; points: { score: number; recordedAt: Date }[] }[]> {
    const t = tenant(actor);
    if (!Number.isInteger(days) || days < 1 || days > MAX_TREND_DAYS) {
      throw new GuestRulesError(
        GuestRulesErrorCode.InvalidTrendWindow,
        `Days must be a whole number between 1 and ${MAX_TREND_DAYS}`,
        { field: 'days' },
      );
    }
    const since = new Date(Date.now() - days * 86_400_000);
    const rows = await this.guests.history(t.organizationId, guestIds, since);
    const byGuest = new Map<string, { score: number; recordedAt: Date }[]>();
    for (const r of rows) {
      const points = byGuest.get(r.guestId) ?? [];
      points.push({ score: r.score, recordedAt: r.recordedAt });
      byGuest.set(r.guestId, points);
    }
    return guestIds.map((id) => ({ id, points: byGuest.get(id) ?? [] }));
  }
}

export function profileOf(row: GuestRow): GuestProfile {
  return {
    kind: row.kind,
    firstName: row.firstName,
    email: row.email,
    phone: row.phone,
    nationality: row.nationality,
    birthDate: row.birthDate,
    addressLine1: row.addressLine1,
    city: row.city,
    countryCode: row.countryCode,
    language: row.language,
    companyId: row.companyId,
    preferences: row.preferences,
    title: row.title,
    classifications: row.classifications,
    stayCount: row.stayCount,
    totalSpendMinor: row.totalSpendMinor,
    vipManual: row.vipManual,
  };
}

/** Looks companies up by email domain; a domain two companies share points at neither. */
export function companyIndex(companies: { id: string; email: string | null }[]): EvaluationContext {
  const byDomain = new Map<string, string | null>();
  for (const company of companies) {
    const domain = emailDomain(company.email);
    if (!domain) continue;
    const known = byDomain.get(domain);
    byDomain.set(domain, known === undefined || known === company.id ? company.id : null);
  }
  return { companyByEmailDomain: (domain) => byDomain.get(domain) ?? null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function planRefresh(
  row: GuestRow,
  rules: GuestRuleSet,
  companies: EvaluationContext,
  source: string,
  actorId: string | null,
): RefreshPlan {
  const result = evaluateGuest(profileOf(row), rules, companies);
  const next = {
    language: result.profile.language,
    companyId: result.profile.companyId,
    classifications: result.profile.classifications,
    completeness: result.completeness,
    completenessGaps: result.gaps,
    validationErrors: result.validationErrors,
    vip: result.vip,
    vipReason: result.vipReason,
  };
  const changedFields = (Object.keys(next) as (keyof typeof next)[]).filter(
    (key) => !same(row[key], next[key]),
  );
  const changes: AuditChange[] = result.enrichment.map((e) => ({
    field: e.field,
    from: e.from,
    to: e.to,
  }));
  let data: Prisma.GuestUncheckedUpdateInput | null = null;
  if (changedFields.length) {
    // Enriched values are derived defaults, not edits: they are not stamped in
    // `fieldChangedAt`, so a value from Mews replaces them and they are never pushed.
    data = Object.fromEntries(changedFields.map((key) => [key, next[key]]));
  }
  return {
    data,
    changedFields,
    audit: changes.length
      ? {
          organizationId: row.organizationId,
          entityId: row.id,
          externalId: row.externalId,
          side: 'RULE',
          source,
          action: 'ENRICHED',
          changes,
          actorId,
        }
      : null,
    score: result.completeness,
    scoreChanged: result.completeness !== row.completeness,
  };
}
