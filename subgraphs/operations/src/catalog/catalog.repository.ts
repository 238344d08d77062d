import type { Prisma, Skill } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';

const include = {
  requiredSkills: {
    include: { skill: { select: { id: true, name: true } } },
    orderBy: { skill: { name: 'asc' } },
  },
} satisfies Prisma.ServiceTypeInclude;

/** A service type with its required skills (skill id, minimum level and the skill's name). */
export type ServiceTypeRow = Prisma.ServiceTypeGetPayload<{ include: typeof include }>;
export type SkillRow = Skill;

/** Service catalog queries; every one is scoped to an organization. */
export class CatalogRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): CatalogRepository {
    return new CatalogRepository(tx);
  }

  findById(organizationId: string, id: string): Promise<ServiceTypeRow | null> {
    return this.db.serviceType.findFirst({ where: { id, organizationId }, include });
  }

  findByIds(organizationId: string, ids: readonly string[]): Promise<ServiceTypeRow[]> {
    return this.db.serviceType.findMany({
      where: { organizationId, id: { in: [...ids] } },
      include,
    });
  }

  list(
    organizationId: string,
    args: { includeInactive: boolean; search: string | null },
  ): Promise<ServiceTypeRow[]> {
    const where: Prisma.ServiceTypeWhereInput = { organizationId };
    if (!args.includeInactive) where.active = true;
    if (args.search) {
      where.OR = [
        { name: { contains: args.search, mode: 'insensitive' } },
        { description: { contains: args.search, mode: 'insensitive' } },
      ];
    }
    return this.db.serviceType.findMany({ where, include, orderBy: [{ name: 'asc' }] });
  }

  /** Another service type of the organization with this name, ignoring case. */
  findNameClash(organizationId: string, name: string, exceptId?: string) {
    return this.db.serviceType.findFirst({
      where: {
        organizationId,
        name: { equals: name, mode: 'insensitive' },
        ...(exceptId ? { NOT: { id: exceptId } } : {}),
      },
      select: { id: true, name: true },
    });
  }

  create(
    data: Omit<Prisma.ServiceTypeUncheckedCreateInput, 'requiredSkills'>,
    skills: { skillId: string; minLevel: number }[],
  ): Promise<ServiceTypeRow> {
    return this.db.serviceType.create({
      data: { ...data, requiredSkills: { create: skills } },
      include,
    });
  }

  /** Updates the fields given; `skills` (when given) replaces the required skills. */
  async update(
    organizationId: string,
    id: string,
    data: Prisma.ServiceTypeUncheckedUpdateManyInput,
    skills: { skillId: string; minLevel: number }[] | undefined,
  ): Promise<ServiceTypeRow | null> {
    const { count } = await this.db.serviceType.updateMany({ where: { id, organizationId }, data });
    if (count === 0) return null;
    if (skills) {
      // ServiceTypeSkill has no organization column; the service type above is the org's own.
      await this.db.serviceTypeSkill.deleteMany({ where: { serviceTypeId: id } });
      await this.db.serviceTypeSkill.createMany({
        data: skills.map((s) => ({ serviceTypeId: id, ...s })),
      });
    }
    return this.findById(organizationId, id);
  }

  skills(organizationId: string): Promise<SkillRow[]> {
    return this.db.skill.findMany({ where: { organizationId }, orderBy: [{ name: 'asc' }] });
  }

  /** The ids among `ids` that are skills of the organization. */
  async existingSkillIds(organizationId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.skill.findMany({
      where: { organizationId, id: { in: [...ids] } },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  findSkillByName(organizationId: string, name: string) {
    return this.db.skill.findFirst({
      where: { organizationId, name: { equals: name, mode: 'insensitive' } },
    });
  }

  createSkill(organizationId: string, name: string): Promise<SkillRow> {
    return this.db.skill.create({ data: { organizationId, name } });
  }
}
