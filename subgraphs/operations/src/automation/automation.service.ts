import type { Prisma } from '@attendant/db';
import {
  recordEvent,
  tenant,
  type Actor,
  type Db,
  type DbOrTx,
  type TenantActor,
} from '@attendant/kit';
import { organizationZone } from '../generated-orders/local-days';
import { ProjectionRepository } from '../projection/projection.repository';
import {
  conditionsHold,
  hasAnyCondition,
  isGone,
  normalizeProducts,
  plannedStart,
  readConditions,
  unknownPlaceholders,
  ARRIVAL_GRACE_MS,
  DEFAULT_EARLY_CHECK_IN_BEFORE,
  PLACEHOLDERS,
  type RuleConditions,
} from './automation.conditions';
import { AutomationError, AutomationErrorCode, ruleNotFound } from './automation.errors';
import { runAutomationSweep } from './automation.evaluator';
import { AutomationRepository, type AutomationRuleRow } from './automation.repository';
import {
  NAME_MAX,
  NAME_MIN,
  TITLE_MAX,
  TITLE_MIN,
  type AutomationConditionsInput,
  type AutomationMatch,
  type AutomationPreviewInput,
  type AutomationRunResult,
  type CreateAutomationRuleInput,
  type UpdateAutomationRuleInput,
} from './automation.type';

/** How far ahead a preview looks. */
const PREVIEW_HORIZON_MS = 7 * 86_400_000;

/** Admin-configured automation rules: pre-arrival service orders without code. */
export class AutomationService {
  private readonly repo: AutomationRepository;

  constructor(private readonly db: Db) {
    this.repo = new AutomationRepository(db);
  }

  list(actor: Actor): Promise<AutomationRuleRow[]> {
    return this.repo.list(tenant(actor));
  }

  async get(actor: Actor, id: string): Promise<AutomationRuleRow> {
    const row = await this.repo.findById(tenant(actor), id);
    if (!row) throw ruleNotFound(id);
    return row;
  }

  conditionsOf(row: { conditions: unknown }): RuleConditions {
    return readConditions(row.conditions);
  }

