import type { Actor, Db } from '@attendant/kit';
import { isUuid, tenant } from '../shared/actors';
import { MetricError, MetricErrorCode } from './metric.errors';
import { MetricRepository, type MetricSnapshotRow } from './metric.repository';
import { TECHNICIAN_UTILIZATION } from './metric.type';

const DAY_MS = 86_400_000;
export const MAX_SERIES_DAYS = 366;
export const MAX_SERIES_POINTS = 5000;
export const MAX_UTILIZATION_DAYS = 365;

export class MetricService {
  private readonly repo: MetricRepository;

  constructor(db: Db) {
    this.repo = new MetricRepository(db);
  }

  /** A metric's values for one subject (or the whole organization) over a time range, oldest first. */
  series(
    actor: Actor,
    args: { metric: string; subjectId?: string | null; from: Date; to: Date },
  ): Promise<MetricSnapshotRow[]> {
    const t = tenant(actor);
    if (args.to <= args.from) {
      throw new MetricError(MetricErrorCode.InvalidRange, '"to" must be after "from"', {
        field: 'to',
      });
    }
    if (args.to.getTime() - args.from.getTime() > MAX_SERIES_DAYS * DAY_MS) {
      throw new MetricError(
        MetricErrorCode.InvalidRange,
        `Ask for at most ${MAX_SERIES_DAYS} days at a time`,
        { field: 'to' },
      );
    }
    if (args.subjectId && !isUuid(args.subjectId)) return Promise.resolve([]);
    return this.repo.series(t, {
      ...args,
      subjectId: args.subjectId ?? null,
      take: MAX_SERIES_POINTS,
    });
  }

  /** Each technician's average utilization over the last `days` days; technicians without data are left out. */
  async utilization(
    actor: Actor,
    technicianIds: readonly string[],
    days: number,
    now = new Date(),
  ): Promise<{ id: string; value: number }[]> {
    const t = tenant(actor);
    if (!Number.isInteger(days) || days < 1 || days > MAX_UTILIZATION_DAYS) {
      throw new MetricError(
        MetricErrorCode.InvalidDays,
        `days must be between 1 and ${MAX_UTILIZATION_DAYS}`,
        { field: 'days' },
      );
    }
    const averages = await this.repo.averageBySubject(t, {
      metric: TECHNICIAN_UTILIZATION,
      subjectIds: technicianIds.filter(isUuid),
      since: new Date(now.getTime() - days * DAY_MS),
    });
    return averages.map((a) => ({ id: a.subjectId, value: a.average }));
  }
}
