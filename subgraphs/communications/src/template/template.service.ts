import { Prisma, type Channel, type TriggerEvent } from '@attendant/db';
import {
  pageSize,
  requireRoles,
  toPage,
  type Actor,
  type Db,
  type Page,
  type TenantActor,
} from '@attendant/kit';
import { isUuid, messageReader, tenant } from '../shared/actors';
import { MessagingRepository } from '../messaging/messaging.repository';
import { mergeFieldsFor } from './merge-field-catalog';
import { unknownFields, unknownFieldsMessage, type MergeContext } from './merge-fields';
import { previewParts } from './template-preview';
import { TemplateError, TemplateErrorCode } from './template.errors';
import { TemplateRepository, type TemplateRow } from './template.repository';
import type {
  CreateTemplateInput,
  PreviewTemplateInput,
  TemplateFilterInput,
  TemplateSampleInput,
  UpdateTemplateInput,
} from './template.type';

const TEMPLATE_LIMIT = 500;
/** Who may write templates and triggers. */
export const TEMPLATE_EDITORS = ['ADMIN', 'MANAGER'] as const;

/** Refuses text with unknown merge fields, naming them and the ones that exist. */
export function assertKnownFields(field: string, ...texts: (string | null | undefined)[]): void {
  const unknown = [...new Set(texts.flatMap((t) => (t ? unknownFields(t) : [])))];
  if (unknown.length > 0)
    throw new TemplateError(TemplateErrorCode.UnknownFields, unknownFieldsMessage(unknown), {
      field,
      unknownFields: unknown,
    });
}

/** An email goes out with a subject: a template for email must have one. */
function assertEmailSubject(subject: string | null | undefined): void {
  if (!subject?.trim())
    throw new TemplateError(TemplateErrorCode.Invalid, 'An email template needs a subject', {
      field: 'subject',
    });
}

/** Only WhatsApp templates carry a Twilio Content template. */
function assertContentChannel(channel: Channel, contentSid: string | null | undefined): void {
  if (contentSid && channel !== 'WHATSAPP')
    throw new TemplateError(
      TemplateErrorCode.Invalid,
      'Only WhatsApp templates have a WhatsApp content SID',
      { field: 'whatsappContentSid' },
    );
}

const sampleContext = (
  s: TemplateSampleInput | undefined,
  orgName: string | null,
): MergeContext => ({
  guest: { firstName: s?.guestFirstName ?? null, lastName: s?.guestLastName ?? null },
  technician: { name: s?.technicianName ?? null },
  job: {
    number: s?.jobNumber ?? null,
    title: s?.jobTitle ?? null,
    windowStart: s?.windowStart?.toISOString() ?? null,
    windowEnd: s?.windowEnd?.toISOString() ?? null,
    eta: s?.eta?.toISOString() ?? null,
    trackingLink: s?.trackingLink ?? null,
  },
  invoice: {
    number: s?.invoiceNumber ?? null,
    amountMinor: s?.invoiceAmountMinor ?? null,
    balanceMinor: s?.invoiceAmountMinor ?? null,
    currency: s?.currency ?? null,
    dueAt: s?.invoiceDueAt?.toISOString() ?? null,
    paymentLink: s?.paymentLink ?? null,
  },
  room: { number: s?.roomNumber ?? null },
  reservation: { arrivalAt: s?.arrivalAt?.toISOString() ?? null },
  property: { name: s?.propertyName ?? orgName },
  organization: { name: orgName },
});

/** Each part checked on its own, so the refusal names the field it is in. */
function assertParts(input: { body?: string; subject?: string | null; html?: string | null }) {
  assertKnownFields('body', input.body);
  assertKnownFields('subject', input.subject);
  assertKnownFields('html', input.html);
}

const isUniqueViolation = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

export class TemplateService {
  private readonly repo: TemplateRepository;
  private readonly settings: MessagingRepository;

