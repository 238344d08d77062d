import type { Actor, Db } from '@attendant/kit';
import { isUuid, tenant } from '../shared/actors';
import { HealthScoreRepository, type HealthScoreRow } from './health-score.repository';
import type { HealthFactor, HealthScore } from './health-score.type';

export class HealthScoreService {
  private readonly repo: HealthScoreRepository;

  constructor(db: Db) {
    this.repo = new HealthScoreRepository(db);
  }

  /** The current score of each guest that has one. */
  async forGuests(
    actor: Actor,
    guestIds: readonly string[],
  ): Promise<{ guestId: string; score: HealthScore }[]> {
    const rows = await this.repo.findByGuestIds(tenant(actor), guestIds.filter(isUuid));
    return rows.map((row) => ({ guestId: row.guestId, score: toHealthScore(row) }));
  }
}

function toHealthScore(row: HealthScoreRow): HealthScore {
  return {
    score: row.score,
    trend: row.trend,
    computedAt: row.computedAt,
    factors: parseFactors(row.factors),
  };
}

/** `factors` is JSON written by the scorer; entries that do not have the expected shape are left out. */
function parseFactors(json: unknown): HealthFactor[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((f: Record<string, unknown> | null) => {
    const key = f?.['key'];
    const weight = Number(f?.['weight']);
    const value = Number(f?.['value']);
    if (typeof key !== 'string' || !Number.isFinite(weight) || !Number.isFinite(value)) return [];
    return [
      {
        key,
        label: typeof f?.['label'] === 'string' ? (f['label'] as string) : key,
        weight,
        value,
      },
    ];
  });
}
