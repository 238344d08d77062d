import { DomainError, eventActor, type Db, type Logger, type TenantActor } from '@attendant/kit';
import { MessagingRepository } from '../messaging/messaging.repository';
import type { MessagingService } from '../messaging/messaging.service';
import type { Clock } from '../messaging/messaging.types';
import { channelLabel } from '../shared/address';
import { renderTemplate, type MergeContext } from '../template/merge-fields';
import { TemplateRepository, type TemplateRow } from '../template/template.repository';
import type { FiringFacts } from './trigger-rules';
import { TriggerRepository, type ContactProjection, type FiringRow } from './trigger.repository';

const BATCH = 50;
/** A firing claimed longer ago than this was left by a stopped worker and is tried again. */
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
  ) {
    this.repo = new TriggerRepository(db);
    this.settings = new MessagingRepository(db);
    this.templates = new TemplateRepository(db);
  }

  /** Fires what is due now; answers how many firings it handled. */
  async fireDue(limit = BATCH): Promise<number> {
    const now = this.now();
    const claimed = await this.repo.claimDue(now, limit, new Date(now.getTime() - STALE_MS));
    for (const c of claimed) {
      try {
        const outcome = await this.fire(c.organizationId, c.id);
        await this.repo.setFiring(c.organizationId, c.id, { ...outcome, firedAt: now });
      } catch (err) {
        if (!(err instanceof DomainError)) {
          // Left FIRING: tried again once it is stale (a database hiccup, a provider outage).
          this.logger?.error({ err, firingId: c.id }, 'trigger firing failed; will retry');
          continue;
        }
        await this.repo.setFiring(c.organizationId, c.id, {
          status: 'FAILED',
          reason: err.message,
          firedAt: now,
        });
      }
    }
    return claimed.length;
  }

  private async fire(organizationId: string, id: string): Promise<Outcome> {
    const t = triggerActor(organizationId);
    const firing = await this.repo.firingById(organizationId, id);
    const trigger = firing && (await this.repo.byId(t, firing.triggerId));
    if (!firing || !trigger) return { status: 'SKIPPED', reason: 'the trigger was removed' };
    const { channel } = trigger;
    if (channel !== 'SMS' && channel !== 'WHATSAPP')
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
      guest?.phone ??
      (facts.guestId ? await this.repo.knownAddress(organizationId, facts.guestId, channel) : null);
    if (!to)
      return {
        status: 'SKIPPED',
        reason: facts.guestId
          ? `no ${channelLabel(channel)} number is known for the guest`
          : 'the job has no guest to notify',
      };
    const body = renderTemplate(
      template.body,
      mergeContext(facts, guest, technician, settings?.senderName ?? null),
      {
        timeZone: settings?.timeZone ?? 'UTC',
        language: template.language,
      },
    );
    const message = await this.messaging.send(t, {
      guestId: facts.guestId,
      workOrderId: facts.workOrderId,
      channel,
      to,
      body,
      purpose: template.purpose,
      idempotencyKey: `trigger-firing:${firing.id}`,
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
    invoice: null,
    property: { name: orgName },
    organization: { name: orgName },
  };
}
