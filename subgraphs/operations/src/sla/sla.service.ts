import { Prisma, type WorkOrderPriority } from '@attendant/db';
import {
  isUuid,
  recordEvent,
  tenant,
  type Actor,
  type DbOrTx,
  type TenantActor,
} from '@attendant/kit';
import { IANAZone } from 'luxon';
import { inTransaction } from '../catalog/catalog.service';
import { addBusinessMinutes } from './sla.engine';
import { invalidSlaPolicy, SlaError, SlaErrorCode, slaPolicyNotFound } from './sla.errors';
import { SlaRepository, type SlaPolicyRow } from './sla.repository';
import {
  parseBusinessHours,
  policyView,
  slaRisk,
  slaStatus,
  type SlaPolicyView,
  type SlaRowLike,
  type SlaStatusView,
} from './sla.status';
import type {
  BusinessHoursRangeInput,
  CreateSlaPolicyInput,
  UpdateSlaPolicyInput,
} from './sla.type';

export type { SlaPolicyView, SlaRowLike, SlaStatusView };

export interface SlaTargets {
  slaPolicyId: string;
  responseDueAt: Date;
  slaDueAt: Date;
}

type Range = { day: number; start: number; end: number };

/** SLA policies, the targets they give new work orders, and where an order stands. */
export class SlaService {
  private readonly repo: SlaRepository;

  constructor(private readonly db: DbOrTx) {
    this.repo = new SlaRepository(db);
  }

  /**
   * Targets of a new work order from the most specific active policy (service type and
   * priority > service type > priority > catch-all; among equals the strictest), counted on the
   * policy's business clock from `createdAt`. Null when no policy applies.
   */
  async targetsFor(
    tx: DbOrTx,
    organizationId: string,
    input: { serviceTypeId: string | null; priority: WorkOrderPriority; createdAt: Date },
  ): Promise<SlaTargets | null> {
    const repo = this.repo.with(tx);
    const serviceTypeId =
      input.serviceTypeId && isUuid(input.serviceTypeId) ? input.serviceTypeId : null;
    const candidates = await repo.applicable(organizationId, serviceTypeId, input.priority);
    const policy = candidates.sort(bySpecificity)[0];
    if (!policy) return null;
    const zone = policy.timezone ?? (await repo.organizationTimezone(organizationId));
    const { calendar } = policyView(policy, zone);
    return {
      slaPolicyId: policy.id,
      responseDueAt: addBusinessMinutes(input.createdAt, policy.responseMinutes, calendar),
      slaDueAt: addBusinessMinutes(input.createdAt, policy.resolutionMinutes, calendar),
    };
  }

  /**
   * Where a work order stands. Give the order's policy (see `policiesByIds`) for business-clock
   * minutes and its warning threshold; without it the real clock and an 80 % threshold apply.
   */
  status(row: SlaRowLike, now: Date = new Date(), policy?: SlaPolicyView | null): SlaStatusView {
    return slaStatus(row, now, policy);
  }

  /** Share of the resolution time used: 0..1 on track, above 1 breached; 0 without an SLA. */
  risk(row: SlaRowLike, now: Date = new Date(), policy?: SlaPolicyView | null): number {
    return slaRisk(row, now, policy);
  }

  async policiesByIds(actor: Actor, ids: readonly string[]): Promise<SlaPolicyView[]> {
    const t = tenant(actor);
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.repo.findByIds(t.organizationId, valid);
    const zone = await this.repo.organizationTimezone(t.organizationId);
    return rows.map((r) => policyView(r, zone));
  }

  /** The zone of a policy's clock: its own, else the organization's. */
  async timezoneOf(actor: Actor, policy: { timezone: string | null }): Promise<string> {
    return policy.timezone ?? this.repo.organizationTimezone(tenant(actor).organizationId);
  }

  list(actor: Actor, activeOnly?: boolean | null): Promise<SlaPolicyRow[]> {
    return this.repo.list(tenant(actor).organizationId, !activeOnly);
  }

  async get(actor: Actor, id: string): Promise<SlaPolicyRow> {
    const t = tenant(actor);
    const row = isUuid(id) ? await this.repo.findById(t.organizationId, id) : null;
    if (!row) throw slaPolicyNotFound(id);
    return row;
  }

