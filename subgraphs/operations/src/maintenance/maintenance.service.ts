import {
  recordEvent,
  tenant,
  type Actor,
  type Db,
  type DbOrTx,
  type TenantActor,
} from '@attendant/kit';
import { dateOnly, isIsoDate, localDate, organizationZone } from '../generated-orders/local-days';
import { MaintenanceError, MaintenanceErrorCode, planNotFound } from './maintenance.errors';
import { generateDue, type MaintenanceOutcome } from './maintenance.generator';
import { MaintenanceRepository, type MaintenancePlanRow } from './maintenance.repository';
import { nextDueDays, normalizeRule } from './maintenance.schedule';
import {
  NAME_MAX,
  NAME_MIN,
  type CreateMaintenancePlanInput,
  type UpdateMaintenancePlanInput,
} from './maintenance.type';

/** The plan as it will be stored, checked as a whole. */
interface PlanShape {
  asset: string | null;
  roomId: string | null;
  siteId: string | null;
  intervalDays: number | null;
  rrule: string | null;
}

/** Preventive maintenance plans and their on-demand generation. */
export class MaintenanceService {
  private readonly repo: MaintenanceRepository;

  constructor(private readonly db: Db) {
    this.repo = new MaintenanceRepository(db);
  }

  list(actor: Actor): Promise<MaintenancePlanRow[]> {
    return this.repo.list(tenant(actor));
  }

  async get(actor: Actor, id: string): Promise<MaintenancePlanRow> {
    const row = await this.repo.findById(tenant(actor), id);
    if (!row) throw planNotFound(id);
    return row;
  }

  generatedCounts(actor: Actor, planIds: readonly string[]) {
    return this.repo.generatedCounts(tenant(actor), planIds);
  }

  /** The organization's zone, for due dates in local time. */
  zoneOf(actor: Actor): Promise<string> {
    return organizationZone(this.db, tenant(actor).organizationId);
  }

  /** The next due days (local dates) from today on. */
  nextDueDates(row: MaintenancePlanRow, zone: string, count: number, now = new Date()): string[] {
    const n = Math.max(0, Math.min(count, 50));
    return nextDueDays(
      { intervalDays: row.intervalDays, rrule: row.rrule, startsOn: dateOnly(row.startsOn) },
      localDate(now, zone),
      n,
    );
  }

