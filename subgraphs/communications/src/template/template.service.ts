import { Prisma, type Channel } from '@attendant/db';
import { requireRoles, type Actor, type Db, type TenantActor } from '@attendant/kit';
import { isUuid, tenant } from '../shared/actors';
import { MessagingRepository } from '../messaging/messaging.repository';
import { countSegments } from '../sms/segments';
import {
  emptyFields,
  MERGE_FIELD_NAMES,
  renderTemplate,
  unknownFields,
  unknownFieldsMessage,
  type MergeContext,
} from './merge-fields';
import { TemplateError, TemplateErrorCode } from './template.errors';
import { TemplateRepository, type TemplateRow } from './template.repository';
import type {
  CreateTemplateInput,
  PreviewTemplateInput,
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
    amountMinor: s?.invoiceAmountMinor ?? null,
    currency: s?.currency ?? null,
    paymentLink: s?.paymentLink ?? null,
  },
  property: { name: s?.propertyName ?? orgName },
  organization: { name: orgName },
});

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

  async get(t: TenantActor, id: string): Promise<TemplateRow> {
    const row = isUuid(id) ? await this.repo.byId(t, id) : null;
    if (!row) throw new TemplateError(TemplateErrorCode.NotFound, `No template ${id}`);
    return row;
  }

  async create(actor: Actor, input: CreateTemplateInput): Promise<TemplateRow> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    assertKnownFields('body', input.body, input.subject, input.html);
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
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw this.duplicate(input.name, input.channel, language);
      throw e;
    }
  }

  async update(actor: Actor, id: string, input: UpdateTemplateInput): Promise<TemplateRow> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    const current = await this.get(t, id);
    assertKnownFields('body', input.body, input.subject, input.html);
    try {
      const [row] = await this.repo.update(t, id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
        ...(input.subject !== undefined ? { subject: input.subject } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.html !== undefined ? { html: input.html } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
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
    const body = template?.body ?? input.body ?? '';
    const settings = await this.settings.settings(t);
    const opts = {
      timeZone: settings?.timeZone ?? 'UTC',
      language: template?.language ?? settings?.defaultLanguage ?? 'en',
    };
    const ctx = sampleContext(input.sample, settings?.senderName ?? null);
    const text = renderTemplate(body, ctx, opts);
    const channel = template?.channel ?? 'SMS';
    return {
      text,
      unknownFields: unknownFields(body),
      emptyFields: emptyFields(body, ctx, opts),
      availableFields: MERGE_FIELD_NAMES,
      segments: channel === 'SMS' ? countSegments(text).segments : null,
    };
  }

  private duplicate(name: string, channel: Channel, language: string) {
    return new TemplateError(
      TemplateErrorCode.Duplicate,
      `A template "${name}" already exists for ${channel} in language "${language}"`,
      { field: 'name' },
    );
  }
}
