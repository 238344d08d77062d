import { recordEvent, tenant, type Actor, type Db, type DbOrTx } from '@attendant/kit';
import { PeopleError, PeopleErrorCode, peopleNotFound } from './people.errors';
import { TeamRepository, type TeamRow } from './team.repository';

export class TeamService {
  private readonly repo: TeamRepository;

  constructor(private readonly db: Db) {
    this.repo = new TeamRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<TeamRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  list(actor: Actor): Promise<TeamRow[]> {
    return this.repo.list(tenant(actor));
  }

  async get(actor: Actor, id: string): Promise<TeamRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw peopleNotFound(PeopleErrorCode.TeamNotFound, 'Team', id);
    return row;
  }

  async create(actor: Actor, rawName: string): Promise<TeamRow> {
    const t = tenant(actor);
    const name = await this.freeName(t, rawName, null);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({ organizationId: t.organizationId, name });
      await emit(tx, 'TeamCreated', row);
      return row;
    });
  }

  async rename(actor: Actor, id: string, rawName: string): Promise<TeamRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const name = await this.freeName(t, rawName, id);
    if (name === current.name) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).rename(t, id, name);
      await emit(tx, 'TeamRenamed', row, { previousName: current.name });
      return row;
    });
  }

  /** Members and work orders stay, without a team. */
  async delete(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    await this.db.$transaction(async (tx) => {
      await this.repo.with(tx).delete(t, id);
      await emit(tx, 'TeamDeleted', current);
    });
    return true;
  }

  private async freeName(
    t: ReturnType<typeof tenant>,
    raw: string,
    ownId: string | null,
  ): Promise<string> {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < 2 || name.length > 80) {
      throw new PeopleError(PeopleErrorCode.InvalidName, 'Give a name of 2 to 80 characters', {
        field: 'name',
      });
    }
    const same = await this.repo.findByName(t, name);
    if (same && same.id !== ownId) {
      throw new PeopleError(
        PeopleErrorCode.TeamNameTaken,
        `A team named ${same.name} already exists`,
        { field: 'name', teamId: same.id },
      );
    }
    return name;
  }
}

function emit(tx: DbOrTx, type: string, row: TeamRow, extra: Record<string, unknown> = {}) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'Team',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: { name: row.name, ...extra },
  });
}
