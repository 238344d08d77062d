import type { Prisma } from '@attendant/db';
import type { TenantActor } from '@attendant/kit';
import type { MessageRow } from '../message/message.repository';
import { describeDeliveryError, type DeliveryStatus } from '../sms/status';
import { foldStatuses } from './delivery-status';
import { recordMessageEvent, type MessagingRepository } from './messaging.repository';
import type { DbOrTx } from '@attendant/kit';

export interface ReportedStatus {
  status: DeliveryStatus;
  errorCode: string | null;
}

/**
 * Folds reported statuses into a message (never backwards) and, when that changes it, saves the
 * change and announces MessageStatusChanged. Runs in the caller's transaction, under the
 * provider-id lock. Answers the changed message, or null.
 */
export async function applyReportedStatuses(
  tx: DbOrTx,
  repo: MessagingRepository,
  t: TenantActor,
  message: MessageRow,
  reported: ReportedStatus[],
  now: Date,
  extra: Prisma.MessageUncheckedUpdateManyInput = {},
): Promise<MessageRow | null> {
  const next = foldStatuses(
    message.status,
    reported.map((r) => r.status),
  );
  if (next === message.status && Object.keys(extra).length === 0) return null;
  const data: Prisma.MessageUncheckedUpdateManyInput = { ...extra };
  if (next !== message.status) {
    data.status = next;
    data.statusUpdatedAt = now;
    if ((next === 'SENT' || next === 'DELIVERED' || next === 'READ') && !message.sentAt)
      data.sentAt = now;
    if ((next === 'DELIVERED' || next === 'READ') && !message.deliveredAt) data.deliveredAt = now;
    if (next === 'FAILED' || next === 'UNDELIVERED') {
      const code = [...reported].reverse().find((r) => r.errorCode)?.errorCode ?? null;
      data.failedAt = now;
      data.errorCode = code;
      data.errorMessage = code
        ? describeDeliveryError(Number(code))
        : 'the message could not be delivered';
    }
  }
  const row = await repo.updateMessage(t, message.id, data);
  if (next !== message.status) await recordMessageEvent(tx, 'MessageStatusChanged', row);
  return row;
}
