import {
  tenant,
  pageSize,
  recordEvent,
  toPage,
  type Actor,
  type Db,
  type DbOrTx,
  type Page,
  type TenantActor,
} from '@attendant/kit';
import {
  TechnicianError,
  TechnicianErrorCode,
  invalidTechnician,
  technicianNotFound,
} from './technician.errors';
import {
  TechnicianRepository,
  type TechnicianListArgs,
  type TechnicianRow,
} from './technician.repository';
import type {
  CreateTechnicianInput,
  TechnicianSkillInput,
  UpdateTechnicianInput,
} from './technician.type';
import {
  checkTechnician,
  normalizeEmail,
  normalizePhone,
  normalizePhotoUrl,
  normalizeText,
  type TechnicianState,
} from './technician.validation';

export type { TechnicianRow };

export class TechnicianService {
  private readonly repo: TechnicianRepository;

  constructor(private readonly db: Db) {
    this.repo = new TechnicianRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<TechnicianRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  byTeamIds(
    actor: Actor,
    teamIds: readonly string[],
    includeInactive = false,
  ): Promise<TechnicianRow[]> {
    return this.repo.findByTeamIds(tenant(actor), teamIds, includeInactive);
  }

  async get(actor: Actor, id: string): Promise<TechnicianRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw technicianNotFound(id);
    return row;
  }

