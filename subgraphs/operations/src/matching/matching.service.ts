import {
  invalidInput,
  isUuid,
  notFound,
  tenant,
  type Actor,
  type Db,
  type Money,
} from '@attendant/kit';
import { DateTime } from 'luxon';
import { CatalogService } from '../catalog/catalog.service';
import { AvailabilityService, zoneOrUtc } from '../people/availability.service';
import { JobStatsRepository } from '../vendor/job-stats.repository';
import { qualityOf, type QualityView } from '../vendor/vendor.quality';
import { VendorRepository, type VendorRow } from '../vendor/vendor.repository';
import { MatchingRepository, type CandidateTechnicianRow } from './matching.repository';
import {
  costScore,
  distanceScore,
  factor,
  formatKm,
  formatMoney,
  haversineKm,
  MATCH_WEIGHTS,
  qualityFactor,
  skillFit,
  totalScore,
  UNKNOWN,
  VENDOR_OFFER_FIT,
  type FactorView,
  type RequiredSkill,
} from './matching.scoring';
import {
  availabilityScore,
  describeSpan,
  notBefore,
  pickSlot,
  subtract,
  weeklySpans,
  type Span,
} from './matching.slots';
import { CandidateKind } from './matching.type';

export interface MatchingConfig {
  /** Internal cost of a technician hour, in minor units of the organization's currency. */
  technicianHourlyCostMinor: number;
  now?: () => Date;
}

export interface CandidateView {
  kind: CandidateKind;
  technician: CandidateTechnicianRow | null;
  vendor: VendorRow | null;
  rank: number;
  score: number;
  eligible: boolean;
  ineligibleReasons: string[];
  factors: FactorView[];
  explanation: string;
  distanceKm: number | null;
  cost: Money | null;
  nextAvailableAt: Date | null;
  name: string;
}

/** The job being matched, with everything the factors need. */
interface JobContext {
  workOrderId: string;
  organizationId: string;
  zone: string;
  currency: string;
  serviceTypeId: string | null;
  serviceTypeName: string | null;
  required: RequiredSkill[];
  site: { lat: number; lng: number } | null;
  minutes: number;
  preferred: Span | null;
  now: Date;
  /** Technicians: the scheduled day (or today) and the next 3 days. */
  rangeStart: Date;
  rangeEnd: Date;
  /** Vendors book further ahead (lead times), so they are looked at for two weeks. */
  vendorRangeEnd: Date;
}

const TECHNICIAN_DAYS = 4;
const VENDOR_DAYS = 14;
export const MAX_CANDIDATES = 50;

/**
 * Ranks the organization's technicians and vendors for a work order by skill fit, availability,
 * distance, cost and quality (weights and scales in matching.scoring.ts), explaining each rank.
 */
export class MatchingService {
  private readonly repo: MatchingRepository;
  private readonly vendors: VendorRepository;
  private readonly stats: JobStatsRepository;
  private readonly catalog: CatalogService;
  private readonly availability: AvailabilityService;

  constructor(
    private readonly db: Db,
    private readonly config: MatchingConfig,
  ) {
    this.repo = new MatchingRepository(db);
    this.vendors = new VendorRepository(db);
    this.stats = new JobStatsRepository(db);
    this.catalog = new CatalogService(db);
    this.availability = new AvailabilityService(db);
  }

