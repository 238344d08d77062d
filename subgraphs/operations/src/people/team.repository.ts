import type { Prisma, Team as TeamRow } from '@attendant/db';
import { isUuid, type DbOrTx, type TenantActor } from '@attendant/kit';

export type { TeamRow };

/** Team queries; every one is scoped to the actor's organization. */
export class TeamRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): TeamRepository {
    return new TeamRepository(tx);
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<TeamRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.db.team.findMany({
      where: { organizationId: actor.organizationId, id: { in: valid } },
    });
  }

  list(actor: TenantActor): Promise<TeamRow[]> {
    return this.db.team.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  findByName(actor: TenantActor, name: string): Promise<TeamRow | null> {
    return this.db.team.findFirst({
      where: { organizationId: actor.organizationId, name: { equals: name, mode: 'insensitive' } },
    });
  }

  create(data: Prisma.TeamUncheckedCreateInput): Promise<TeamRow> {
    return this.db.team.create({ data });
  }

  rename(actor: TenantActor, id: string, name: string): Promise<TeamRow> {
    return this.db.team.update({
      where: { id, organizationId: actor.organizationId },
      data: { name },
    });
  }

  /**
   * Deletes the team. Technicians and work orders lose it through their foreign keys (SET NULL);
   * plans and rules hold it as a plain id, so it is cleared there too.
   */
  async delete(actor: TenantActor, id: string): Promise<void> {
    const organizationId = actor.organizationId;
    await this.db.maintenancePlan.updateMany({
      where: { organizationId, teamId: id },
      data: { teamId: null },
    });
    await this.db.automationRule.updateMany({
      where: { organizationId, teamId: id },
      data: { teamId: null },
    });
    await this.db.team.delete({ where: { id, organizationId } });
  }
}
