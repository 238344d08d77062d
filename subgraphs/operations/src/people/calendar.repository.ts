import type { Prisma, TechnicianCertification, TechnicianTimeOff } from '@attendant/db';
import { isUuid, type DbOrTx, type TenantActor } from '@attendant/kit';

export type CertificationRow = TechnicianCertification;
export type TimeOffRow = TechnicianTimeOff;

/** Certifications and time off; every query is scoped to the actor's organization. */
export class CalendarRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): CalendarRepository {
    return new CalendarRepository(tx);
  }

  async technicianExists(actor: TenantActor, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const row = await this.db.technician.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: { id: true },
    });
    return row !== null;
  }

  /** Serializes writes to one technician's calendar (call inside a transaction). */
  async lockTechnician(actor: TenantActor, id: string): Promise<void> {
    await this.db.$queryRaw`
      SELECT id FROM operations.technician
      WHERE id = ${id}::uuid AND "organizationId" = ${actor.organizationId}::uuid
      FOR UPDATE`;
  }

  certificationsOf(actor: TenantActor, technicianIds: readonly string[]) {
    return this.db.technicianCertification.findMany({
      where: {
        organizationId: actor.organizationId,
        technicianId: { in: technicianIds.filter(isUuid) },
      },
      orderBy: [{ expiresOn: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }],
    });
  }

  findCertification(actor: TenantActor, id: string): Promise<CertificationRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.technicianCertification.findFirst({
      where: { id, organizationId: actor.organizationId },
    });
  }

  createCertification(
    data: Prisma.TechnicianCertificationUncheckedCreateInput,
  ): Promise<CertificationRow> {
    return this.db.technicianCertification.create({ data });
  }

  async deleteCertification(actor: TenantActor, id: string): Promise<void> {
    await this.db.technicianCertification.delete({
      where: { id, organizationId: actor.organizationId },
    });
  }

  /** Time off overlapping [from, to); either bound may be open. */
  timeOffOf(
    actor: TenantActor,
    technicianIds: readonly string[],
    from: Date | null,
    to: Date | null,
  ): Promise<TimeOffRow[]> {
    return this.db.technicianTimeOff.findMany({
      where: {
        organizationId: actor.organizationId,
        technicianId: { in: technicianIds.filter(isUuid) },
        ...(to ? { startsAt: { lt: to } } : {}),
        ...(from ? { endsAt: { gt: from } } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
  }

  findTimeOff(actor: TenantActor, id: string): Promise<TimeOffRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.technicianTimeOff.findFirst({
      where: { id, organizationId: actor.organizationId },
    });
  }

  createTimeOff(data: Prisma.TechnicianTimeOffUncheckedCreateInput): Promise<TimeOffRow> {
    return this.db.technicianTimeOff.create({ data });
  }

  async deleteTimeOff(actor: TenantActor, id: string): Promise<void> {
    await this.db.technicianTimeOff.delete({
      where: { id, organizationId: actor.organizationId },
    });
  }
}
