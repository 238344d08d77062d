import type { NotificationDeliveryStatus } from '@attendant/db';
import { DomainError, type Db, type Logger } from '@attendant/kit';
import { NOTIFICATION_DELIVERY_KEY } from '../alert/alert-engine.repository';
import type { MessagingService } from '../messaging/messaging.service';
import type { Clock } from '../messaging/messaging.types';
import { triggerActor } from '../trigger/trigger.firer';
import { NotificationRepository } from './notification.repository';

const BATCH = 50;
/** A delivery claimed longer ago than this was left by a stopped worker and is tried again. */
const STALE_MS = 5 * 60_000;

interface Outcome {
  status: NotificationDeliveryStatus;
  reason?: string | null;
  messageId?: string | null;
}

/*
 * Sends notifications beyond the app (SMS, email) through the ordinary messaging service, as the
 * organization's integration, so consent and the channel's rules apply as for any message. The
 * message's idempotency key is the delivery, so a retried delivery never sends twice. An email's
 * subject is the notification's title. A send the messaging service refuses (email not set up,
 * no consent) ends REFUSED with its reason.
 */
export class NotificationDeliverer {
  private readonly repo: NotificationRepository;

  constructor(
    db: Db,
    private readonly messaging: MessagingService,
    private readonly now: Clock = () => new Date(),
    private readonly logger?: Logger,
  ) {
    this.repo = new NotificationRepository(db);
  }

  /** Sends what is pending; answers how many deliveries it handled. */
  async deliverPending(limit = BATCH): Promise<number> {
    const now = this.now();
    const claimed = await this.repo.claimPending(now, limit, new Date(now.getTime() - STALE_MS));
    for (const c of claimed) {
      try {
        const outcome = await this.deliver(c.organizationId, c.id);
        await this.repo.setDelivery(c.organizationId, c.id, outcome);
      } catch (err) {
        if (!(err instanceof DomainError)) {
          this.logger?.error({ err, deliveryId: c.id }, 'notification delivery failed; will retry');
          continue;
        }
        await this.repo.setDelivery(c.organizationId, c.id, {
          status: 'REFUSED',
          reason: err.message,
        });
      }
    }
    return claimed.length;
  }

  private async deliver(organizationId: string, id: string): Promise<Outcome> {
    const d = await this.repo.delivery(organizationId, id);
    if (!d) return { status: 'SKIPPED', reason: 'the notification was removed' };
    const who = { organizationId, userId: d.notification.userId };
    const pref = await this.repo.preference(who);
    const to =
      d.channel === 'SMS'
        ? pref?.phone
        : (pref?.email ?? (await this.repo.staffEmail(organizationId, who.userId)));
    if (!to)
      return {
        status: 'SKIPPED',
        reason:
          d.channel === 'SMS'
            ? 'no phone number in the notification preferences'
            : 'no email address is known for the user',
      };
    const n = d.notification;
    const message = await this.messaging.send(triggerActor(organizationId), {
      channel: d.channel,
      to,
      body: [n.title, n.body].filter(Boolean).join('\n'),
      ...(d.channel === 'EMAIL' ? { subject: n.title } : {}),
      purpose: 'TRANSACTIONAL',
      idempotencyKey: `${NOTIFICATION_DELIVERY_KEY}${d.id}`,
    });
    return {
      status: message.status === 'REFUSED' ? 'REFUSED' : 'SENT',
      reason: message.refusedReason,
      messageId: message.id,
    };
  }
}
