import {
  Prisma,
  type Notification as NotificationRow,
  type NotificationDelivery,
  type NotificationPreference,
} from '@attendant/db';
import { keysetQuery, type DbOrTx } from '@attendant/kit';

export type { NotificationRow, NotificationDelivery, NotificationPreference };

/** A signed-in staff member: every notification query is theirs, in their organization. */
export interface Recipient {
  organizationId: string;
  userId: string;
}

/** Notification queries, scoped to one user of one organization (except the delivery claim). */
export class NotificationRepository {
  constructor(private readonly db: DbOrTx) {}

  byIds(r: Recipient, ids: readonly string[]): Promise<NotificationRow[]> {
    return this.db.notification.findMany({
      where: { organizationId: r.organizationId, userId: r.userId, id: { in: [...ids] } },
    });
  }

  async page(r: Recipient, args: { first: number; after?: string | null; unreadOnly: boolean }) {
    const base: Prisma.NotificationWhereInput = {
      organizationId: r.organizationId,
      userId: r.userId,
      ...(args.unreadOnly ? { readAt: null } : {}),
    };
    const keyset = keysetQuery('createdAt', 'DESC', args.after);
    const rows = await this.db.notification.findMany({
      where: keyset.where ? { AND: [base, keyset.where] } : base,
      orderBy: keyset.orderBy as Prisma.NotificationOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.notification.count({ where: base }) };
  }

  unreadCount(r: Recipient): Promise<number> {
    return this.db.notification.count({
      where: { organizationId: r.organizationId, userId: r.userId, readAt: null },
    });
  }

  async markRead(r: Recipient, ids: readonly string[] | null, at: Date): Promise<number> {
    const { count } = await this.db.notification.updateMany({
      where: {
        organizationId: r.organizationId,
        userId: r.userId,
        readAt: null,
        ...(ids ? { id: { in: [...ids] } } : {}),
      },
      data: { readAt: at },
    });
    return count;
  }

  deliveries(organizationId: string, notificationIds: readonly string[]) {
    return this.db.notificationDelivery.findMany({
      where: { organizationId, notificationId: { in: [...notificationIds] } },
      orderBy: { createdAt: 'asc' },
    });
  }

  preference(r: Recipient): Promise<NotificationPreference | null> {
    return this.db.notificationPreference.findFirst({
      where: { organizationId: r.organizationId, userId: r.userId },
    });
  }

  savePreference(
    r: Recipient,
    data: Omit<Prisma.NotificationPreferenceUncheckedCreateInput, 'organizationId' | 'userId'>,
  ) {
    return this.db.notificationPreference.upsert({
      where: { organizationId_userId: { organizationId: r.organizationId, userId: r.userId } },
      create: { ...data, organizationId: r.organizationId, userId: r.userId },
      update: data,
    });
  }

  /**
   * Claims pending deliveries of every organization (SKIP LOCKED, so workers share them), and
   * SENDING ones a stopped worker left behind (the message is keyed by the delivery).
   */
  claimPending(now: Date, limit: number, staleBefore: Date) {
    return this.db.$queryRaw<{ id: string; organizationId: string }[]>(Prisma.sql`
      UPDATE "communications"."notification_delivery" d SET "status" = 'SENDING', "updatedAt" = ${now}
       WHERE d."id" IN (
         SELECT "id" FROM "communications"."notification_delivery"
          WHERE "status" = 'PENDING' OR ("status" = 'SENDING' AND "updatedAt" < ${staleBefore})
          ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING d."id", d."organizationId"`);
  }

  delivery(organizationId: string, id: string) {
    return this.db.notificationDelivery.findFirst({
      where: { organizationId, id },
      include: { notification: true },
    });
  }

  async setDelivery(
    organizationId: string,
    id: string,
    data: Prisma.NotificationDeliveryUpdateManyMutationInput,
  ) {
    await this.db.notificationDelivery.updateMany({ where: { organizationId, id }, data });
  }

  staffEmail(organizationId: string, userId: string) {
    return this.db.staffProjection
      .findFirst({ where: { organizationId, userId }, select: { email: true } })
      .then((s) => s?.email ?? null);
  }
}
