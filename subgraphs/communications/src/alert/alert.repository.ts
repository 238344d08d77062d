import {
  type Prisma,
  type Alert as AlertRow,
  type AlertKind,
  type AlertSeverity,
} from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { AlertRow };

/** Narrows an alert list. */
export interface AlertFilter {
  kind?: AlertKind | null;
  severity?: AlertSeverity | null;
  status?: 'OPEN' | 'ACKNOWLEDGED' | null;
}

/** Alert queries. Every query is scoped to the actor's organization. */
export class AlertRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): AlertRepository {
    return new AlertRepository(tx);
  }

  findById(actor: TenantActor, id: string): Promise<AlertRow | null> {
    return this.db.alert.findFirst({ where: { id, organizationId: actor.organizationId } });
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<AlertRow[]> {
    return this.db.alert.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  /** One page, newest first; fetches `first + 1` rows so the caller learns whether more follow. */
  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; unacknowledgedOnly: boolean } & AlertFilter,
  ): Promise<{ rows: AlertRow[]; totalCount: () => Promise<number> }> {
    const base: Prisma.AlertWhereInput = { organizationId: actor.organizationId };
    if (args.unacknowledgedOnly || args.status === 'OPEN') base.acknowledgedAt = null;
    if (args.status === 'ACKNOWLEDGED') base.acknowledgedAt = { not: null };
    if (args.kind) base.kind = args.kind;
    if (args.severity) base.severity = args.severity;
    const keyset = keysetQuery('createdAt', 'DESC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.alert.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.AlertOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.alert.count({ where: base }) };
  }

  /** The acknowledging user's own notifications about the alert are read by then. */
  async readNotificationsOf(actor: TenantActor, alertId: string, at: Date): Promise<void> {
    if (!actor.userId) return;
    await this.db.notification.updateMany({
      where: { organizationId: actor.organizationId, userId: actor.userId, alertId, readAt: null },
      data: { readAt: at },
    });
  }

  /** Marks the alert acknowledged unless someone already did; returns whether this call did. */
  async acknowledge(actor: TenantActor, id: string, at: Date): Promise<boolean> {
    const { count } = await this.db.alert.updateMany({
      where: { id, organizationId: actor.organizationId, acknowledgedAt: null },
      // Acknowledged: nobody further down the escalation chain is notified.
      data: { acknowledgedAt: at, acknowledgedById: actor.userId, nextEscalationAt: null },
    });
    return count > 0;
  }
}