  constructor(db: Db) {
    this.repo = new TemplateRepository(db);
    this.settings = new MessagingRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<TemplateRow[]> {
    return this.repo.findByIds(tenant(actor), ids.filter(isUuid));
  }

  /** The organization's templates by name (at most 500). */
  list(actor: Actor, channel?: Channel | null): Promise<TemplateRow[]> {
    return this.repo.list(tenant(actor), { channel, take: TEMPLATE_LIMIT });
  }

  /** One page of the organization's templates by name, filtered (office staff may read). */
  async page(
    actor: Actor,
    args: { first?: number | null; after?: string | null; filter?: TemplateFilterInput | null },
  ): Promise<Page<TemplateRow>> {
    const size = pageSize(args.first);
    const f = args.filter;
    const { rows, totalCount } = await this.repo.page(messageReader(actor), {
      first: size,
      after: args.after,
      search: f?.search?.trim() || null,
      channel: f?.channel ?? null,
      language: f?.language?.trim() || null,
    });
    return toPage(rows, size, 'name', totalCount);
  }

  languages(actor: Actor): Promise<string[]> {
    return this.repo.languages(messageReader(actor));
  }

  /** Triggers using each template (the list shows it; delete is refused while it is not 0). */
  async triggerCounts(actor: Actor, ids: readonly string[]) {
    const counts = await this.repo.triggerCounts(messageReader(actor), ids.filter(isUuid));
    return ids.map((id) => ({ id, count: counts.get(id) ?? 0 }));
  }

  mergeFields(event?: TriggerEvent | null) {
    return mergeFieldsFor(event);
  }

  async get(t: TenantActor, id: string): Promise<TemplateRow> {
    const row = isUuid(id) ? await this.repo.byId(t, id) : null;
    if (!row) throw new TemplateError(TemplateErrorCode.NotFound, `No template ${id}`);
    return row;
  }

  async create(actor: Actor, input: CreateTemplateInput): Promise<TemplateRow> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    assertParts(input);
    if (input.channel === 'EMAIL') assertEmailSubject(input.subject);
    assertContentChannel(input.channel, input.whatsappContentSid);
    const language = input.language ?? (await this.settings.settings(t))?.defaultLanguage ?? 'en';
    try {
      return await this.repo.create(t, {
        name: input.name.trim(),
        channel: input.channel,
        language,
        purpose: input.purpose ?? 'TRANSACTIONAL',
        subject: input.subject ?? null,
        body: input.body,
        html: input.html ?? null,
        whatsappContentSid: input.whatsappContentSid || null,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw this.duplicate(input.name, input.channel, language);
      throw e;
    }
  }

  async update(actor: Actor, id: string, input: UpdateTemplateInput): Promise<TemplateRow> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    const current = await this.get(t, id);
    assertParts(input);
    if (current.channel === 'EMAIL' && input.subject !== undefined)
      assertEmailSubject(input.subject);
    assertContentChannel(current.channel, input.whatsappContentSid);
    try {
      const [row] = await this.repo.update(t, id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
        ...(input.subject !== undefined ? { subject: input.subject } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.html !== undefined ? { html: input.html } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.whatsappContentSid !== undefined
          ? { whatsappContentSid: input.whatsappContentSid || null }
          : {}),
      });
      if (!row) throw new TemplateError(TemplateErrorCode.NotFound, `No template ${id}`);
      return row;
    } catch (e) {
      if (isUniqueViolation(e))
        throw this.duplicate(
          input.name ?? current.name,
          current.channel,
          input.language ?? current.language,
        );
      throw e;
    }
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    await this.get(t, id);
    const used = await this.repo.usedByTriggers(t, id);
    if (used > 0)
      throw new TemplateError(
        TemplateErrorCode.InUse,
        `${used} trigger(s) use this template; point them at another template or deactivate it instead`,
      );
    return (await this.repo.delete(t, id)).count > 0;
  }

  async preview(actor: Actor, input: PreviewTemplateInput) {
    const t = tenant(actor);
    if (!input.id === !input.body)
      throw new TemplateError(
        TemplateErrorCode.Invalid,
        'Preview either a saved template (id) or a draft (body), not both',
        { field: 'id' },
      );
    const template = input.id ? await this.get(t, input.id) : null;
    const settings = await this.settings.settings(t);
    const opts = {
      timeZone: settings?.timeZone ?? 'UTC',
      language: template?.language ?? settings?.defaultLanguage ?? 'en',
    };
    const parts = template ?? {
      channel: input.channel ?? 'SMS',
      body: input.body ?? '',
      subject: input.subject ?? null,
      html: input.html ?? null,
    };
    const ctx = sampleContext(input.sample, settings?.senderName ?? null);
    return previewParts(parts, ctx, opts, input.event);
  }

  private duplicate(name: string, channel: Channel, language: string) {
    return new TemplateError(
      TemplateErrorCode.Duplicate,
      `A template "${name}" already exists for ${channel} in language "${language}"`,
      { field: 'name' },
    );
  }
}
