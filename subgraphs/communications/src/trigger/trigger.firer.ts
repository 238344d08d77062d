import { DomainError, eventActor, type Db, type Logger, type TenantActor } from '@attendant/kit';
import { MessagingRepository } from '../messaging/messaging.repository';
import type { MessagingService } from '../messaging/messaging.service';
import type { Clock } from '../messaging/messaging.types';
import { renderEmail } from '../email/email-render';
import { channelLabel } from '../shared/address';
import { contentVariables, renderTemplate, type MergeContext } from '../template/merge-fields';
import { TemplateRepository, type TemplateRow } from '../template/template.repository';
import type { FiringFacts } from './trigger-rules';
import { TriggerRepository, type ContactProjection, type FiringRow } from './trigger.repository';

const BATCH = 50;
const PARALLEL = 5;
/** By default, a firing claimed longer ago than this was left by a stopped worker and is tried again. */
const STALE_MS = 5 * 60_000;

/** Automatic sends act as an integration of the organization: no user, the writer role. */
export const triggerActor = (organizationId: string): TenantActor => ({
  ...eventActor(organizationId),
  kind: 'apiKey',
  roles: ['INTEGRATOR'],
});

type Outcome = Pick<FiringRow, 'status'> &
  Partial<Pick<FiringRow, 'reason' | 'messageId' | 'templateVersion'>>;

/*
 * Firing. Due firings are claimed (SKIP LOCKED, so workers share them), rendered with the facts
 * from their event plus communications' own read models (contact names, the organization's name
 * and zone), and handed to the ordinary send path, so consent, quiet hours and REFUSED apply as
 * for a manual send. The message's idempotency key is the firing, so a worker that stops between
 * the send and recording it sends nothing twice when the firing is tried again.
 */
export class TriggerFirer {
  private readonly repo: TriggerRepository;
  private readonly settings: MessagingRepository;
  private readonly templates: TemplateRepository;

  constructor(
    db: Db,
    private readonly messaging: MessagingService,
    private readonly now: Clock = () => new Date(),
    private readonly logger?: Logger,
    private readonly staleMs: number = STALE_MS,
  ) {
    this.repo = new TriggerRepository(db);
    this.settings = new MessagingRepository(db);
    this.templates = new TemplateRepository(db);
  }

  /** Fires what is due now; answers how many firings it handled. */
  async fireDue(limit = BATCH): Promise<number> {
    const now = this.now();
    const claimed = await this.repo.claimDue(now, limit, new Date(now.getTime() - this.staleMs));
    // A few at a time: each firing is several short queries, mostly waiting on the database.
    for (let i = 0; i < claimed.length; i += PARALLEL)
      await Promise.all(claimed.slice(i, i + PARALLEL).map((c) => this.fireOne(c, now)));
    return claimed.length;
  }

  private async fireOne(c: { id: string; organizationId: string }, now: Date): Promise<void> {
    try {
      const outcome = await this.fire(c.organizationId, c.id);
      await this.repo.setFiring(c.organizationId, c.id, { ...outcome, firedAt: now });
    } catch (err) {
      if (!(err instanceof DomainError)) {
        // Left FIRING: tried again once it is stale (a database hiccup, a provider outage).
        this.logger?.error({ err, firingId: c.id }, 'trigger firing failed; will retry');
        return;
      }
      await this.repo.setFiring(c.organizationId, c.id, {
        status: 'FAILED',
        reason: err.message,
        firedAt: now,
      });
    }
  }

  private async fire(organizationId: string, id: string): Promise<Outcome> {
    const t = triggerActor(organizationId);
    const firing = await this.repo.firingById(organizationId, id);
    const trigger = firing && (await this.repo.byId(t, firing.triggerId));
    if (!firing || !trigger) return { status: 'SKIPPED', reason: 'the trigger was removed' };
    const { channel } = trigger;
    if (channel !== 'SMS' && channel !== 'WHATSAPP' && channel !== 'EMAIL')
      return { status: 'SKIPPED', reason: `${channelLabel(channel)} triggers are not sent yet` };
    const facts = firing.context as unknown as FiringFacts;
    const [guest, technician, settings] = await Promise.all([
      this.repo.contact(organizationId, 'Guest', facts.guestId),
      this.repo.contact(organizationId, 'Technician', facts.technicianId),
      this.settings.settings(t),
    ]);
    const language = guest?.language ?? settings?.defaultLanguage ?? 'en';
    const template = await this.template(
      t,
      trigger.templateId,
      language,
      settings?.defaultLanguage,
    );
    if (!template) return { status: 'SKIPPED', reason: 'the template is inactive or was removed' };
    const to =
      (channel === 'EMAIL' ? guest?.email : guest?.phone) ??
      (facts.guestId ? await this.repo.knownAddress(organizationId, facts.guestId, channel) : null);
    if (!to)
      return {
        status: 'SKIPPED',
        reason: facts.guestId
          ? `no ${channel === 'EMAIL' ? 'email address' : `${channelLabel(channel)} number`} is known for the guest`
          : 'the job has no guest to notify',
      };
    const ctx = mergeContext(facts, guest, technician, settings?.senderName ?? null);
    const opts = { timeZone: settings?.timeZone ?? 'UTC', language: template.language };
    // Email: subject, text and HTML (merged values HTML-escaped there); SMS/WhatsApp: the text.
    const email = channel === 'EMAIL' ? renderEmail(template, ctx, opts) : null;
    const message = await this.messaging.send(t, {
      guestId: facts.guestId,
      workOrderId: facts.workOrderId,
      channel,
      to,
      body: email?.text ?? renderTemplate(template.body, ctx, opts),
      subject: email?.subject ?? null,
      html: email?.html ?? null,
      purpose: template.purpose,
      idempotencyKey: `trigger-firing:${firing.id}`,
      whatsappContent:
        channel === 'WHATSAPP' && template.whatsappContentSid
          ? {
              contentSid: template.whatsappContentSid,
              variables: contentVariables(template.body, ctx, opts),
            }
          : null,
    });
    return {
      status: message.status === 'REFUSED' ? 'REFUSED' : 'SENT',
      reason: message.refusedReason,
      messageId: message.id,
      templateVersion: template.version,
    };
  }

  /** The trigger's template in the guest's language, else the organization's, else as set. */
  private async template(
    t: TenantActor,
    templateId: string,
    language: string,
    fallback: string | undefined,
  ): Promise<TemplateRow | null> {
    const chosen = await this.templates.byId(t, templateId);
    if (!chosen?.active) return null;
    if (chosen.language === language) return chosen;
    const variants = await this.templates.variants(t, chosen.name, chosen.channel);
    return (
      variants.find((v) => v.language === language) ??
      variants.find((v) => v.language === fallback) ??
      chosen
    );
  }
}

export function mergeContext(
  facts: FiringFacts,
  guest: ContactProjection | null,
  technician: ContactProjection | null,
  orgName: string | null,
): MergeContext {
  return {
    guest: {
      firstName: guest?.firstName ?? facts.guest?.firstName ?? null,
      lastName: guest?.lastName ?? facts.guest?.lastName ?? null,
    },
    technician: { name: technician?.name ?? null },
    job: facts.job,
    invoice: facts.invoice ?? null,
    room: { number: facts.stay?.roomNumber ?? null },
    reservation: { arrivalAt: facts.stay?.arrivalAt ?? null },
    property: { name: orgName },
    organization: { name: orgName },
  };
}