  async candidates(actor: Actor, workOrderId: string, limit = 10): Promise<CandidateView[]> {
    const t = tenant(actor);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CANDIDATES) {
      throw invalidInput(`limit must be between 1 and ${MAX_CANDIDATES}`, 'limit');
    }
    const job = isUuid(workOrderId) ? await this.context(t.organizationId, workOrderId) : null;
    if (!job) throw notFound('WorkOrder', workOrderId);
    const [technicians, vendors] = await Promise.all([
      this.technicianCandidates(job),
      this.vendorCandidates(job),
    ]);
    return rank([...technicians, ...vendors]).slice(0, limit);
  }

  private async context(organizationId: string, id: string): Promise<JobContext | null> {
    const wo = await this.repo.workOrder(organizationId, id);
    if (!wo) return null;
    const [org, serviceType, site] = await Promise.all([
      this.repo.organization(organizationId),
      wo.serviceTypeId
        ? this.catalog.loadServiceType(this.db, organizationId, wo.serviceTypeId)
        : null,
      wo.siteId ? this.repo.site(organizationId, wo.siteId) : null,
    ]);
    const zone = zoneOrUtc(org?.timezone);
    const now = this.config.now?.() ?? new Date();
    const scheduled =
      wo.scheduledStart && wo.scheduledEnd
        ? { start: wo.scheduledStart, end: wo.scheduledEnd }
        : null;
    const window =
      wo.windowStart && wo.windowEnd ? { start: wo.windowStart, end: wo.windowEnd } : null;
    const anchor = wo.scheduledStart ?? wo.windowStart ?? now;
    const day = (d: Date) => DateTime.fromJSDate(d, { zone }).startOf('day');
    const start = DateTime.max(day(anchor), day(now));
    return {
      workOrderId: wo.id,
      organizationId,
      zone,
      currency: org?.currency ?? 'EUR',
      serviceTypeId: serviceType?.id ?? null,
      serviceTypeName: serviceType?.name ?? null,
      required: (serviceType?.requiredSkills ?? []).map((r) => ({
        skillId: r.skillId,
        minLevel: r.minLevel,
        name: r.skill.name,
      })),
      site: site ? { lat: site.lat, lng: site.lng } : null,
      minutes: Math.max(
        5,
        scheduled
          ? Math.round((scheduled.end.getTime() - scheduled.start.getTime()) / 60_000)
          : wo.estimatedMinutes,
      ),
      preferred: scheduled ?? window,
      now,
      rangeStart: start.toJSDate(),
      rangeEnd: start.plus({ days: TECHNICIAN_DAYS }).toJSDate(),
      vendorRangeEnd: start.plus({ days: VENDOR_DAYS }).toJSDate(),
    };
  }

  private async technicianCandidates(job: JobContext): Promise<CandidateView[]> {
    const technicians = await this.repo.technicians(job.organizationId);
    if (technicians.length === 0) return [];
    const ids = technicians.map((t) => t.id);
    const [windows, busy, stats] = await Promise.all([
      this.availability.workingWindows(job.organizationId, ids, job.rangeStart, job.rangeEnd),
      this.repo.busy(job.organizationId, ids, job.rangeStart, job.rangeEnd, job.workOrderId),
      this.stats.completedStats(job.organizationId, 'technicianId', ids),
    ]);
    const statsById = new Map(stats.map((s) => [s.id, s]));
    const hourly = this.config.technicianHourlyCostMinor;
    return technicians.map((tech) => {
      const reasons: string[] = [];
      if (!tech.active) reasons.push('inactive');
      const skills = skillFit(job.required, new Map(tech.skills.map((s) => [s.skillId, s.level])));
      reasons.push(...skills.missing);

      const jobs = busy
        .filter((b) => b.technicianId === tech.id && b.scheduledStart && b.scheduledEnd)
        .map((b) => ({ start: b.scheduledStart!, end: b.scheduledEnd! }));
      const free = notBefore(
        subtract(windows.get(tech.id) ?? [], [
          ...jobs,
          ...fullDays(jobs, tech.maxJobsPerDay, job.zone),
        ]),
        job.now,
      );
      const slot = pickSlot(free, job.minutes, job.preferred, job.rangeStart, job.zone);
      const availability = slot
        ? `free ${describeSpan(slot.span, slot.dayOffset, job.zone)}`
        : `no free ${job.minutes} min in the next ${TECHNICIAN_DAYS} days`;

      const home =
        tech.homeLat !== null && tech.homeLng !== null
          ? { lat: tech.homeLat, lng: tech.homeLng }
          : null;
      const distance = distanceOf(job.site, home, 'no home base');
      const costMinor = Math.round((hourly * job.minutes) / 60);
      const quality = qualityFactor(qualityOf(statsById.get(tech.id)));
      return {
        kind: CandidateKind.TECHNICIAN,
        technician: tech,
        vendor: null,
        name: tech.name,
        rank: 0,
        score: 0,
        eligible: reasons.length === 0,
        ineligibleReasons: reasons,
        factors: [
          factor('Skill fit', MATCH_WEIGHTS.skill, skills.score, skills.detail),
          factor(
            'Availability',
            MATCH_WEIGHTS.availability,
            availabilityScore(slot, job.preferred !== null),
            availability,
          ),
          factor('Distance', MATCH_WEIGHTS.distance, distance.score, distance.detail),
          factor('Cost', MATCH_WEIGHTS.cost, UNKNOWN, `${formatMoney(hourly, job.currency)}/h`),
          factor('Quality', MATCH_WEIGHTS.quality, quality.score, quality.detail),
        ],
        explanation: '',
        distanceKm: distance.km,
        cost: { amountMinor: costMinor, currency: job.currency },
        nextAvailableAt: slot?.start ?? null,
      };
    });
  }

  private async vendorCandidates(job: JobContext): Promise<CandidateView[]> {
    const vendors = await this.vendors.findAll(job.organizationId);
    if (vendors.length === 0) return [];
    const stats = await this.stats.completedStats(
      job.organizationId,
      'vendorId',
      vendors.map((v) => v.id),
    );
    const statsById = new Map(stats.map((s) => [s.id, s]));
    return vendors.map((vendor) =>
      vendorCandidate(vendor, job, qualityOf(statsById.get(vendor.id))),
    );
  }
}

