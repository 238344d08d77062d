import { pageSize, toPage, type Actor, type Db, type Page, type TenantActor } from '@attendant/kit';
import { GuestIntelligence } from '../intelligence/guest-intelligence.service';
import { hasOpenConflicts, settleConflicts } from '../sync/conflict-settle';
import { fromLocalDate } from '../shared/ids';
import { SortDirection } from '../shared/sort';
import { groupBy, tenant } from '../shared/tenant';
import { GuestError, GuestErrorCode } from './guest.errors';
import { emitGuestEvent } from './guest.events';
import {
  preferenceList,
  profileChanges,
  stampFields,
  text,
  upper,
  type ProfileValues,
} from './guest.profile';
import { GuestRepository, type GuestRow } from './guest.repository';
import {
  GuestSortField,
  type CreateGuestInput,
  type GuestFilter,
  type GuestOrder,
  type UpdateGuestInput,
} from './guest.type';

const DEFAULT_ORDER: GuestOrder = { field: GuestSortField.LAST_NAME, direction: SortDirection.ASC };
/** How many guests a company lists inline; page through `guests` for more. */
export const COMPANY_GUESTS_LIMIT = 50;

export class GuestService {
  private readonly repo: GuestRepository;

  constructor(
    private readonly db: Db,
    private readonly intelligence: GuestIntelligence = new GuestIntelligence(db),
  ) {
    this.repo = new GuestRepository(db);
  }

  async get(actor: Actor, id: string): Promise<GuestRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw notFound(id);
    return row;
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<GuestRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  /** The first guests of each company, grouped by company id. */
  async forCompanies(
    actor: Actor,
    companyIds: readonly string[],
  ): Promise<{ id: string; rows: GuestRow[] }[]> {
    const rows = await this.repo.findByCompanyIds(tenant(actor), companyIds, COMPANY_GUESTS_LIMIT);
    return groupBy(companyIds, rows, (r) => r.companyId);
  }

  async countForCompanies(
    actor: Actor,
    companyIds: readonly string[],
  ): Promise<{ id: string; count: number }[]> {
    const counts = new Map(
      (await this.repo.countByCompanyIds(tenant(actor), companyIds)).map((c) => [
        c.companyId,
        c.count,
      ]),
    );
    return companyIds.map((id) => ({ id, count: counts.get(id) ?? 0 }));
  }

  fullName(row: Pick<GuestRow, 'firstName' | 'lastName'>): string {
    return `${row.firstName} ${row.lastName}`.trim();
  }

  async list(
    actor: Actor,
    args: {
      first?: number | null;
      after?: string | null;
      filter?: GuestFilter | null;
      orderBy?: GuestOrder | null;
    },
  ): Promise<Page<GuestRow>> {
    const size = pageSize(args.first);
    const orderBy = args.orderBy ?? DEFAULT_ORDER;
    const { rows, totalCount } = await this.repo.page(tenant(actor), {
      first: size,
      after: args.after,
      filter: args.filter ?? undefined,
      orderBy,
    });
    return toPage(rows, size, orderBy.field as keyof GuestRow, totalCount);
  }