  async create(actor: Actor, input: CreateAutomationRuleInput): Promise<AutomationRuleRow> {
    const t = tenant(actor);
    const name = await this.freeName(t, input.name, null);
    const title = checkTitle(input.title);
    const conditions = toConditions(input.conditions);
    await this.checkServiceType(t, input.serviceTypeId);
    if (input.teamId) await this.checkTeam(t, input.teamId);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({
        organizationId: t.organizationId,
        name,
        title,
        conditions: conditions as unknown as Prisma.InputJsonValue,
        serviceTypeId: input.serviceTypeId,
        priority: input.priority,
        hoursBeforeArrival: input.hoursBeforeArrival,
        teamId: input.teamId ?? null,
        active: input.active,
      });
      await emit(tx, 'AutomationRuleCreated', row);
      return row;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateAutomationRuleInput,
  ): Promise<AutomationRuleRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const name = input.name == null ? undefined : await this.freeName(t, input.name, id);
    const title = input.title == null ? undefined : checkTitle(input.title);
    const conditions = input.conditions ? toConditions(input.conditions) : undefined;
    if (input.serviceTypeId && input.serviceTypeId !== current.serviceTypeId) {
      await this.checkServiceType(t, input.serviceTypeId);
    }
    if (input.teamId && input.teamId !== current.teamId) await this.checkTeam(t, input.teamId);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, id, {
        name,
        title,
        conditions: conditions as unknown as Prisma.InputJsonValue | undefined,
        serviceTypeId: input.serviceTypeId ?? undefined,
        priority: input.priority ?? undefined,
        hoursBeforeArrival: input.hoursBeforeArrival ?? undefined,
        teamId: input.teamId,
      });
      await emit(tx, 'AutomationRuleUpdated', row);
      return row;
    });
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<AutomationRuleRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    if (current.active === active) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, id, { active });
      await emit(tx, 'AutomationRuleUpdated', row);
      return row;
    });
  }

  /** Orders it created stay as they are. */
  async delete(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    await this.db.$transaction(async (tx) => {
      await this.repo.with(tx).delete(t, id);
      await emit(tx, 'AutomationRuleDeleted', current);
    });
    return true;
  }

  /** Upcoming reservations (next 7 days) the conditions would match, and when orders would start. */
  async preview(
    actor: Actor,
    input: AutomationPreviewInput,
    now: Date = new Date(),
  ): Promise<AutomationMatch[]> {
    const t = tenant(actor);
    const conditions = toConditions(input.conditions);
    const zone = await organizationZone(this.db, t.organizationId);
    const upcoming = await new ProjectionRepository(this.db).arriving(
      t.organizationId,
      new Date(now.getTime() - ARRIVAL_GRACE_MS),
      new Date(now.getTime() + PREVIEW_HORIZON_MS),
    );
    return upcoming
      .filter((r) => !isGone(r) && conditionsHold(conditions, r, zone))
      .map((r) => ({
        reservationId: r.reservationId,
        guestName: r.guestName,
        arrivalAt: r.arrivalAt,
        wouldCreateAt: plannedStart(r.arrivalAt, input.hoursBeforeArrival, now),
      }));
  }

  /** Runs the organization's rules now over the reservations of the next 72 hours. */
  run(actor: Actor, now: Date = new Date()): Promise<AutomationRunResult> {
    return runAutomationSweep(this.db, now, tenant(actor).organizationId);
  }

  private async freeName(t: TenantActor, raw: string, ownId: string | null): Promise<string> {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < NAME_MIN || name.length > NAME_MAX) {
      throw new AutomationError(
        AutomationErrorCode.InvalidName,
        `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`,
        { field: 'name' },
      );
    }
    const same = await this.repo.findByName(t, name);
    if (same && same.id !== ownId) {
      throw new AutomationError(
        AutomationErrorCode.NameTaken,
        `An automation rule named ${same.name} already exists`,
        { field: 'name', ruleId: same.id },
      );
    }
    return name;
  }

  private async checkServiceType(t: TenantActor, id: string): Promise<void> {
    const type = await this.repo.serviceType(t, id);
    if (!type) {
      throw new AutomationError(
        AutomationErrorCode.ServiceTypeNotFound,
        `Service type ${id} was not found`,
        { field: 'serviceTypeId' },
      );
    }
    if (!type.active) {
      throw new AutomationError(
        AutomationErrorCode.ServiceTypeInactive,
        'This service type is inactive; activate it or choose another',
        { field: 'serviceTypeId' },
      );
    }
  }

  private async checkTeam(t: TenantActor, id: string): Promise<void> {
    if (!(await this.repo.teamExists(t, id))) {
      throw new AutomationError(AutomationErrorCode.TeamNotFound, `Team ${id} was not found`, {
        field: 'teamId',
      });
    }
  }
}

function toConditions(input: AutomationConditionsInput): RuleConditions {
  const conditions: RuleConditions = {
    vip: input.vip ?? false,
    products: normalizeProducts(input.products ?? []),
    earlyCheckIn: input.earlyCheckIn ?? false,
    earlyCheckInBefore: input.earlyCheckInBefore ?? DEFAULT_EARLY_CHECK_IN_BEFORE,
    specialRequest: input.specialRequest ?? false,
  };
  if (!hasAnyCondition(conditions)) {
    throw new AutomationError(
      AutomationErrorCode.NoCondition,
      'Choose at least one condition: VIP, a product, early check-in or a special request',
      { field: 'conditions' },
    );
  }
  return conditions;
}

function checkTitle(raw: string): string {
  const title = raw.trim();
  if (title.length < TITLE_MIN || title.length > TITLE_MAX) {
    throw new AutomationError(
      AutomationErrorCode.InvalidTitle,
      `Give a title of ${TITLE_MIN} to ${TITLE_MAX} characters`,
      { field: 'title' },
    );
  }
  const unknown = unknownPlaceholders(title);
  if (unknown.length > 0) {
    const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
    throw new AutomationError(
      AutomationErrorCode.InvalidTitle,
      `Unknown placeholder {${unknown[0]}}; a title may use ${known}`,
      { field: 'title' },
    );
  }
  return title;
}

function emit(tx: DbOrTx, type: string, row: AutomationRuleRow) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'AutomationRule',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      name: row.name,
      active: row.active,
      serviceTypeId: row.serviceTypeId,
      teamId: row.teamId,
    },
  });
}
