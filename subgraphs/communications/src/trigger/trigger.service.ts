import type { Channel, Prisma, TriggerEvent } from '@attendant/db';
import {
  pageSize,
  requireRoles,
  toPage,
  type Actor,
  type Db,
  type TenantActor,
} from '@attendant/kit';
import { channelLabel } from '../shared/address';
import { isUuid, messageReader } from '../shared/actors';
import { TemplateError, TemplateErrorCode } from '../template/template.errors';
import { TemplateRepository } from '../template/template.repository';
import { TEMPLATE_EDITORS } from '../template/template.service';
import { RULES, type TriggerConditions } from './trigger-rules';
import { TriggerRepository, type TriggerRow } from './trigger.repository';
import type {
  CreateTriggerInput,
  TriggerConditionsInput,
  UpdateTriggerInput,
} from './trigger.type';

/** Kinds whose time base is an appointment: an offset before it makes sense. */
const SCHEDULED_KINDS: ReadonlySet<TriggerEvent> = new Set(['REMINDER_DAY_BEFORE', 'PRE_ARRIVAL']);

/** Kinds fired by reservations: work order priorities and kinds never match them. */
const STAY_KINDS: ReadonlySet<TriggerEvent> = new Set([
  'RESERVATION_CONFIRMED',
  'PRE_ARRIVAL',
  'CHECK_IN_READY',
]);

const conditionsOf = (c: TriggerConditionsInput | undefined): TriggerConditions => ({
  ...(c?.priorities?.length ? { priorities: c.priorities } : {}),
  ...(c?.kinds?.length ? { kinds: c.kinds } : {}),
  ...(c?.vipOnly ? { vipOnly: true } : {}),
});

export const triggerView = (row: TriggerRow) => ({
  ...row,
  conditions: row.conditions as TriggerConditions,
  implemented: row.event in RULES,
});

/** Trigger configuration per organization (ADMIN and MANAGER write, message readers read). */
export class TriggerService {
  private readonly repo: TriggerRepository;
  private readonly templates: TemplateRepository;

  constructor(db: Db) {
    this.repo = new TriggerRepository(db);
    this.templates = new TemplateRepository(db);
  }

  async list(actor: Actor, event?: TriggerEvent | null) {
    return (await this.repo.list(messageReader(actor), event)).map(triggerView);
  }

  firings(actor: Actor, where: { entityId?: string | null; triggerId?: string | null }) {
    return this.repo.firings(messageReader(actor), where);
  }

  async one(actor: Actor, id: string) {
    return triggerView(await this.get(messageReader(actor), id));
  }

  /** One page of a trigger's sends, newest first, with status and reason. */
  async firingPage(
    actor: Actor,
    triggerId: string,
    args: { first?: number | null; after?: string | null },
  ) {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.firingPage(messageReader(actor), triggerId, {
      first: size,
      after: args.after,
    });
    return toPage(rows, size, 'createdAt', totalCount);
  }

  async create(actor: Actor, input: CreateTriggerInput) {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    const template = await this.template(t, input.templateId);
    const offsetMinutes = input.offsetMinutes ?? 0;
    this.checkChannel(input.channel, template);
    this.checkOffset(input.event, offsetMinutes);
    this.checkConditions(input.event, input.conditions);
    const row = await this.repo.create(t, {
      event: input.event,
      channel: template.channel,
      templateId: template.id,
      offsetMinutes,
      conditions: conditionsOf(input.conditions) as Prisma.InputJsonValue,
      enabled: input.enabled ?? true,
    });
    return triggerView(row);
  }

  async update(actor: Actor, id: string, input: UpdateTriggerInput) {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    const current = await this.get(t, id);
    const template = input.templateId ? await this.template(t, input.templateId) : null;
    // Without a new template the channel stays the current one's.
    this.checkChannel(input.channel, template ?? { name: 'current', channel: current.channel });
    if (input.offsetMinutes !== undefined) this.checkOffset(current.event, input.offsetMinutes);
    if (input.conditions !== undefined) this.checkConditions(current.event, input.conditions);
    const row = await this.repo.update(t, id, {
      ...(template ? { templateId: template.id, channel: template.channel } : {}),
      ...(input.offsetMinutes !== undefined ? { offsetMinutes: input.offsetMinutes } : {}),
      ...(input.conditions !== undefined
        ? { conditions: conditionsOf(input.conditions) as Prisma.InputJsonValue }
        : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    });
    if (!row) throw new TemplateError(TemplateErrorCode.TriggerNotFound, `No trigger ${id}`);
    return triggerView(row);
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    await this.get(t, id);
    return this.repo.delete(t, id);
  }

  private async get(t: TenantActor, id: string): Promise<TriggerRow> {
    const row = isUuid(id) ? await this.repo.byId(t, id) : null;
    if (!row) throw new TemplateError(TemplateErrorCode.TriggerNotFound, `No trigger ${id}`);
    return row;
  }

  /** The template a trigger is to use: it must exist and be active. */
  private async template(t: TenantActor, id: string) {
    const row = await this.templates.byId(t, id);
    if (!row)
      throw new TemplateError(TemplateErrorCode.NotFound, `No template ${id}`, {
        field: 'templateId',
      });
    if (!row.active)
      throw new TemplateError(
        TemplateErrorCode.TriggerInvalid,
        `The template "${row.name}" is deactivated; activate it or choose another`,
        { field: 'templateId' },
      );
    return row;
  }

  private checkChannel(
    channel: Channel | null | undefined,
    template: { name: string; channel: Channel },
  ): void {
    if (channel && channel !== template.channel)
      throw new TemplateError(
        TemplateErrorCode.TriggerInvalid,
        `The template "${template.name}" is for ${channelLabel(template.channel)}, but this trigger sends ${channelLabel(channel)}; choose a ${channelLabel(channel)} template`,
        { field: 'templateId' },
      );
  }

  private checkConditions(event: TriggerEvent, c: TriggerConditionsInput | null | undefined): void {
    if (STAY_KINDS.has(event) && (c?.priorities?.length || c?.kinds?.length))
      throw new TemplateError(
        TemplateErrorCode.TriggerInvalid,
        `${event} follows a reservation, which has no work order priority or kind; leave those conditions empty`,
        { field: 'conditions' },
      );
  }

  private checkOffset(event: TriggerEvent, offset: number): void {
    if (offset < 0 && !SCHEDULED_KINDS.has(event))
      throw new TemplateError(
        TemplateErrorCode.TriggerInvalid,
        `${event} happens when its event does, so its offset cannot be negative; only REMINDER_DAY_BEFORE and PRE_ARRIVAL send before an appointment`,
        { field: 'offsetMinutes' },
      );
    if (offset >= 0 && SCHEDULED_KINDS.has(event))
      throw new TemplateError(
        TemplateErrorCode.TriggerInvalid,
        `${event} sends before the appointment: give a negative offset, like -1440 for a day before`,
        { field: 'offsetMinutes' },
      );
  }
}
