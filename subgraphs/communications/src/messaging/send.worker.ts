import { eventActor, type Db, type Logger, type TenantActor } from '@attendant/kit';
import type { EmailDelivery } from '../email/email.delivery';
import { mapSmtpError } from '../email/smtp-client';
import type { MessageRow } from '../message/message.repository';
import { publicWebhookUrl } from '../sms/signature';
import { SmsError, SmsErrorCode } from '../sms/sms.errors';
import {
  recentMessagesTo,
  sendSms,
  type ProviderMessage,
  type SendSmsInput,
  type TwilioClient,
} from '../sms/twilio-client';
import { parseDeliveryStatus } from '../sms/status';
import { twilioWebhookPath, type MessagingConfig } from './messaging.config';
import { MessagingRepository, recordMessageEvent } from './messaging.repository';
import { senderOf, type MessagingService } from './messaging.service';
import {
  plainAddress,
  providerAddress,
  type Clock,
  type Enqueue,
  type SendJob,
} from './messaging.types';

import { applyReportedStatuses } from './status-updates';

/** How far Twilio's clock may be behind ours when matching an interrupted send. */
const CLOCK_SKEW_MS = 60_000;

export type SendOutcome = 'sent' | 'skipped' | 'refused' | 'failed' | 'retry';

export interface Attempt {
  /** Retries already made (0 on the first run). */
  retryCount: number;
  retryLimit: number;
}

/**
 * The send job: hands one QUEUED message to Twilio (or, for email, to the SMTP server), exactly once.
 * - The message row is claimed (QUEUED → SENDING, only while it has no provider id), so a job
 *   that runs twice, or two workers, send it once; a retryable failure puts it back to QUEUED.
 * - Consent is checked again right before sending (a STOP may have arrived while it waited).
 * - Twilio's message id is saved under a lock on that id, and any status callbacks that came in
 *   before it was saved are folded in then.
 * - Twilio's 21610 (the recipient replied STOP to Twilio) becomes an opt-out in our ledger.
 * A crash between the claim and Twilio's answer leaves the message SENDING without a provider id;
 * `recover` settles it against Twilio's log, so it is neither lost nor sent twice.
 */
export class SendWorker {
  private readonly repo: MessagingRepository;

  constructor(
    private readonly db: Db,
    private readonly messaging: MessagingService,
    private readonly client: () => TwilioClient | null,
    private readonly config: () => MessagingConfig,
    private readonly logger: Logger,
    private readonly email: EmailDelivery | null = null,
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
    if (message.channel === 'EMAIL') return this.runEmail(t, message, attempt);
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
    if (await this.refuseIfNeeded(t, message, sender)) return 'refused';
    // Outside WhatsApp's window the approved template goes instead of the free-form body.
    const useContent =
      message.channel === 'WHATSAPP' &&
      message.contentSid !== null &&
      !(await this.messaging.whatsappWindow(t, message.toAddress, sender, this.now())).open;
    const input: SendSmsInput = {
      to: providerAddress(message.channel, message.toAddress),
      ...(useContent
        ? {
            contentSid: message.contentSid!,
            contentVariables: JSON.stringify(message.contentVariables ?? {}),
          }
        : { body: message.body }),
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
      const twilioCode = smsError?.details?.['twilioCode'];
      return this.failOrRetry(message, attempt, error, {
        retryable: smsError?.retryable ?? false,
        errorCode: twilioCode === undefined ? null : String(twilioCode),
        errorMessage: smsError?.message ?? String(error),
        optedOut: smsError?.code === SmsErrorCode.RecipientOptedOut,
      });
    }
  }

  /**
   * An EMAIL message: the same claim, consent check and failure handling as SMS. The SMTP server
   * accepting the mail makes it SENT (there are no delivery callbacks); a 5xx reply makes it
   * FAILED with the server's words; a 4xx reply or an unreachable server is retried.
   */
  private async runEmail(t: TenantActor, message: MessageRow, attempt: Attempt) {
    const email = this.email;
    if (!email?.configured()) {
      await this.fail(message, null, 'Email is not configured (SMTP_URL or SMTP_HOST is missing)');
      return 'failed';
    }
    if (await this.refuseIfNeeded(t, message, email.fromAddress())) return 'refused';
    const settings = await this.repo.settings(t);
    try {
      const sent = await email.send(message, settings?.senderName ?? null);
      await this.db.$transaction(async (tx) => {
        const repo = this.repo.with(tx);
        const saved = await repo.updateMessage(t, message.id, {
          providerId: sent.messageId,
          fromAddress: email.fromAddress(),
          errorMessage: null,
        });
        const reported = [{ status: 'sent' as const, errorCode: null }];
        await applyReportedStatuses(tx, repo, t, saved, reported, this.now());
      });
      return 'sent';
    } catch (error) {
      const e = mapSmtpError(error);
      const smtpCode = e.details?.['smtpCode'];
      return this.failOrRetry(message, attempt, e, {
        retryable: e.retryable,
        errorCode: typeof smtpCode === 'number' ? String(smtpCode) : null,
        errorMessage: e.message,
        optedOut: false,
      });
    }
  }

