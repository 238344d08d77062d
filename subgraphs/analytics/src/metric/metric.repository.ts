import type { MetricSnapshot as MetricSnapshotRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

export type { MetricSnapshotRow };

/** Metric queries. Every query is scoped to the actor's organization. */
export class MetricRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Snapshots whose period starts in [from, to), oldest first. */
  series(
    actor: TenantActor,
    args: { metric: string; subjectId: string | null; from: Date; to: Date; take: number },
  ): Promise<MetricSnapshotRow[]> {
    return this.db.metricSnapshot.findMany({
      where: {
        organizationId: actor.organizationId,
        metric: args.metric,
        subjectId: args.subjectId,
        periodStart: { gte: args.from, lt: args.to },
      },
      orderBy: [{ periodStart: 'asc' }],
      take: args.take,
    });
  }

  /** The average value of a metric per subject over periods starting at or after `since`. */
  async averageBySubject(
    actor: TenantActor,
    args: { metric: string; subjectIds: readonly string[]; since: Date },
  ): Promise<{ subjectId: string; average: number }[]> {
    const groups = await this.db.metricSnapshot.groupBy({
      by: ['subjectId'],
      where: {
        organizationId: actor.organizationId,
        metric: args.metric,
        subjectId: { in: [...args.subjectIds] },
        periodStart: { gte: args.since },
      },
      _avg: { value: true },
    });
    return groups.flatMap((g) =>
      g.subjectId && g._avg.value != null
        ? [{ subjectId: g.subjectId, average: g._avg.value }]
        : [],
    );
  }
}
