import type { Prisma } from '@attendant/db';
import { isUuid, keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';

const include = {
  skills: { include: { skill: true }, orderBy: { skill: { name: 'asc' } } },
} satisfies Prisma.TechnicianInclude;
export type TechnicianRow = Prisma.TechnicianGetPayload<{ include: typeof include }>;

const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface TechnicianListArgs {
  first: number;
  after?: string | null;
  search?: string | null;
  skill?: string | null;
  teamId?: string | null;
  includeInactive?: boolean | null;
}

/** Technician queries; every one is scoped to the actor's organization. */
export class TechnicianRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): TechnicianRepository {
    return new TechnicianRepository(tx);
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<TechnicianRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.db.technician.findMany({
      where: { organizationId: actor.organizationId, id: { in: valid } },
      include,
    });
  }

  /** Technicians of the given teams, by name. */
  findByTeamIds(
    actor: TenantActor,
    teamIds: readonly string[],
    includeInactive: boolean,
  ): Promise<TechnicianRow[]> {
    return this.db.technician.findMany({
      where: {
        organizationId: actor.organizationId,
        teamId: { in: teamIds.filter(isUuid) },
        ...(includeInactive ? {} : { active: true }),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      include,
    });
  }

  async page(actor: TenantActor, args: TechnicianListArgs) {
    const base: Prisma.TechnicianWhereInput = { organizationId: actor.organizationId };
    if (!args.includeInactive) base.active = true;
    // A malformed id matches nothing rather than failing the uuid cast.
    if (args.teamId) base.teamId = isUuid(args.teamId) ? args.teamId : NO_ID;
    if (args.search?.trim()) base.name = { contains: args.search.trim(), mode: 'insensitive' };
    if (args.skill)
      base.skills = {
        some: {
          skill: {
            organizationId: actor.organizationId,
            name: { equals: args.skill, mode: 'insensitive' },
          },
        },
      };
    const keyset = keysetQuery('name', 'ASC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.technician.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.TechnicianOrderByWithRelationInput[],
      take: args.first + 1,
      include,
    });
    return { rows, totalCount: () => this.db.technician.count({ where: base }) };
  }

  create(data: Prisma.TechnicianUncheckedCreateInput): Promise<TechnicianRow> {
    return this.db.technician.create({ data, include });
  }

  update(
    actor: TenantActor,
    id: string,
    data: Prisma.TechnicianUncheckedUpdateInput,
  ): Promise<TechnicianRow> {
    return this.db.technician.update({
      where: { id, organizationId: actor.organizationId },
      data,
      include,
    });
  }

  /** Replaces the technician's skills; the caller has checked that the technician is theirs. */
  async replaceSkills(
    technicianId: string,
    skills: readonly { skillId: string; level: number }[],
  ): Promise<void> {
    await this.db.technicianSkill.deleteMany({ where: { technicianId } });
    if (skills.length > 0) {
      await this.db.technicianSkill.createMany({
        data: skills.map((s) => ({ technicianId, skillId: s.skillId, level: s.level })),
      });
    }
  }

  existingSkillIds(actor: TenantActor, ids: readonly string[]): Promise<{ id: string }[]> {
    return this.db.skill.findMany({
      where: { organizationId: actor.organizationId, id: { in: ids.filter(isUuid) } },
      select: { id: true },
    });
  }

  async teamExists(actor: TenantActor, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const team = await this.db.team.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: { id: true },
    });
    return team !== null;
  }

  async userExists(actor: TenantActor, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const user = await this.db.user.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: { id: true },
    });
    return user !== null;
  }

  findByUserId(actor: TenantActor, userId: string): Promise<{ id: string } | null> {
    return this.db.technician.findFirst({
      where: { organizationId: actor.organizationId, userId },
      select: { id: true },
    });
  }
}
