import type { Alert as AlertRow } from '@attendant/db';
import { recordEvent, type Db, type Logger, type Tx } from '@attendant/kit';
import type { Clock } from '../messaging/messaging.types';
import { recordTimelineChange } from '../timeline/timeline-changed';
import {
  arrivalCandidate,
  atLeast,
  DEFAULT_PREFERENCES,
  deliveryChannels,
  escalationSteps,
  ruleFor,
  type AlertCandidate,
  type RuleSettings,
} from './alert-rules';
import { AlertEngineRepository } from './alert-engine.repository';
import { AlertFactsRepository } from './alert-facts.repository';

const MINUTE = 60_000;
const BATCH = 50;

/*
 * The alert engine. Raising: an event's (or a due check's) candidate becomes one alert per key
 * and organization (a unique key, so a redelivered event or a second status callback raises
 * nothing), notifies the rule's first recipients and plans the first escalation at T+timeout.
 * Escalation: a sweep locks due, unacknowledged alerts (SKIP LOCKED) and, in the same
 * transaction, notifies the next step of the chain (the named people in order, then the
 * managers) and plans the following step one timeout later; acknowledging clears the plan.
 * Notifying: one in-app notification per user and alert (the notification centre), plus SMS or
 * email deliveries by the user's preferences, sent afterwards by the delivery sweep.
 */