function vendorCandidate(vendor: VendorRow, job: JobContext, q: QualityView): CandidateView {
  const reasons: string[] = [];
  if (!vendor.active) reasons.push('inactive');
  const offer = vendor.offers.find((o) => o.serviceTypeId === job.serviceTypeId) ?? null;
  let skill: { score: number; detail: string };
  if (!job.serviceTypeName) {
    skill = { score: 0, detail: 'the work order has no service type to match offers' };
    reasons.push(skill.detail);
  } else if (!offer) {
    skill = { score: 0, detail: `does not offer ${job.serviceTypeName}` };
    reasons.push(skill.detail);
  } else {
    skill = { score: VENDOR_OFFER_FIT, detail: `offers ${job.serviceTypeName}` };
  }

  const base =
    vendor.baseLat !== null && vendor.baseLng !== null
      ? { lat: vendor.baseLat, lng: vendor.baseLng }
      : null;
  const distance = distanceOf(job.site, base, 'no base location');
  if (
    distance.km !== null &&
    vendor.serviceRadiusKm !== null &&
    distance.km > vendor.serviceRadiusKm
  ) {
    reasons.push(
      `outside its ${formatKm(vendor.serviceRadiusKm)} service area (${formatKm(distance.km)} away)`,
    );
  }

  const leadTimeHours = offer?.leadTimeHours ?? 24;
  const earliest = new Date(
    Math.max(job.now.getTime() + leadTimeHours * 3_600_000, job.rangeStart.getTime()),
  );
  const hasHours = vendor.availability.length > 0;
  const free = hasHours
    ? weeklySpans(vendor.availability, earliest, job.vendorRangeEnd, job.zone)
    : earliest < job.vendorRangeEnd
      ? [{ start: earliest, end: job.vendorRangeEnd }]
      : [];
  const slot = pickSlot(free, job.minutes, job.preferred, job.rangeStart, job.zone);
  const lead = `${leadTimeHours} h lead time`;
  const availability = !slot
    ? `nothing free in the next ${VENDOR_DAYS} days (${lead})`
    : hasHours
      ? `available ${describeSpan(slot.span, slot.dayOffset, job.zone)} (${lead})`
      : `no set hours; free from ${describeStart(slot.start, slot.dayOffset, job.zone)} (${lead})`;

  const quality = qualityFactor(q);
  return {
    kind: CandidateKind.VENDOR,
    technician: null,
    vendor,
    name: vendor.name,
    rank: 0,
    score: 0,
    eligible: reasons.length === 0,
    ineligibleReasons: reasons,
    factors: [
      factor('Skill fit', MATCH_WEIGHTS.skill, skill.score, skill.detail),
      factor(
        'Availability',
        MATCH_WEIGHTS.availability,
        availabilityScore(slot, job.preferred !== null),
        availability,
      ),
      factor('Distance', MATCH_WEIGHTS.distance, distance.score, distance.detail),
      factor(
        'Cost',
        MATCH_WEIGHTS.cost,
        UNKNOWN,
        offer
          ? `${formatMoney(offer.priceMinor, offer.currency)} per job`
          : 'no price for this service',
      ),
      factor('Quality', MATCH_WEIGHTS.quality, quality.score, quality.detail),
    ],
    explanation: '',
    distanceKm: distance.km,
    cost: offer ? { amountMinor: offer.priceMinor, currency: offer.currency } : null,
    nextAvailableAt: slot?.start ?? null,
  };
}

