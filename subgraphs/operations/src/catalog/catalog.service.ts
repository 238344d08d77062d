import {
  isUuid,
  recordEvent,
  tenant,
  type Actor,
  type Db,
  type DbOrTx,
  type TenantActor,
} from '@attendant/kit';
import {
  CatalogError,
  CatalogErrorCode,
  invalidServiceType,
  serviceTypeNotFound,
} from './catalog.errors';
import { CatalogRepository, type ServiceTypeRow, type SkillRow } from './catalog.repository';
import {
  CHECKLIST_ITEM_MAX,
  CHECKLIST_MAX_ITEMS,
  NAME_MAX,
  NAME_MIN,
  type CreateServiceTypeInput,
  type ServiceTypeSkillInput,
  type UpdateServiceTypeInput,
} from './catalog.type';

export type { ServiceTypeRow };

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
export function inTransaction<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? (db as Db).$transaction((tx) => fn(tx)) : fn(db);
}

/** The service catalog: what can be ordered, its duration, required skills and price. */
export class CatalogService {
  private readonly repo: CatalogRepository;

  constructor(private readonly db: DbOrTx) {
    this.repo = new CatalogRepository(db);
  }

  /** For other areas (work order creation, matching): one service type of an organization. */
  loadServiceType(tx: DbOrTx, organizationId: string, id: string): Promise<ServiceTypeRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repo.with(tx).findById(organizationId, id);
  }

  serviceTypesByIds(actor: Actor, ids: readonly string[]): Promise<ServiceTypeRow[]> {
    return this.repo.findByIds(tenant(actor).organizationId, ids.filter(isUuid));
  }

  async get(actor: Actor, id: string): Promise<ServiceTypeRow> {
    const row = await this.loadServiceType(this.db, tenant(actor).organizationId, id);
    if (!row) throw serviceTypeNotFound(id);
    return row;
  }

  list(
    actor: Actor,
    args: { includeInactive?: boolean | null; search?: string | null },
  ): Promise<ServiceTypeRow[]> {
    return this.repo.list(tenant(actor).organizationId, {
      includeInactive: args.includeInactive ?? false,
      search: args.search?.trim().slice(0, 100) || null,
    });
  }

  skills(actor: Actor): Promise<SkillRow[]> {
    return this.repo.skills(tenant(actor).organizationId);
  }

  async createSkill(actor: Actor, rawName: string): Promise<SkillRow> {
    const t = tenant(actor);
    const name = checkName(rawName);
    const clash = await this.repo.findSkillByName(t.organizationId, name);
    if (clash) throw skillNameTaken(clash.name);
    return inTransaction(this.db, async (tx) => {
      const skill = await this.repo
        .with(tx)
        .createSkill(t.organizationId, name)
        .catch(onUnique(() => skillNameTaken(name)));
      await recordEvent(tx, 'operations', {
        type: 'SkillCreated',
        entityType: 'Skill',
        entityId: skill.id,
        organizationId: t.organizationId,
        payload: { name: skill.name },
      });
      return skill;
    });
  }

  async create(actor: Actor, input: CreateServiceTypeInput): Promise<ServiceTypeRow> {
    const t = tenant(actor);
    const name = checkName(input.name);
    await this.checkNameFree(t, name);
    checkPrice(input.priceMinor ?? null, input.currency ?? null);
    const checklist = checkChecklist(input.checklist ?? []);
    const skills = await this.checkSkills(t, input.requiredSkills ?? []);
    return inTransaction(this.db, async (tx) => {
      const row = await this.repo
        .with(tx)
        .create(
          {
            organizationId: t.organizationId,
            name,
            description: input.description?.trim() || null,
            kind: input.kind ?? null,
            defaultMinutes: input.defaultMinutes,
            priceMinor: input.priceMinor ?? null,
            currency: input.currency ?? null,
            checklist,
          },
          skills,
        )
        .catch(onUnique(() => nameTaken(name)));
      await emit(tx, 'ServiceTypeCreated', row);
      return row;
    });
  }

  async update(actor: Actor, id: string, input: UpdateServiceTypeInput): Promise<ServiceTypeRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    const name = input.name == null ? undefined : checkName(input.name);
    if (name !== undefined && name !== current.name) await this.checkNameFree(t, name, id);
    // Clearing the price clears its currency, unless a currency is given with it.
    const priceMinor = input.priceMinor === undefined ? current.priceMinor : input.priceMinor;
    const currency =
      input.currency !== undefined
        ? input.currency
        : input.priceMinor === null
          ? null
          : current.currency;
    checkPrice(priceMinor, currency);
    const checklist = input.checklist ? checkChecklist(input.checklist) : undefined;
    const skills = input.requiredSkills
      ? await this.checkSkills(t, input.requiredSkills)
      : undefined;
    return inTransaction(this.db, async (tx) => {
      const row = await this.repo
        .with(tx)
        .update(
          t.organizationId,
          current.id,
          {
            name,
            description:
              input.description === undefined ? undefined : input.description?.trim() || null,
            kind: input.kind,
            defaultMinutes: input.defaultMinutes ?? undefined,
            priceMinor,
            currency,
            checklist,
          },
          skills,
        )
        .catch(onUnique(() => nameTaken(name ?? current.name)));
      if (!row) throw serviceTypeNotFound(id);
      await emit(tx, 'ServiceTypeUpdated', row);
      return row;
    });
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<ServiceTypeRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    if (current.active === active) return current;
    return inTransaction(this.db, async (tx) => {
      const row = await this.repo
        .with(tx)
        .update(t.organizationId, current.id, { active }, undefined);
      if (!row) throw serviceTypeNotFound(id);
      await emit(tx, active ? 'ServiceTypeActivated' : 'ServiceTypeDeactivated', row);
      return row;
    });
  }

  private async checkNameFree(t: TenantActor, name: string, exceptId?: string): Promise<void> {
    const clash = await this.repo.findNameClash(t.organizationId, name, exceptId);
    if (clash) throw nameTaken(clash.name);
  }

  private async checkSkills(
    t: TenantActor,
    skills: ServiceTypeSkillInput[],
  ): Promise<{ skillId: string; minLevel: number }[]> {
    const ids = skills.map((s) => s.skillId);
    if (new Set(ids).size !== ids.length) {
      throw invalidServiceType('Each skill can be required only once', 'requiredSkills');
    }
    const existing = await this.repo.existingSkillIds(t.organizationId, ids);
    const missing = ids.find((id) => !existing.has(id));
    if (missing) {
      throw new CatalogError(CatalogErrorCode.SkillNotFound, `Skill ${missing} was not found`, {
        field: 'requiredSkills',
        id: missing,
      });
    }
    return skills.map((s) => ({ skillId: s.skillId, minLevel: s.minLevel ?? 1 }));
  }
}