  async create(actor: Actor, input: CreateSlaPolicyInput): Promise<SlaPolicyRow> {
    const t = tenant(actor);
    const data = {
      name: checkName(input.name),
      serviceTypeId: input.serviceTypeId ?? null,
      priority: input.priority ?? null,
      responseMinutes: input.responseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      businessHours: checkHours(input.businessHours ?? null),
      timezone: checkZone(
        input.timezone ?? (await this.repo.organizationTimezone(t.organizationId)),
      ),
      holidays: checkHolidays(input.holidays ?? []),
      warnAt: checkWarnAt(input.warnAt),
      active: input.active,
    };
    checkTargets(data.responseMinutes, data.resolutionMinutes);
    checkReachable(data);
    await this.checkUnique(t, data);
    return inTransaction(this.db, async (tx) => {
      const row = await this.repo
        .with(tx)
        .create({
          organizationId: t.organizationId,
          ...data,
          businessHours: json(data.businessHours),
        })
        .catch(onUnique(data.name));
      await emit(tx, 'SlaPolicyCreated', row);
      return row;
    });
  }

  async update(actor: Actor, id: string, input: UpdateSlaPolicyInput): Promise<SlaPolicyRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const data = {
      name: input.name == null ? current.name : checkName(input.name),
      serviceTypeId:
        input.serviceTypeId === undefined ? current.serviceTypeId : input.serviceTypeId,
      priority: input.priority === undefined ? current.priority : input.priority,
      responseMinutes: input.responseMinutes ?? current.responseMinutes,
      resolutionMinutes: input.resolutionMinutes ?? current.resolutionMinutes,
      businessHours:
        input.businessHours === undefined
          ? parseBusinessHours(current.businessHours)
          : checkHours(input.businessHours),
      timezone:
        input.timezone == null
          ? (current.timezone ?? (await this.repo.organizationTimezone(t.organizationId)))
          : checkZone(input.timezone),
      holidays: input.holidays ? checkHolidays(input.holidays) : current.holidays,
      warnAt: input.warnAt == null ? current.warnAt : checkWarnAt(input.warnAt),
      active: input.active ?? current.active,
    };
    checkTargets(data.responseMinutes, data.resolutionMinutes);
    checkReachable(data);
    await this.checkUnique(t, data, current.id);
    return inTransaction(this.db, async (tx) => {
      const row = await this.repo
        .with(tx)
        .update(t.organizationId, current.id, { ...data, businessHours: json(data.businessHours) })
        .catch(onUnique(data.name));
      if (!row) throw slaPolicyNotFound(id);
      await emit(tx, 'SlaPolicyUpdated', row);
      return row;
    });
  }

  /** Work orders keep the deadlines they got; their status then runs on the real clock. */
  async delete(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    return inTransaction(this.db, async (tx) => {
      if (!(await this.repo.with(tx).delete(t.organizationId, current.id)))
        throw slaPolicyNotFound(id);
      await emit(tx, 'SlaPolicyDeleted', current);
      return true;
    });
  }

  private async checkUnique(
    t: TenantActor,
    data: {
      name: string;
      serviceTypeId: string | null;
      priority: WorkOrderPriority | null;
      active: boolean;
    },
    exceptId?: string,
  ): Promise<void> {
    const clash = await this.repo.findNameClash(t.organizationId, data.name, exceptId);
    if (clash) {
      throw new SlaError(
        SlaErrorCode.NameTaken,
        `An SLA policy named "${clash.name}" already exists; choose another name`,
        { field: 'name' },
      );
    }
    if (
      data.serviceTypeId &&
      !(await this.repo.serviceTypeExists(t.organizationId, data.serviceTypeId))
    ) {
      throw new SlaError(
        SlaErrorCode.ServiceTypeNotFound,
        `Service type ${data.serviceTypeId} was not found`,
        { field: 'serviceTypeId', id: data.serviceTypeId },
      );
    }
    if (!data.active) return;
    const scope = await this.repo.findScopeClash(t.organizationId, data, exceptId);
    if (scope) {
      throw new SlaError(
        SlaErrorCode.ScopeTaken,
        `The active policy "${scope.name}" already covers this service type and priority; change or deactivate it first`,
        { field: 'priority', policyId: scope.id },
      );
    }
  }
}

