import {
  recordEvent,
  tenant,
  type Actor,
  type Db,
  type DbOrTx,
  type TenantActor,
} from '@attendant/kit';
import { DateTime } from 'luxon';
import { AvailabilityService, type TimeWindow } from './availability.service';
import { CalendarRepository, type CertificationRow, type TimeOffRow } from './calendar.repository';
import type { CertificationInput, TimeOffInput } from './calendar.type';
import { PeopleError, PeopleErrorCode, peopleNotFound } from './people.errors';

export type { TimeOffRow };

export interface CertificationView {
  id: string;
  technicianId: string;
  name: string;
  issuedOn: string | null;
  expiresOn: string | null;
  expired: boolean;
  expiresSoon: boolean;
}

const MAX_TIME_OFF_DAYS = 60;
const MAX_AVAILABILITY_DAYS = 62;
const EXPIRES_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/** `@db.Date` values are UTC midnights; clients see and send `YYYY-MM-DD`. */
const toLocalDate = (value: Date | null): string | null =>
  value ? value.toISOString().slice(0, 10) : null;
const fromLocalDate = (value: string): Date => new Date(`${value}T00:00:00.000Z`);

/** Expiry flags of a certification whose last valid day is `expiresOn`, as seen on `today`. */
export function certificationFlags(
  expiresOn: string | null,
  today: string,
): { expired: boolean; expiresSoon: boolean } {
  if (!expiresOn) return { expired: false, expiresSoon: false };
  const soon = DateTime.fromISO(today, { zone: 'UTC' })
    .plus({ days: EXPIRES_SOON_DAYS })
    .toISODate()!;
  const expired = expiresOn < today;
  return { expired, expiresSoon: !expired && expiresOn <= soon };
}

/** Certifications, time off and availability of technicians: their calendar. */
export class CalendarService {
  private readonly repo: CalendarRepository;
  private readonly availabilityService: AvailabilityService;

  constructor(private readonly db: Db) {
    this.repo = new CalendarRepository(db);
    this.availabilityService = new AvailabilityService(db);
  }

  async certificationsOf(
    actor: Actor,
    technicianIds: readonly string[],
    now = new Date(),
  ): Promise<CertificationView[]> {
    const t = tenant(actor);
    const [rows, today] = await Promise.all([
      this.repo.certificationsOf(t, technicianIds),
      this.today(t, now),
    ]);
    return rows.map((row) => view(row, today));
  }