  /** Active technicians unless `includeInactive`; by name. */
  async list(
    actor: Actor,
    args: Omit<TechnicianListArgs, 'first'> & { first?: number | null },
  ): Promise<Page<TechnicianRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(tenant(actor), { ...args, first: size });
    return toPage(rows, size, 'name', totalCount);
  }

  async create(actor: Actor, input: CreateTechnicianInput): Promise<TechnicianRow> {
    const t = tenant(actor);
    const state: TechnicianState = {
      name: input.name.trim(),
      email: normalizeEmail(input.email),
      phone: normalizePhone(input.phone),
      homeAddress: normalizeText(input.homeAddress),
      homeLat: input.homeLat ?? null,
      homeLng: input.homeLng ?? null,
      vehicle: normalizeText(input.vehicle),
      vehicleCapacity: input.vehicleCapacity ?? null,
      shiftStartMin: input.shiftStartMin,
      shiftEndMin: input.shiftEndMin,
      workDays: [...input.workDays],
      maxJobsPerDay: input.maxJobsPerDay,
      photoUrl: normalizePhotoUrl(input.photoUrl),
    };
    checkTechnician(state);
    await this.checkLinks(t, input.teamId, input.userId, null);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({
        ...state,
        workDays: sortDays(state.workDays),
        organizationId: t.organizationId,
        teamId: input.teamId ?? null,
        userId: input.userId ?? null,
      });
      await emit(tx, 'TechnicianCreated', row, t);
      return row;
    });
  }

  async update(actor: Actor, id: string, input: UpdateTechnicianInput): Promise<TechnicianRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const keep = <K extends keyof TechnicianState>(
      key: K,
      value: TechnicianState[K] | undefined,
    ) => (value === undefined ? current[key] : value);
    const state: TechnicianState = {
      name: input.name == null ? current.name : input.name.trim(),
      email: input.email === undefined ? current.email : normalizeEmail(input.email),
      phone: input.phone === undefined ? current.phone : normalizePhone(input.phone),
      homeAddress:
        input.homeAddress === undefined ? current.homeAddress : normalizeText(input.homeAddress),
      homeLat: keep('homeLat', input.homeLat),
      homeLng: keep('homeLng', input.homeLng),
      vehicle: input.vehicle === undefined ? current.vehicle : normalizeText(input.vehicle),
      vehicleCapacity: keep('vehicleCapacity', input.vehicleCapacity),
      shiftStartMin: input.shiftStartMin ?? current.shiftStartMin,
      shiftEndMin: input.shiftEndMin ?? current.shiftEndMin,
      workDays: input.workDays ?? current.workDays,
      maxJobsPerDay: input.maxJobsPerDay ?? current.maxJobsPerDay,
      photoUrl: input.photoUrl === undefined ? current.photoUrl : normalizePhotoUrl(input.photoUrl),
    };
    checkTechnician(state);
    await this.checkLinks(t, input.teamId, input.userId, id);
    const changed = (Object.keys(input) as (keyof UpdateTechnicianInput)[]).filter(
      (k) => input[k] !== undefined,
    );
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, id, {
        ...state,
        workDays: sortDays(state.workDays),
        teamId: input.teamId,
        userId: input.userId,
      });
      await emit(tx, 'TechnicianUpdated', row, t, { changed });
      return row;
    });
  }

  /** Inactive technicians drop out of lists, availability and matching but keep their history. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<TechnicianRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    if (current.active === active) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).update(t, id, { active });
      await emit(tx, 'TechnicianUpdated', row, t, { changed: ['active'] });
      return row;
    });
  }

  /** Replaces the technician's whole skill set. */
  async setSkills(
    actor: Actor,
    id: string,
    skills: readonly TechnicianSkillInput[],
  ): Promise<TechnicianRow> {
    const t = tenant(actor);
    await this.get(t, id);
    const ids = skills.map((s) => s.skillId);
    const duplicate = ids.find((skillId, i) => ids.indexOf(skillId) !== i);
    if (duplicate) {
      throw new TechnicianError(
        TechnicianErrorCode.DuplicateSkill,
        'Each skill may be given once',
        { field: 'skills', skillId: duplicate },
      );
    }
    for (const s of skills) {
      if (!Number.isInteger(s.level) || s.level < 1 || s.level > 3) {
        throw invalidTechnician('Skill level must be 1 (basic) to 3 (expert)', 'skills');
      }
    }
    const found = new Set((await this.repo.existingSkillIds(t, ids)).map((s) => s.id));
    const missing = ids.find((skillId) => !found.has(skillId));
    if (missing) {
      throw new TechnicianError(
        TechnicianErrorCode.SkillNotFound,
        `Skill ${missing} was not found`,
        { field: 'skills', skillId: missing },
      );
    }
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.replaceSkills(id, skills);
      // Touching the row bumps updatedAt and returns the new skills.
      const row = await repo.update(t, id, { updatedAt: new Date() });
      await emit(tx, 'TechnicianUpdated', row, t, { changed: ['skills'] });
      return row;
    });
  }

  private async checkLinks(
    t: TenantActor,
    teamId: string | null | undefined,
    userId: string | null | undefined,
    technicianId: string | null,
  ): Promise<void> {
    if (teamId && !(await this.repo.teamExists(t, teamId))) {
      throw new TechnicianError(TechnicianErrorCode.TeamNotFound, `Team ${teamId} was not found`, {
        field: 'teamId',
      });
    }
    if (!userId) return;
    if (!(await this.repo.userExists(t, userId))) {
      throw new TechnicianError(TechnicianErrorCode.UserNotFound, `User ${userId} was not found`, {
        field: 'userId',
      });
    }
    const linked = await this.repo.findByUserId(t, userId);
    if (linked && linked.id !== technicianId) {
      throw new TechnicianError(
        TechnicianErrorCode.UserTaken,
        'This user is already linked to another technician',
        { field: 'userId', technicianId: linked.id },
      );
    }
  }
}

const sortDays = (days: number[]) => [...days].sort((a, b) => a - b);

function emit(
  tx: DbOrTx,
  type: 'TechnicianCreated' | 'TechnicianUpdated',
  row: TechnicianRow,
  actor: TenantActor,
  extra: Record<string, unknown> = {},
) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'Technician',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      name: row.name,
      active: row.active,
      teamId: row.teamId,
      userId: row.userId,
      shiftStartMin: row.shiftStartMin,
      shiftEndMin: row.shiftEndMin,
      workDays: row.workDays,
      maxJobsPerDay: row.maxJobsPerDay,
      skills: row.skills.map((s) => ({ skillId: s.skillId, level: s.level })),
      actorUserId: actor.userId,
      ...extra,
    },
  });
}