/** Most specific first; among equally specific policies the strictest, then the oldest. */
function bySpecificity(a: SlaPolicyRow, b: SlaPolicyRow): number {
  const rank = (p: SlaPolicyRow) => (p.serviceTypeId ? 2 : 0) + (p.priority ? 1 : 0);
  return (
    rank(b) - rank(a) ||
    a.resolutionMinutes - b.resolutionMinutes ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

const json = (hours: Range[] | null): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  hours === null ? Prisma.DbNull : (hours as unknown as Prisma.InputJsonValue);

function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80)
    throw invalidSlaPolicy('Give a name of 2 to 80 characters', 'name');
  return name;
}

function checkTargets(response: number, resolution: number): void {
  if (response > resolution) {
    throw invalidSlaPolicy(
      'The response target cannot be longer than the resolution target',
      'responseMinutes',
    );
  }
}

/**
 * Business hours so thin (or holidays so many) that the resolution target cannot be met within
 * the engine's ten-year horizon would make every order under the policy fail: refused on save.
 */
function checkReachable(data: {
  resolutionMinutes: number;
  businessHours: Range[] | null;
  timezone: string;
  holidays: string[];
}): void {
  try {
    addBusinessMinutes(new Date(), data.resolutionMinutes, {
      businessHours: data.businessHours,
      timezone: data.timezone,
      holidays: data.holidays,
    });
  } catch {
    throw invalidSlaPolicy(
      `These business hours leave no time to resolve within ${data.resolutionMinutes} minutes; widen the hours or shorten the target`,
      'businessHours',
    );
  }
}

function checkHours(hours: BusinessHoursRangeInput[] | null): Range[] | null {
  if (hours === null) return null;
  if (hours.length === 0) {
    throw invalidSlaPolicy(
      'Give at least one business-hours range, or none at all for around the clock',
      'businessHours',
    );
  }
  const ranges = hours.map((h) => ({ day: h.day, start: h.start, end: h.end }));
  for (const r of ranges) {
    if (!(r.day >= 1 && r.day <= 7))
      throw invalidSlaPolicy('A weekday is 1 (Monday) to 7 (Sunday)', 'businessHours');
    if (!(r.start >= 0 && r.end <= 1440 && r.start < r.end)) {
      throw invalidSlaPolicy(
        'Each business-hours range starts before it ends, within 0 to 1440 minutes of the day',
        'businessHours',
      );
    }
  }
  ranges.sort((a, b) => a.day - b.day || a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    if (ranges[i]!.day === prev.day && ranges[i]!.start < prev.end) {
      throw invalidSlaPolicy(
        `Business-hours ranges on weekday ${prev.day} overlap`,
        'businessHours',
      );
    }
  }
  return ranges;
}

function checkZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) {
    throw invalidSlaPolicy(
      `${zone} is not a known IANA time zone (e.g. Europe/Prague)`,
      'timezone',
    );
  }
  return zone;
}

function checkHolidays(holidays: string[]): string[] {
  for (const d of holidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !isRealDate(d)) {
      throw invalidSlaPolicy(`${d} is not a date; holidays are dates like 2026-12-25`, 'holidays');
    }
  }
  return [...new Set(holidays)].sort();
}

function isRealDate(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

function checkWarnAt(warnAt: number): number {
  if (!(warnAt > 0 && warnAt < 1)) {
    throw invalidSlaPolicy('Warn at a share between 0 and 1 (e.g. 0.8), both excluded', 'warnAt');
  }
  return warnAt;
}

function onUnique(name: string) {
  return (err: unknown): never => {
    if ((err as { code?: string })?.code === 'P2002') {
      throw new SlaError(SlaErrorCode.NameTaken, `An SLA policy named "${name}" already exists`, {
        field: 'name',
      });
    }
    throw err;
  };
}

function emit(tx: DbOrTx, type: string, row: SlaPolicyRow) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'SlaPolicy',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      name: row.name,
      serviceTypeId: row.serviceTypeId,
      priority: row.priority,
      responseMinutes: row.responseMinutes,
      resolutionMinutes: row.resolutionMinutes,
      active: row.active,
    },
  });
}