  async create(actor: Actor, input: CreateMaintenancePlanInput): Promise<MaintenancePlanRow> {
    const t = tenant(actor);
    const name = await this.freeName(t, input.name, null);
    const shape = checkShape({
      asset: input.asset?.trim() || null,
      roomId: input.roomId ?? null,
      siteId: input.siteId ?? null,
      intervalDays: input.intervalDays ?? null,
      rrule: input.rrule?.trim() || null,
    });
    const startsOn = checkStart(input.startsOn);
    await this.checkReferences(t, input);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({
        organizationId: t.organizationId,
        name,
        ...shape,
        startsOn,
        serviceTypeId: input.serviceTypeId,
        priority: input.priority,
        guestId: input.guestId ?? null,
        leadDays: input.leadDays,
        technicianId: input.technicianId ?? null,
        teamId: input.teamId ?? null,
        active: input.active,
      });
      await emit(tx, 'MaintenancePlanCreated', row);
      return row;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateMaintenancePlanInput,
  ): Promise<MaintenancePlanRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const name = input.name == null ? undefined : await this.freeName(t, input.name, id);
    // Giving one kind of schedule replaces the other.
    const rrule = input.rrule === undefined ? undefined : input.rrule?.trim() || null;
    const intervalDays = input.intervalDays;
    const shape = checkShape({
      asset: input.asset === undefined ? current.asset : input.asset?.trim() || null,
      roomId: input.roomId === undefined ? current.roomId : input.roomId,
      siteId: input.siteId === undefined ? current.siteId : input.siteId,
      intervalDays: intervalDays !== undefined ? intervalDays : rrule ? null : current.intervalDays,
      rrule: rrule !== undefined ? rrule : intervalDays ? null : current.rrule,
    });
    const startsOn = input.startsOn == null ? undefined : checkStart(input.startsOn);
    await this.checkReferences(t, {
      serviceTypeId:
        input.serviceTypeId && input.serviceTypeId !== current.serviceTypeId
          ? input.serviceTypeId
          : null,
      teamId: input.teamId !== current.teamId ? input.teamId : null,
      technicianId: input.technicianId !== current.technicianId ? input.technicianId : null,
    });
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, id, {
        name,
        ...shape,
        startsOn,
        serviceTypeId: input.serviceTypeId ?? undefined,
        priority: input.priority ?? undefined,
        guestId: input.guestId,
        leadDays: input.leadDays ?? undefined,
        technicianId: input.technicianId,
        teamId: input.teamId,
      });
      await emit(tx, 'MaintenancePlanUpdated', row);
      return row;
    });
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<MaintenancePlanRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    if (current.active === active) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, id, { active });
      await emit(tx, 'MaintenancePlanUpdated', row);
      return row;
    });
  }

  /** Work orders it generated stay as they are. */
  async delete(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    await this.db.$transaction(async (tx) => {
      await this.repo.with(tx).delete(t, id);
      await emit(tx, 'MaintenancePlanDeleted', current);
    });
    return true;
  }

  /** Generates the organization's due work orders now. */
  run(actor: Actor, now: Date = new Date()): Promise<MaintenanceOutcome> {
    return generateDue(this.db, tenant(actor).organizationId, now);
  }

  private async freeName(t: TenantActor, raw: string, ownId: string | null): Promise<string> {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < NAME_MIN || name.length > NAME_MAX) {
      throw new MaintenanceError(
        MaintenanceErrorCode.InvalidName,
        `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`,
        { field: 'name' },
      );
    }
    const same = await this.repo.findByName(t, name);
    if (same && same.id !== ownId) {
      throw new MaintenanceError(
        MaintenanceErrorCode.NameTaken,
        `A maintenance plan named ${same.name} already exists`,
        { field: 'name', planId: same.id },
      );
    }
    return name;
  }

  private async checkReferences(
    t: TenantActor,
    refs: {
      serviceTypeId?: string | null;
      teamId?: string | null;
      technicianId?: string | null;
    },
  ): Promise<void> {
    const checks = [
      ['serviceType', refs.serviceTypeId, MaintenanceErrorCode.ServiceTypeNotFound, 'Service type'],
      ['team', refs.teamId, MaintenanceErrorCode.TeamNotFound, 'Team'],
      ['technician', refs.technicianId, MaintenanceErrorCode.TechnicianNotFound, 'Technician'],
    ] as const;
    for (const [model, id, code, what] of checks) {
      if (id && !(await this.repo.exists(t, model, id))) {
        throw new MaintenanceError(code, `${what} ${id} was not found`, { field: `${model}Id` });
      }
    }
  }
}

function checkShape(shape: PlanShape): PlanShape {
  if (!shape.asset && !shape.roomId && !shape.siteId) {
    throw new MaintenanceError(
      MaintenanceErrorCode.NoTarget,
      'Say what is maintained: an asset, a room or a site',
      { field: 'asset' },
    );
  }
  if ((shape.intervalDays == null) === (shape.rrule == null)) {
    const both = shape.intervalDays != null;
    throw new MaintenanceError(
      MaintenanceErrorCode.InvalidSchedule,
      both
        ? 'Give a repeat interval or a calendar rule, not both'
        : 'Give a repeat interval in days or a calendar rule',
      { field: both ? 'rrule' : 'intervalDays' },
    );
  }
  return { ...shape, rrule: shape.rrule == null ? null : normalizeRule(shape.rrule) };
}

/** A valid YYYY-MM-DD, stored as a date (UTC midnight). */
function checkStart(value: string): Date {
  if (!isIsoDate(value)) {
    throw new MaintenanceError(
      MaintenanceErrorCode.InvalidStart,
      `${value} is not a date; give the first day as YYYY-MM-DD`,
      { field: 'startsOn' },
    );
  }
  return new Date(`${value}T00:00:00.000Z`);
}

function emit(tx: DbOrTx, type: string, row: MaintenancePlanRow) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'MaintenancePlan',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      name: row.name,
      active: row.active,
      serviceTypeId: row.serviceTypeId,
      roomId: row.roomId,
      siteId: row.siteId,
    },
  });
}
