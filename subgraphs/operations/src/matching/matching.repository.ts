import type { Prisma } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';

const technicianInclude = {
  skills: { include: { skill: true } },
} satisfies Prisma.TechnicianInclude;
export type CandidateTechnicianRow = Prisma.TechnicianGetPayload<{
  include: typeof technicianInclude;
}>;

const CLOSED = ['COMPLETED', 'CANCELLED'] as const;

/** What matching reads. Every query is scoped to the organization. */
export class MatchingRepository {
  constructor(private readonly db: DbOrTx) {}

  workOrder(organizationId: string, id: string) {
    return this.db.workOrder.findFirst({ where: { id, organizationId } });
  }

  organization(organizationId: string) {
    return this.db.organization.findUnique({
      where: { id: organizationId },
      select: { timezone: true, currency: true },
    });
  }

  site(organizationId: string, siteId: string) {
    return this.db.siteProjection.findFirst({ where: { organizationId, siteId } });
  }

  technicians(organizationId: string): Promise<CandidateTechnicianRow[]> {
    return this.db.technician.findMany({
      where: { organizationId },
      include: technicianInclude,
      orderBy: { name: 'asc' },
    });
  }

  /** Open jobs of these technicians overlapping [from, to), other than `exceptId`. */
  busy(
    organizationId: string,
    technicianIds: readonly string[],
    from: Date,
    to: Date,
    exceptId: string,
  ) {
    return this.db.workOrder.findMany({
      where: {
        organizationId,
        technicianId: { in: [...technicianIds] },
        id: { not: exceptId },
        status: { notIn: [...CLOSED] },
        scheduledStart: { lt: to },
        scheduledEnd: { gt: from },
      },
      select: { technicianId: true, scheduledStart: true, scheduledEnd: true },
    });
  }
}