const nameTaken = (name: string) =>
  new CatalogError(
    CatalogErrorCode.NameTaken,
    `A service type named "${name}" already exists; choose another name`,
    { field: 'name' },
  );
const skillNameTaken = (name: string) =>
  new CatalogError(CatalogErrorCode.SkillNameTaken, `A skill named "${name}" already exists`, {
    field: 'name',
  });

/** Turns a unique violation that slipped past the check (a concurrent create) into `error`. */
function onUnique(error: () => Error) {
  return (err: unknown): never => {
    if ((err as { code?: string })?.code === 'P2002') throw error();
    throw err;
  };
}

function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < NAME_MIN || name.length > NAME_MAX) {
    throw invalidServiceType(`Give a name of ${NAME_MIN} to ${NAME_MAX} characters`, 'name');
  }
  return name;
}

function checkPrice(priceMinor: number | null, currency: string | null): void {
  if ((priceMinor == null) !== (currency == null)) {
    throw invalidServiceType('Give a price and its currency together', 'currency');
  }
}

function checkChecklist(items: string[]): string[] {
  const checklist = items.map((i) => i.trim());
  if (checklist.length > CHECKLIST_MAX_ITEMS) {
    throw invalidServiceType(`A checklist has at most ${CHECKLIST_MAX_ITEMS} items`, 'checklist');
  }
  const bad = checklist.findIndex((i) => i.length === 0 || i.length > CHECKLIST_ITEM_MAX);
  if (bad >= 0) {
    throw invalidServiceType(
      `Checklist item ${bad + 1} must have 1 to ${CHECKLIST_ITEM_MAX} characters`,
      'checklist',
    );
  }
  return checklist;
}

function emit(tx: DbOrTx, type: string, row: ServiceTypeRow) {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'ServiceType',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      name: row.name,
      active: row.active,
      defaultMinutes: row.defaultMinutes,
      priceMinor: row.priceMinor,
      currency: row.currency,
      requiredSkillIds: row.requiredSkills.map((s) => s.skillId),
    },
  });
}