export class AlertEngine {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = () => new Date(),
    private readonly logger?: Logger,
  ) {}

  /** Raises the candidate under the organization's rule; null when disabled or already raised. */
  async raise(
    tx: Tx,
    organizationId: string,
    candidate: AlertCandidate,
    rule?: RuleSettings,
  ): Promise<AlertRow | null> {
    const repo = new AlertEngineRepository(tx);
    const settings =
      rule ?? ruleFor(candidate.kind, await repo.rule(organizationId, candidate.kind));
    if (!settings.enabled) return null;
    const now = this.now();
    const steps = escalationSteps(settings);
    const alert = await repo.insertAlert({
      organizationId,
      kind: candidate.kind,
      ruleId: settings.id,
      dedupeKey: candidate.dedupeKey,
      severity: atLeast(settings.severity, candidate.minSeverity),
      title: candidate.title,
      body: candidate.body,
      entityType: candidate.entityType,
      entityId: candidate.entityId,
      createdAt: now,
      escalationLevel: 0,
      nextEscalationAt: steps.length
        ? new Date(now.getTime() + settings.ackTimeoutMinutes * MINUTE)
        : null,
    });
    if (!alert) return null;
    const named = settings.recipientUserIds;
    const byRole = await repo.staffWithRoles(organizationId, settings.recipientRoles);
    const notified = await this.notify(tx, alert, [...named, ...byRole.map((s) => s.userId)], 0);
    await recordEvent(tx, 'communications', {
      type: 'AlertRaised',
      entityType: 'Alert',
      entityId: alert.id,
      organizationId,
      payload: {
        kind: alert.kind,
        severity: alert.severity,
        entityType: alert.entityType,
        entityId: alert.entityId,
        notified,
      },
    });
    if (alert.entityType === 'Guest' && alert.entityId)
      await recordTimelineChange(tx, {
        organizationId,
        guestId: alert.entityId,
        entryId: alert.id,
        change: 'ADDED',
      });
    this.logger?.info({ alertId: alert.id, kind: alert.kind, notified }, 'alert raised');
    return alert;
  }

  /** Escalates due, unacknowledged alerts; answers how many it handled. */
  escalateDue(limit = BATCH): Promise<number> {
    const now = this.now();
    return this.db.$transaction(async (tx) => {
      const due = await new AlertEngineRepository(tx).lockDueEscalations(now, limit);
      for (const d of due) await this.escalate(tx, d.organizationId, d.id);
      return due.length;
    });
  }

  private async escalate(tx: Tx, organizationId: string, id: string): Promise<void> {
    const repo = new AlertEngineRepository(tx);
    const alert = await repo.alert(organizationId, id);
    if (!alert?.nextEscalationAt || alert.acknowledgedAt) return;
    const rule = alert.kind
      ? ruleFor(alert.kind, await repo.rule(organizationId, alert.kind))
      : null;
    const steps = rule ? escalationSteps(rule) : [];
    const level = alert.escalationLevel + 1;
    const step = steps[level - 1];
    if (!rule || !step) {
      // The chain got shorter since: nothing left to notify.
      await repo.setEscalation(organizationId, id, alert.escalationLevel, null);
      return;
    }
    const userIds =
      step === 'MANAGERS'
        ? (await repo.staffWithRoles(organizationId, ['MANAGER'])).map((s) => s.userId)
        : step.userIds;
    const notified = await this.notify(tx, alert, userIds, level);
    // From the planned time, not the sweep's: steps land at T+timeout, T+2×timeout, ...
    const next =
      level < steps.length
        ? new Date(alert.nextEscalationAt.getTime() + rule.ackTimeoutMinutes * MINUTE)
        : null;
    await repo.setEscalation(organizationId, id, level, next);
    await recordEvent(tx, 'communications', {
      type: 'AlertEscalated',
      entityType: 'Alert',
      entityId: id,
      organizationId,
      payload: { level, to: step === 'MANAGERS' ? 'MANAGERS' : 'PEOPLE', notified },
    });
  }

  /** One notification per user (none again for someone already told), plus their deliveries. */
  private async notify(tx: Tx, alert: AlertRow, userIds: string[], level: number) {
    const repo = new AlertEngineRepository(tx);
    const users = [...new Set(userIds)];
    if (users.length === 0) return 0;
    const now = this.now();
    const prefs = new Map(
      (await repo.preferences(alert.organizationId, users)).map((p) => [p.userId, p]),
    );
    let notified = 0;
    for (const userId of users) {
      const n = await repo.insertNotification({
        organizationId: alert.organizationId,
        userId,
        alertId: alert.id,
        dedupeKey: `alert:${alert.id}`,
        severity: alert.severity,
        title: level > 0 ? `Escalated: ${alert.title}` : alert.title,
        body: alert.body,
        entityType: alert.entityType,
        entityId: alert.entityId,
        level,
        createdAt: now,
      });
      if (!n) continue;
      notified++;
      await recordEvent(tx, 'communications', {
        type: 'NotificationCreated',
        entityType: 'Notification',
        entityId: n.id,
        organizationId: alert.organizationId,
        payload: { userId, alertId: alert.id, severity: n.severity },
      });
      const pref = prefs.get(userId) ?? DEFAULT_PREFERENCES;
      const { channels, quiet } = deliveryChannels(pref, alert.severity, now);
      await repo.insertDeliveries(
        channels.map((channel) => ({
          organizationId: alert.organizationId,
          notificationId: n.id,
          channel,
          status: quiet ? ('SKIPPED' as const) : ('PENDING' as const),
          reason: quiet ? 'inside the quiet hours of the recipient' : null,
        })),
      );
    }
    return notified;
  }

  /** Evaluates due arrival checks (VIP with open orders, low completeness) once each. */
  runDueChecks(limit = BATCH): Promise<number> {
    const now = this.now();
    return this.db.$transaction(async (tx) => {
      const facts = new AlertFactsRepository(tx);
      const engine = new AlertEngineRepository(tx);
      const due = await facts.lockDueChecks(now, limit);
      for (const check of due) {
        await facts.finishCheck(check.organizationId, check.id, now);
        const rule = ruleFor(check.kind, await engine.rule(check.organizationId, check.kind));
        if (!rule.enabled) continue;
        const arrival = await facts.arrivalFacts(check.organizationId, check.entityId);
        const candidate = arrival && arrivalCandidate(check.kind, arrival, rule, now);
        if (candidate) await this.raise(tx, check.organizationId, candidate, rule);
      }
      return due.length;
    });
  }
}