  async addCertification(
    actor: Actor,
    technicianId: string,
    input: CertificationInput,
  ): Promise<CertificationView> {
    const t = tenant(actor);
    await this.requireTechnician(t, technicianId);
    const name = input.name.trim();
    if (name.length < 2 || name.length > 80) {
      throw invalid(
        PeopleErrorCode.InvalidCertification,
        'Give a name of 2 to 80 characters',
        'name',
      );
    }
    if (input.issuedOn && input.expiresOn && input.expiresOn < input.issuedOn) {
      throw invalid(
        PeopleErrorCode.InvalidCertification,
        'A certification cannot expire before it is issued',
        'expiresOn',
      );
    }
    const today = await this.today(t, new Date());
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).createCertification({
        organizationId: t.organizationId,
        technicianId,
        name,
        issuedOn: input.issuedOn ? fromLocalDate(input.issuedOn) : null,
        expiresOn: input.expiresOn ? fromLocalDate(input.expiresOn) : null,
      });
      await emit(tx, t, technicianId, { changed: ['certifications'], certificationId: row.id });
      return view(row, today);
    });
  }

  async removeCertification(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    const row = await this.repo.findCertification(t, id);
    if (!row) throw peopleNotFound(PeopleErrorCode.CertificationNotFound, 'Certification', id);
    await this.db.$transaction(async (tx) => {
      await this.repo.with(tx).deleteCertification(t, id);
      await emit(tx, t, row.technicianId, { changed: ['certifications'], certificationId: id });
    });
    return true;
  }

  /** Time off overlapping [from, to); `from` defaults to now, `to` is open when not given. */
  /**
   * Time off of the given technicians. Reasons can be private (sick leave): a technician sees
   * their own and only "Time off" for colleagues; the office sees them all.
   */
  async timeOffOf(
    actor: Actor,
    technicianIds: readonly string[],
    from: Date | null | undefined,
    to: Date | null | undefined,
  ): Promise<TimeOffRow[]> {
    const t = tenant(actor);
    const rows = await this.repo.timeOffOf(t, technicianIds, from ?? new Date(), to ?? null);
    if (!t.roles.every((r) => r === 'TECHNICIAN')) return rows;
    const own = t.userId
      ? await this.db.technician.findFirst({
          where: { organizationId: t.organizationId, userId: t.userId },
          select: { id: true },
        })
      : null;
    return rows.map((r) => (r.technicianId === own?.id ? r : { ...r, reason: 'Time off' }));
  }

  async addTimeOff(actor: Actor, technicianId: string, input: TimeOffInput): Promise<TimeOffRow> {
    const t = tenant(actor);
    await this.requireTechnician(t, technicianId);
    const { startsAt, endsAt } = input;
    const reason = input.reason.trim();
    if (reason.length < 2 || reason.length > 200) {
      throw invalid(
        PeopleErrorCode.InvalidTimeOff,
        'Give a reason of 2 to 200 characters',
        'reason',
      );
    }
    if (endsAt <= startsAt) {
      throw invalid(PeopleErrorCode.InvalidTimeOff, 'Time off must end after it starts', 'endsAt');
    }
    if (endsAt.getTime() - startsAt.getTime() > MAX_TIME_OFF_DAYS * DAY_MS) {
      throw invalid(
        PeopleErrorCode.InvalidTimeOff,
        `Time off can last at most ${MAX_TIME_OFF_DAYS} days; add longer absences in parts`,
        'endsAt',
      );
    }
    const zone = await this.availabilityService.timezone(t.organizationId);
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      // Two overlapping requests at once must not both pass the overlap check.
      await repo.lockTechnician(t, technicianId);
      const [clash] = await repo.timeOffOf(t, [technicianId], startsAt, endsAt);
      if (clash) {
        throw new PeopleError(
          PeopleErrorCode.TimeOffOverlap,
          `This overlaps time off from ${local(clash.startsAt, zone)} to ${local(clash.endsAt, zone)} (${clash.reason})`,
          {
            field: 'startsAt',
            overlapping: {
              id: clash.id,
              startsAt: clash.startsAt.toISOString(),
              endsAt: clash.endsAt.toISOString(),
            },
          },
        );
      }
      const row = await repo.createTimeOff({
        organizationId: t.organizationId,
        technicianId,
        startsAt,
        endsAt,
        reason,
      });
      await emit(tx, t, technicianId, {
        changed: ['timeOff'],
        timeOffId: row.id,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      });
      return row;
    });
  }

  async removeTimeOff(actor: Actor, id: string): Promise<boolean> {
    const t = tenant(actor);
    const row = await this.repo.findTimeOff(t, id);
    if (!row) throw peopleNotFound(PeopleErrorCode.TimeOffNotFound, 'Time off', id);
    await this.db.$transaction(async (tx) => {
      await this.repo.with(tx).deleteTimeOff(t, id);
      await emit(tx, t, row.technicianId, { changed: ['timeOff'], timeOffId: id });
    });
    return true;
  }

  /** Working windows per technician within [from, to) (at most 62 days). */
  availability(
    actor: Actor,
    technicianIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, TimeWindow[]>> {
    const t = tenant(actor);
    if (to <= from) {
      throw invalid(PeopleErrorCode.InvalidRange, 'The range must end after it starts', 'to');
    }
    if (to.getTime() - from.getTime() > MAX_AVAILABILITY_DAYS * DAY_MS) {
      throw invalid(
        PeopleErrorCode.InvalidRange,
        `Ask for at most ${MAX_AVAILABILITY_DAYS} days of availability at once`,
        'to',
      );
    }
    return this.availabilityService.workingWindows(t.organizationId, technicianIds, from, to);
  }

  private async requireTechnician(t: TenantActor, id: string): Promise<void> {
    if (!(await this.repo.technicianExists(t, id))) {
      throw peopleNotFound(PeopleErrorCode.TechnicianNotFound, 'Technician', id);
    }
  }

  private async today(t: TenantActor, now: Date): Promise<string> {
    const zone = await this.availabilityService.timezone(t.organizationId);
    return DateTime.fromJSDate(now, { zone }).toISODate()!;
  }
}

function view(row: CertificationRow, today: string): CertificationView {
  const expiresOn = toLocalDate(row.expiresOn);
  return {
    id: row.id,
    technicianId: row.technicianId,
    name: row.name,
    issuedOn: toLocalDate(row.issuedOn),
    expiresOn,
    ...certificationFlags(expiresOn, today),
  };
}

const invalid = (code: PeopleErrorCode, message: string, field: string) =>
  new PeopleError(code, message, { field });

const local = (value: Date, zone: string) =>
  DateTime.fromJSDate(value, { zone }).toFormat('yyyy-MM-dd HH:mm');

function emit(
  tx: DbOrTx,
  actor: TenantActor,
  technicianId: string,
  payload: Record<string, unknown>,
) {
  return recordEvent(tx, 'operations', {
    type: 'TechnicianUpdated',
    entityType: 'Technician',
    entityId: technicianId,
    organizationId: actor.organizationId,
    payload: { ...payload, actorUserId: actor.userId },
  });
}
