import {
  Prisma,
  type AlertKind,
  type AlertRule,
  type Alert as AlertRow,
  type NotificationPreference,
  type StaffProjection,
} from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';

export type { AlertRule, NotificationPreference, StaffProjection };

/**
 * Queries of the alert engine (event consumers and sweeps). They run as no user, so every query
 * names the organization it works for; the due-work claims span organizations.
 */
export class AlertEngineRepository {
  constructor(private readonly db: DbOrTx) {}

  rule(organizationId: string, kind: AlertKind): Promise<AlertRule | null> {
    return this.db.alertRule.findFirst({ where: { organizationId, kind } });
  }

  rules(organizationId: string, kinds: readonly AlertKind[]): Promise<AlertRule[]> {
    return this.db.alertRule.findMany({ where: { organizationId, kind: { in: [...kinds] } } });
  }

  /** Inserts the alert unless its key exists; answers the row only when this call created it. */
  async insertAlert(data: Prisma.AlertCreateManyInput): Promise<AlertRow | null> {
    const { count } = await this.db.alert.createMany({ data: [data], skipDuplicates: true });
    if (count === 0) return null;
    return this.db.alert.findFirst({
      where: { organizationId: data.organizationId, dedupeKey: data.dedupeKey! },
    });
  }

  alert(organizationId: string, id: string): Promise<AlertRow | null> {
    return this.db.alert.findFirst({ where: { organizationId, id } });
  }

  async setEscalation(organizationId: string, id: string, level: number, next: Date | null) {
    await this.db.alert.updateMany({
      where: { organizationId, id, acknowledgedAt: null },
      data: { escalationLevel: level, nextEscalationAt: next },
    });
  }

  /**
   * Locks up to `limit` unacknowledged alerts whose escalation is due. Call it inside the
   * transaction that escalates them: SKIP LOCKED leaves rows another sweeper holds to it, and
   * once that one commits their next escalation is no longer due, so no step happens twice.
   */
  lockDueEscalations(now: Date, limit: number) {
    return this.db.$queryRaw<{ id: string; organizationId: string }[]>(Prisma.sql`
      SELECT "id", "organizationId" FROM "communications"."alert"
       WHERE "acknowledgedAt" IS NULL AND "nextEscalationAt" <= ${now}
       ORDER BY "nextEscalationAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  }

  /** Active staff of the organization holding any of `roles`. */
  staffWithRoles(organizationId: string, roles: readonly string[]): Promise<StaffProjection[]> {
    if (roles.length === 0) return Promise.resolve([]);
    return this.db.staffProjection.findMany({
      where: { organizationId, active: true, roles: { hasSome: [...roles] } },
    });
  }

  staff(organizationId: string, userIds: readonly string[]): Promise<StaffProjection[]> {
    return this.db.staffProjection.findMany({
      where: { organizationId, userId: { in: [...userIds] } },
    });
  }

  preferences(organizationId: string, userIds: readonly string[]) {
    return this.db.notificationPreference.findMany({
      where: { organizationId, userId: { in: [...userIds] } },
    });
  }

  /** Creates the user's notification unless they already have one with this key. */
  async insertNotification(data: Prisma.NotificationCreateManyInput) {
    const { count } = await this.db.notification.createMany({ data: [data], skipDuplicates: true });
    if (count === 0) return null;
    return this.db.notification.findFirst({
      where: {
        organizationId: data.organizationId,
        userId: data.userId,
        dedupeKey: data.dedupeKey,
      },
    });
  }

  async insertDeliveries(rows: Prisma.NotificationDeliveryCreateManyInput[]) {
    if (rows.length)
      await this.db.notificationDelivery.createMany({ data: rows, skipDuplicates: true });
  }

  /** The message a delivery failure is about (communications' own table). */
  message(organizationId: string, id: string) {
    return this.db.message.findFirst({
      where: { organizationId, id },
      select: { toAddress: true, errorCode: true, errorMessage: true, idempotencyKey: true },
    });
  }
}

/** The idempotency key prefix of messages that carry a notification. */
export const NOTIFICATION_DELIVERY_KEY = 'notification-delivery:';
