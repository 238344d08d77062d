import { Prisma, type TimelineEvent as TimelineEventRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';
import type { TimelineChannel } from './timeline.type';

export type { TimelineEventRow };

/** Where an entry's row lives. */
export type TimelineSource = 'MESSAGE' | 'NOTE' | 'EVENT' | 'ALERT';

/** One entry of the merged feed, before its row is loaded. */
export interface TimelineRef {
  source: TimelineSource;
  id: string;
  guestId: string;
  at: Date;
  channel: TimelineChannel;
  userId: string | null;
}

export interface TimelineQuery {
  channels?: readonly TimelineChannel[] | null;
  from?: Date | null;
  to?: Date | null;
  userId?: string | null;
  /** Entries strictly before this (at, id) in the feed's order. */
  before?: { at: Date; id: string } | null;
}

/**
 * The merged feed: messages, live notes, other domains' events and alerts about the guest, in
 * one ordering by (at, id), newest first. Every branch is scoped to the actor's organization.
 */
export class TimelineRepository {
  constructor(private readonly db: DbOrTx) {}

  private entries(actor: TenantActor, guestIds: readonly string[]): Prisma.Sql {
    const org = actor.organizationId;
    const ids = [...guestIds];
    return Prisma.sql`
      SELECT 'MESSAGE' AS "source", m."id", m."guestId", m."createdAt" AS "at", m."channel"::text AS "channel",
             m."createdById" AS "userId"
        FROM "communications"."message" m
       WHERE m."organizationId" = ${org}::uuid AND m."guestId" = ANY(${ids}::uuid[])
      UNION ALL
      SELECT 'NOTE', n."id", n."guestId", n."createdAt", CASE WHEN n."kind" = 'CALL' THEN 'CALL' ELSE 'NOTE' END,
             n."authorId"
        FROM "communications"."guest_note" n
       WHERE n."organizationId" = ${org}::uuid AND n."guestId" = ANY(${ids}::uuid[]) AND n."deletedAt" IS NULL
      UNION ALL
      SELECT 'EVENT', e."id", e."guestId", e."occurredAt", 'SYSTEM', e."actorId"
        FROM "communications"."timeline_event" e
       WHERE e."organizationId" = ${org}::uuid AND e."guestId" = ANY(${ids}::uuid[])
      UNION ALL
      SELECT 'ALERT', a."id", a."entityId", a."createdAt", 'ALERT', NULL::uuid
        FROM "communications"."alert" a
       WHERE a."organizationId" = ${org}::uuid AND a."entityType" = 'Guest' AND a."entityId" = ANY(${ids}::uuid[])`;
  }

  private conditions(q: TimelineQuery): Prisma.Sql {
    const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (q.channels?.length) parts.push(Prisma.sql`e."channel" = ANY(${[...q.channels]}::text[])`);
    if (q.from) parts.push(Prisma.sql`e."at" >= ${q.from}`);
    if (q.to) parts.push(Prisma.sql`e."at" < ${q.to}`);
    if (q.userId) parts.push(Prisma.sql`e."userId" = ${q.userId}::uuid`);
    if (q.before)
      parts.push(
        Prisma.sql`(e."at", e."id") < (${q.before.at}::timestamptz, ${q.before.id}::uuid)`,
      );
    return Prisma.join(parts, ' AND ');
  }

  /** The first `take` entries of each guest matching the query, newest first, in one query. */
  page(
    actor: TenantActor,
    guestIds: readonly string[],
    q: TimelineQuery,
    take: number,
  ): Promise<TimelineRef[]> {
    return this.db.$queryRaw<TimelineRef[]>(Prisma.sql`
      WITH entries AS (${this.entries(actor, guestIds)})
      SELECT "source", "id", "guestId", "at", "channel", "userId"
        FROM (SELECT e.*, row_number() OVER (PARTITION BY e."guestId" ORDER BY e."at" DESC, e."id" DESC) AS "rank"
                FROM entries e
               WHERE ${this.conditions(q)}) ranked
       WHERE "rank" <= ${take}
       ORDER BY "guestId", "at" DESC, "id" DESC`);
  }

  async count(actor: TenantActor, guestId: string, q: TimelineQuery): Promise<number> {
    const [row] = await this.db.$queryRaw<{ n: number }[]>(Prisma.sql`
      WITH entries AS (${this.entries(actor, [guestId])})
      SELECT count(*)::int AS "n" FROM entries e WHERE ${this.conditions({ ...q, before: null })}`);
    return row?.n ?? 0;
  }

  events(actor: TenantActor, ids: readonly string[]): Promise<TimelineEventRow[]> {
    return this.db.timelineEvent.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }
}
