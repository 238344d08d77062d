import { eventActor, type Db, type Logger } from '@attendant/kit';
import type { MessageRow } from '../message/message.repository';
import { publicWebhookUrl } from '../sms/signature';
import { SmsError, SmsErrorCode } from '../sms/sms.errors';
import { sendSms, type SendSmsInput, type TwilioClient } from '../sms/twilio-client';
import { parseDeliveryStatus } from '../sms/status';
import { twilioWebhookPath, type MessagingConfig } from './messaging.config';
import { MessagingRepository, recordMessageEvent } from './messaging.repository';
import { senderOf, type MessagingService } from './messaging.service';
import { plainAddress, providerAddress, type Clock, type SendJob } from './messaging.types';
import { applyReportedStatuses } from './status-updates';

export type SendOutcome = 'sent' | 'skipped' | 'refused' | 'failed' | 'retry';

export interface Attempt {
  /** Retries already made (0 on the first run). */
  retryCount: number;
  retryLimit: number;
}

/**
 * The send job: hands one QUEUED message to Twilio, exactly once.
 * - The message row is claimed (QUEUED → SENDING, only while it has no provider id), so a job
 *   that runs twice, or two workers, send it once; a retryable failure puts it back to QUEUED.
 * - Consent is checked again right before sending (a STOP may have arrived while it waited).
 * - Twilio's message id is saved under a lock on that id, and any status callbacks that came in
 *   before it was saved are folded in then.
 * - Twilio's 21610 (the recipient replied STOP to Twilio) becomes an opt-out in our ledger.
 * A crash between the claim and Twilio's answer leaves the message SENDING without a provider id:
 * it is never sent twice, and shows as stuck rather than duplicated.
 */
export class SendWorker {
  private readonly repo: MessagingRepository;

  constructor(
    private readonly db: Db,
    private readonly messaging: MessagingService,
    private readonly client: () => TwilioClient | null,
    private readonly config: () => MessagingConfig,
    private readonly logger: Logger,
    private readonly now: Clock = () => new Date(),
  ) {
    this.repo = new MessagingRepository(db);
  }

  async run(
    job: SendJob,
    attempt: Attempt = { retryCount: 0, retryLimit: 0 },
  ): Promise<SendOutcome> {
    const t = eventActor(job.organizationId);
    const message = await this.repo.claimForSending(t, job.messageId, this.now());
    if (!message) return 'skipped';
    const settings = await this.repo.settings(t);
    const sender = senderOf(settings, message.channel);
    const client = this.client();
    if (!settings || !sender || !client) {
      await this.fail(
        message,
        null,
        'SMS is not configured (Twilio credentials or sender missing)',
      );
      return 'failed';
    }
    const refusedReason = await this.messaging.refusal(
      t,
      { channel: message.channel, to: message.toAddress, purpose: message.purpose, sender },
      this.now(),
    );
    if (refusedReason) {
      await this.db.$transaction(async (tx) => {
        const row = await this.repo.with(tx).updateMessage(t, message.id, {
          status: 'REFUSED',
          refusedReason,
          statusUpdatedAt: this.now(),
        });
        await recordMessageEvent(tx, 'MessageRefused', row);
      });
      return 'refused';
    }
    const input: SendSmsInput = {
      to: providerAddress(message.channel, message.toAddress),
      body: message.body,
      statusCallback: publicWebhookUrl(
        this.config().webhookBaseUrl,
        twilioWebhookPath(settings.webhookToken, 'status'),
      ),
      ...(sender.startsWith('MG')
        ? { messagingServiceSid: sender }
        : { from: providerAddress(message.channel, sender) }),
    };
    try {
      const sent = await sendSms(client, input);
      await this.saveProviderId(message, sent.sid, sent.from, sent.segments, sent.status);
      return 'sent';
    } catch (error) {
      const smsError = error instanceof SmsError ? error : null;
      if (smsError?.retryable && attempt.retryCount < attempt.retryLimit) {
        // Back to QUEUED so the retry can claim it; pg-boss waits (with backoff) first.
        await this.repo.updateMessage(t, message.id, {
          status: 'QUEUED',
          errorMessage: smsError.message,
          statusUpdatedAt: this.now(),
        });
        throw smsError;
      }
      const twilioCode = smsError?.details?.['twilioCode'];
      await this.fail(
        message,
        twilioCode === undefined ? null : String(twilioCode),
        smsError?.message ?? String(error),
        smsError?.code === SmsErrorCode.RecipientOptedOut,
      );
      this.logger.warn({ messageId: message.id, code: smsError?.code }, 'message not sent');
      return 'failed';
    }
  }

  /** Marks sends interrupted longer than `staleMs` ago as FAILED (see failStuckSends). */
  async failStuck(staleMs = 10 * 60_000): Promise<number> {
    const now = this.now();
    return this.db.$transaction(async (tx) => {
      const rows = await this.repo.with(tx).failStuckSends(new Date(now.getTime() - staleMs), now);
      for (const row of rows) await recordMessageEvent(tx, 'MessageStatusChanged', row);
      return rows.length;
    });
  }

  private async saveProviderId(
    message: MessageRow,
    sid: string,
    from: string | null,
    segments: number,
    status: string,
  ): Promise<void> {
    const t = eventActor(message.organizationId);
    const now = this.now();
    await this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.lockProviderId(sid);
      const saved = await repo.updateMessage(t, message.id, {
        providerId: sid,
        errorMessage: null,
        ...(from ? { fromAddress: plainAddress(from) } : {}),
        ...(Number.isFinite(segments) && segments > 0 ? { segments } : {}),
      });
      // Callbacks that arrived before the id was saved, plus what Twilio answered.
      const early = await repo.statusEvents(t, sid);
      const answered = parseDeliveryStatus(status);
      const reported = [
        ...(answered ? [{ status: answered, errorCode: null }] : []),
        ...early.flatMap((e) => {
          const s = parseDeliveryStatus(e.status);
          return s ? [{ status: s, errorCode: e.errorCode }] : [];
        }),
      ];
      const changed = await applyReportedStatuses(tx, repo, t, saved, reported, now);
      // Handed to Twilio is news even when the status word stays SENDING.
      if (!changed) await recordMessageEvent(tx, 'MessageStatusChanged', saved);
    });
  }

  private async fail(
    message: MessageRow,
    errorCode: string | null,
    errorMessage: string,
    optedOut = false,
  ): Promise<void> {
    const t = eventActor(message.organizationId);
    const now = this.now();
    await this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      const row = await repo.updateMessage(t, message.id, {
        status: 'FAILED',
        errorCode,
        errorMessage,
        failedAt: now,
        statusUpdatedAt: now,
      });
      if (optedOut)
        // Twilio knows of an opt-out we did not: record it so the next send is refused up front.
        await repo.createConsent({
          organizationId: t.organizationId,
          guestId: message.guestId,
          channel: message.channel,
          address: message.toAddress,
          status: 'OPTED_OUT',
          source: 'provider',
          keyword: null,
          messageId: message.id,
          recordedAt: now,
        });
      await recordMessageEvent(tx, 'MessageStatusChanged', row);
    });
  }
}