  /** Consent asked again right before sending (an opt-out may have come while it waited). */
  private async refuseIfNeeded(t: TenantActor, message: MessageRow, sender: string) {
    const refusedReason = await this.messaging.refusal(
      t,
      {
        channel: message.channel,
        to: message.toAddress,
        purpose: message.purpose,
        sender,
        contentSid: message.contentSid,
      },
      this.now(),
    );
    if (!refusedReason) return false;
    await this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).updateMessage(t, message.id, {
        status: 'REFUSED',
        refusedReason,
        statusUpdatedAt: this.now(),
      });
      await recordMessageEvent(tx, 'MessageRefused', row);
    });
    return true;
  }

  private async failOrRetry(
    message: MessageRow,
    attempt: Attempt,
    error: unknown,
    failure: {
      retryable: boolean;
      errorCode: string | null;
      errorMessage: string;
      optedOut: boolean;
    },
  ): Promise<SendOutcome> {
    if (failure.retryable && attempt.retryCount < attempt.retryLimit) {
      // Back to QUEUED so the retry can claim it; pg-boss waits (with backoff) first.
      await this.repo.updateMessage(eventActor(message.organizationId), message.id, {
        status: 'QUEUED',
        errorMessage: failure.errorMessage,
        statusUpdatedAt: this.now(),
      });
      throw error;
    }
    await this.fail(message, failure.errorCode, failure.errorMessage, failure.optedOut);
    this.logger.warn(
      { messageId: message.id, channel: message.channel, code: failure.errorCode },
      'message not sent',
    );
    return 'failed';
  }

  /**
   * Takes up what stopped workers left, for sends claimed (or queued) before `staleMs` ago:
   * - a send left SENDING without Twilio's id is looked up in Twilio's log (same recipient, same
   *   text, made after the claim): found, its id is saved as if Twilio had just answered; not
   *   found, Twilio never accepted it (a request gives up after TWILIO_TIMEOUT_MS, well within
   *   `staleMs`), so it goes back to QUEUED and is sent again — once;
   * - a QUEUED message whose job was never made or died with its worker gets a new job (the
   *   claim keeps a second job from sending it twice).
   */
  async recover(
    enqueue: Enqueue,
    queue: string,
    staleMs: number,
  ): Promise<{ adopted: number; requeued: number; reenqueued: number; failed: number }> {
    const now = this.now();
    const olderThan = new Date(now.getTime() - staleMs);
    const result = { adopted: 0, requeued: 0, reenqueued: 0, failed: 0 };
    const interrupted = await this.repo.claimInterruptedSends(olderThan, now, 100);
    // Only now: the client reads its configuration on first use.
    const client = interrupted.length > 0 ? this.client() : null;
    for (const c of interrupted) {
      const t = eventActor(c.organizationId);
      const message = await this.repo.messageById(t, c.id);
      if (!message) continue;
      if (message.channel === 'EMAIL') {
        // A mail server keeps no log to ask: FAILED for someone to check, never sent twice.
        await this.fail(
          message,
          null,
          'Sending was interrupted; the mail server may or may not have it. Check before sending again.',
        );
        result.failed += 1;
        continue;
      }
      if (!client) continue; // Twilio not configured here: the next sweep tries again
      try {
        const found = await this.atProvider(client, message, c.claimedAt);
        if (found) {
          await this.saveProviderId(message, found.sid, found.from, found.segments, found.status);
          result.adopted += 1;
        } else if (await this.repo.requeueInterrupted(t, message.id, now)) {
          await enqueue({ messageId: message.id, organizationId: message.organizationId }, null);
          result.requeued += 1;
        }
      } catch (err) {
        // Twilio unreachable: the claim time moved, so the next sweep after `staleMs` tries again.
        this.logger.warn({ err, messageId: message.id }, 'interrupted send not recovered yet');
      }
    }
    for (const m of await this.repo.orphanedQueued(queue, olderThan, now, 1000)) {
      await enqueue({ messageId: m.id, organizationId: m.organizationId }, m.scheduledFor);
      result.reenqueued += 1;
    }
    return result;
  }

  /** The message in Twilio's log, if Twilio accepted it before the worker stopped. */
  private async atProvider(
    client: TwilioClient,
    message: MessageRow,
    claimedAt: Date,
  ): Promise<ProviderMessage | null> {
    const t = eventActor(message.organizationId);
    const since = claimedAt.getTime() - CLOCK_SKEW_MS;
    for (const m of await recentMessagesTo(
      client,
      providerAddress(message.channel, message.toAddress),
    )) {
      if (m.createdAt.getTime() < since) continue;
      // A template's text at Twilio is the approved one, not ours: the time and recipient decide.
      if (!message.contentSid && m.body !== message.body) continue;
      if (await this.repo.messageByProviderId(t, m.sid)) continue;
      return m;
    }
    return null;
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