function describeStart(start: Date, dayOffset: number, zone: string): string {
  return DateTime.fromJSDate(start, { zone }).toFormat(
    dayOffset === 0 ? 'HH:mm' : 'ccc d LLL HH:mm',
  );
}

function distanceOf(
  site: { lat: number; lng: number } | null,
  from: { lat: number; lng: number } | null,
  missing: string,
): { km: number | null; score: number; detail: string } {
  if (!site) return { km: null, score: UNKNOWN, detail: 'distance unknown: no site location' };
  if (!from) return { km: null, score: UNKNOWN, detail: `distance unknown: ${missing}` };
  const km = Math.round(haversineKm(site, from) * 10) / 10;
  return { km, score: distanceScore(km), detail: formatKm(km) };
}

/** Whole local days on which a technician already has `max` jobs: nothing more fits there. */
function fullDays(jobs: readonly Span[], max: number, zone: string): Span[] {
  const perDay = new Map<string, number>();
  for (const j of jobs) {
    const key = DateTime.fromJSDate(j.start, { zone }).toISODate() ?? '';
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  return [...perDay]
    .filter(([, n]) => n >= max)
    .map(([key]) => {
      const day = DateTime.fromISO(key, { zone });
      return { start: day.toJSDate(), end: day.plus({ days: 1 }).toJSDate() };
    });
}

/**
 * Cost is relative (the cheapest eligible candidate in a currency scores 1), so it is filled in
 * once all candidates are known; then eligible candidates come first, best score first.
 */
function rank(candidates: CandidateView[]): CandidateView[] {
  const pool = candidates.some((c) => c.eligible)
    ? candidates.filter((c) => c.eligible)
    : candidates;
  const cheapest = new Map<string, number>();
  for (const c of pool) {
    if (!c.cost) continue;
    const min = cheapest.get(c.cost.currency);
    if (min === undefined || c.cost.amountMinor < min)
      cheapest.set(c.cost.currency, c.cost.amountMinor);
  }
  for (const c of candidates) {
    const cost = c.factors.find((f) => f.name === 'Cost')!;
    cost.score =
      Math.round(
        costScore(c.cost?.amountMinor ?? null, c.cost?.currency ?? null, cheapest) * 1000,
      ) / 1000;
    c.score = totalScore(c.factors);
  }
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
  sorted.forEach((c, i) => {
    c.rank = i + 1;
    c.explanation = explain(c, i === 0);
  });
  return sorted;
}

/** "Best match: has Plumbing level 3 (needs 2), free 13:00–17:00, 4.2 km, €60/h, 95% on time" */
function explain(c: CandidateView, first: boolean): string {
  if (c.eligible) {
    return `${first ? 'Best match' : `Rank ${c.rank}`}: ${c.factors.map((f) => f.detail).join(', ')}`;
  }
  const reasons = c.ineligibleReasons.join('; ');
  const rest = c.factors.map((f) => f.detail).filter((d) => !c.ineligibleReasons.includes(d));
  return `Not eligible: ${reasons}${rest.length ? ` (otherwise: ${rest.join(', ')})` : ''}`;
}