  async create(actor: Actor, input: CreateGuestInput): Promise<GuestRow> {
    const t = tenant(actor);
    const email = normalizeEmail(input.email);
    await this.checkCompany(t, input.companyId);
    const values: ProfileValues = {
      kind: input.kind,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      title: text(input.title) ?? null,
      email,
      phone: input.phone?.trim() ?? null,
      language: input.language?.trim() ?? null,
      nationality: input.nationality?.toUpperCase() ?? null,
      birthDate: birthDate(input.birthDate),
      addressLine1: text(input.addressLine1) ?? null,
      city: text(input.city) ?? null,
      postalCode: text(input.postalCode) ?? null,
      countryCode: upper(input.countryCode) ?? null,
      preferences: preferenceList(input.preferences) ?? [],
      notes: input.notes ?? null,
      companyId: input.companyId ?? null,
      vipManual: input.vip,
    };
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      if (email) await checkEmailFree(repo, t, email);
      const changes = profileChanges(null, values);
      const created = await repo.create({
        organizationId: t.organizationId,
        ...values,
        fieldChangedAt: stampFields(
          {},
          changes.map((c) => c.field),
          new Date(),
        ),
      });
      const { guest } = await this.intelligence.refresh(
        tx,
        t.organizationId,
        created.id,
        'STAFF',
        t.userId,
      );
      await emitGuestEvent(tx, 'GuestCreated', guest);
      return guest;
    });
  }

  async update(actor: Actor, id: string, input: UpdateGuestInput): Promise<GuestRow> {
    const t = tenant(actor);
    await this.get(t, id);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    await this.checkCompany(t, input.companyId);
    const values: Partial<ProfileValues> = {
      kind: input.kind ?? undefined,
      firstName: input.firstName?.trim(),
      lastName: input.lastName?.trim(),
      title: text(input.title),
      email,
      phone: input.phone === undefined ? undefined : (input.phone?.trim() ?? null),
      language: input.language === undefined ? undefined : (input.language?.trim() ?? null),
      nationality:
        input.nationality === undefined ? undefined : (input.nationality?.toUpperCase() ?? null),
      birthDate: input.birthDate === undefined ? undefined : birthDate(input.birthDate),
      addressLine1: text(input.addressLine1),
      city: text(input.city),
      postalCode: text(input.postalCode),
      countryCode: upper(input.countryCode),
      preferences: preferenceList(input.preferences),
      notes: input.notes,
      companyId: input.companyId,
      vipManual: input.vip ?? undefined,
    };
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      // Locked while read and stamped: the Mews sync decides on this row under the same lock.
      await tx.$queryRawUnsafe(
        `SELECT 1 FROM "guests"."guest" WHERE "id" = $1::uuid AND "organizationId" = $2::uuid FOR UPDATE`,
        id,
        t.organizationId,
      );
      const [current] = await repo.findByIds(t, [id]);
      if (!current) throw notFound(id);
      if (email && email !== current.email?.toLowerCase())
        await checkEmailFree(repo, t, email, current.id);
      const changes = profileChanges(current, values);
      const changedFields = changes.map((c) => c.field);
      await repo.update(t, current.id, {
        ...values,
        ...(changes.length
          ? {
              fieldChangedAt: stampFields(
                current.fieldChangedAt,
                changedFields,
                editStamp(current.mewsUpdatedAt, current.mewsEchoAt),
              ),
            }
          : {}),
      });
      const { guest } = await this.intelligence.refresh(
        tx,
        t.organizationId,
        current.id,
        'STAFF',
        t.userId,
      );
      if (current.externalId && changes.length) {
        const settled = await settleConflicts(
          tx,
          t.organizationId,
          current.id,
          changedFields,
          'PLATFORM',
          t.userId ?? null,
        );
        if (settled > 0 && !(await hasOpenConflicts(tx, t.organizationId, current.id)))
          await repo.update(t, current.id, { syncStatus: 'PENDING' });
      }
      // A PMS-linked guest's audit shows staff edits beside what came from Mews.
      if (current.externalId && changes.length)
        await repo.audit({
          organizationId: t.organizationId,
          entityId: current.id,
          externalId: current.externalId,
          side: 'PLATFORM',
          source: 'STAFF',
          action: 'UPDATED',
          changes,
          actorId: t.userId,
        });
      await emitGuestEvent(tx, 'GuestUpdated', guest, { origin: 'PLATFORM', changedFields });
      return guest;
    });
  }

  /** The currency stay spend is kept in (the PMS's), or null when no PMS is connected. */
  spendCurrency(actor: Actor): Promise<string | null> {
    return this.repo.pmsCurrency(tenant(actor));
  }

  private async checkCompany(
    actor: TenantActor,
    companyId: string | null | undefined,
  ): Promise<void> {
    if (companyId && !(await this.repo.companyExists(actor, companyId))) {
      throw new GuestError(GuestErrorCode.CompanyNotFound, `Company ${companyId} was not found`, {
        field: 'companyId',
      });
    }
  }
}

/**
 * When a staff edit happened for the newest-wins rules: now, but never before a Mews version of
 * the guest already applied here (or our own push's echo) — Mews' clock may stamp one a moment
 * after our clock stamps an edit saved after it, and the edit would then look older than a
 * version it is not in, and never be sent.
 */
function editStamp(mewsUpdatedAt: Date | null, mewsEchoAt: Date | null): Date {
  const known = Math.max(mewsUpdatedAt?.getTime() ?? 0, mewsEchoAt?.getTime() ?? 0);
  return new Date(Math.max(Date.now(), known + 1));
}

const notFound = (id: string) =>
  new GuestError(GuestErrorCode.NotFound, `Guest ${id} was not found`, { id });

function normalizeEmail(email: string | null | undefined): string | null {
  return email?.trim().toLowerCase() || null;
}

function birthDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = fromLocalDate(value);
  if (date.getTime() > Date.now() || date.getUTCFullYear() < 1900) {
    throw new GuestError(
      GuestErrorCode.InvalidBirthDate,
      'Birth date must be between 1900-01-01 and today',
      {
        field: 'birthDate',
      },
    );
  }
  return date;
}

async function checkEmailFree(
  repo: GuestRepository,
  actor: TenantActor,
  email: string,
  exceptId?: string,
): Promise<void> {
  await repo.lockEmail(actor, email);
  const other = await repo.findByEmail(actor, email, exceptId);
  if (other) {
    throw new GuestError(
      GuestErrorCode.EmailTaken,
      `Another guest (${other.firstName} ${other.lastName}) already uses ${email}`,
      {
        field: 'email',
        guestId: other.id,
      },
    );
  }
}
