import type { QualityView } from '../vendor/vendor.quality';

/*
 * How candidates are ranked. Each factor scores 0–1; the candidate's score is the weighted sum
 * times 100. Hard requirements (the skills at their minimum levels, being active, the vendor's
 * service area, the vendor offering the service) make a candidate ineligible instead: it is
 * still scored, but listed after every eligible one.
 */
export const MATCH_WEIGHTS = {
  skill: 0.3,
  availability: 0.25,
  distance: 0.2,
  cost: 0.1,
  quality: 0.15,
} as const;

/** Distance at which the distance factor has fallen to one half. */
export const HALF_SCORE_KM = 20;

/**
 * Skill fit of a vendor that offers the service: all that is known is that it meets the
 * requirement, like a technician exactly at the minimum level.
 */
export const VENDOR_OFFER_FIT = 0.8;

/** Neutral score of a factor that cannot be judged (no location, no jobs yet, no price). */
export const UNKNOWN = 0.5;

export interface FactorView {
  name: string;
  score: number;
  weight: number;
  detail: string;
}

export const factor = (
  name: string,
  weight: number,
  score: number,
  detail: string,
): FactorView => ({ name, weight, score: Math.round(score * 1000) / 1000, detail });

export const totalScore = (factors: readonly FactorView[]): number =>
  Math.round(factors.reduce((sum, f) => sum + f.score * f.weight, 0) * 100);

/** Great-circle distance in km between two points (haversine). */
export function haversineKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const distanceScore = (km: number): number => 1 / (1 + km / HALF_SCORE_KM);

export const formatKm = (km: number): string =>
  km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;

export interface RequiredSkill {
  skillId: string;
  minLevel: number;
  name: string;
}

/**
 * Per required skill: at the minimum level 0.8, each level above +0.1 (up to 1), missing or
 * below the minimum 0; the factor is the mean. Missing skills are returned as reasons.
 */
export function skillFit(
  required: readonly RequiredSkill[],
  levels: ReadonlyMap<string, number>,
): { score: number; detail: string; missing: string[] } {
  if (required.length === 0) return { score: 1, detail: 'no skills required', missing: [] };
  const missing: string[] = [];
  const held: string[] = [];
  let sum = 0;
  for (const r of required) {
    const level = levels.get(r.skillId);
    if (level === undefined || level < r.minLevel) {
      missing.push(
        level === undefined
          ? `missing ${r.name} (needs level ${r.minLevel})`
          : `${r.name} level ${level} is below the required ${r.minLevel}`,
      );
      continue;
    }
    sum += Math.min(1, 0.8 + 0.1 * (level - r.minLevel));
    held.push(`has ${r.name} level ${level} (needs ${r.minLevel})`);
  }
  return {
    score: sum / required.length,
    detail: [...held, ...missing].join(', '),
    missing,
  };
}

/** Cheapest of the candidates in the same currency scores 1; others in proportion. */
export function costScore(
  amountMinor: number | null,
  currency: string | null,
  cheapest: ReadonlyMap<string, number>,
): number {
  if (amountMinor === null || currency === null) return UNKNOWN;
  const min = cheapest.get(currency);
  if (min === undefined) return UNKNOWN;
  return Math.min(1, (min + 100) / (amountMinor + 100));
}

export function formatMoney(amountMinor: number, currency: string): string {
  const amount = amountMinor / 100;
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** The quality factor from a quality score: "95% on time, rated 4.6/5". */
export function qualityFactor(q: QualityView): { score: number; detail: string } {
  if (q.score === null) return { score: UNKNOWN, detail: 'no completed jobs yet' };
  const parts: string[] = [];
  if (q.onTimeRate !== null) parts.push(`${Math.round(q.onTimeRate * 100)}% on time`);
  if (q.averageRating !== null) parts.push(`rated ${q.averageRating.toFixed(1)}/5`);
  if (q.reworkRate) parts.push(`${Math.round(q.reworkRate * 100)}% rework`);
  if (parts.length === 0) parts.push(`quality ${q.score}/100`);
  return { score: q.score / 100, detail: parts.join(', ') };
}
