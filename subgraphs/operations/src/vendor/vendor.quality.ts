/*
 * Quality score of whoever did completed work orders (a vendor, or a technician in matching):
 *  - on time: completed at or before the SLA due time, or the end of the customer's window when
 *    there is no SLA, among completed jobs that had such a deadline;
 *  - rating: the average customer rating (1–5), mapped to 0–1 as (avg − 1) / 4;
 *  - no rework: the share of completed jobs no later order was opened to redo (reworkOfId).
 * Weights 0.4 / 0.4 / 0.2; a factor without data is left out and the others renormalised, so the
 * score always spans 0–100. No completed jobs: no score.
 */

/** Aggregates of the completed work orders of one vendor or technician (one SQL row). */
export interface JobStats {
  id: string;
  completed: number;
  withDeadline: number;
  onTime: number;
  rated: number;
  ratingSum: number;
  reworked: number;
}

export interface QualityFactorView {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface QualityView {
  score: number | null;
  jobs: number;
  onTimeRate: number | null;
  averageRating: number | null;
  reworkRate: number | null;
  factors: QualityFactorView[];
  explanation: string;
}

export const QUALITY_WEIGHTS = { onTime: 0.4, rating: 0.4, noRework: 0.2 } as const;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const jobs = (n: number) => `${n} ${n === 1 ? 'job' : 'jobs'}`;

export function qualityOf(stats: JobStats | undefined): QualityView {
  if (!stats || stats.completed === 0) {
    return {
      score: null,
      jobs: 0,
      onTimeRate: null,
      averageRating: null,
      reworkRate: null,
      factors: [],
      explanation: 'No completed jobs yet, so there is no score',
    };
  }
  const onTimeRate = stats.withDeadline > 0 ? stats.onTime / stats.withDeadline : null;
  const averageRating = stats.rated > 0 ? stats.ratingSum / stats.rated : null;
  const reworkRate = stats.reworked / stats.completed;

  const raw: Omit<QualityFactorView, 'contribution'>[] = [];
  if (onTimeRate !== null) {
    raw.push({
      name: 'On time',
      value: onTimeRate,
      weight: QUALITY_WEIGHTS.onTime,
      explanation: `${stats.onTime} of ${jobs(stats.withDeadline)} on time`,
    });
  }
  if (averageRating !== null) {
    raw.push({
      name: 'Customer rating',
      value: (averageRating - 1) / 4,
      weight: QUALITY_WEIGHTS.rating,
      explanation: `Average rating ${averageRating.toFixed(1)} of 5 from ${stats.rated} ${
        stats.rated === 1 ? 'rating' : 'ratings'
      }`,
    });
  }
  raw.push({
    name: 'No rework',
    value: 1 - reworkRate,
    weight: QUALITY_WEIGHTS.noRework,
    explanation:
      stats.reworked === 0
        ? `None of ${jobs(stats.completed)} needed rework`
        : `${stats.reworked} of ${jobs(stats.completed)} needed rework`,
  });

  const total = raw.reduce((sum, f) => sum + f.weight, 0);
  const factors = raw.map((f) => {
    const weight = f.weight / total;
    return {
      ...f,
      value: round(f.value, 4),
      weight: round(weight, 4),
      contribution: round(f.value * weight * 100, 1),
    };
  });
  const score = Math.round(raw.reduce((sum, f) => sum + (f.value * f.weight) / total, 0) * 100);
  return {
    score,
    jobs: stats.completed,
    onTimeRate: onTimeRate === null ? null : round(onTimeRate, 4),
    averageRating: averageRating === null ? null : round(averageRating, 2),
    reworkRate: round(reworkRate, 4),
    factors,
    explanation: `Score ${score} from ${jobs(stats.completed)} completed: ${factors
      .map((f) => f.explanation.charAt(0).toLowerCase() + f.explanation.slice(1))
      .join(', ')}`,
  };
}
