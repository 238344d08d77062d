import type { WorkOrderStatus } from '@attendant/db';
import { tenant, type Actor, type Db } from '@attendant/kit';
import { createHash, randomBytes } from 'node:crypto';
import type { WorkOrderService } from '../work-order/work-order.service';
import { TrackingError, TrackingErrorCode, linkExpired, linkNotFound } from './tracking.errors';
import { TrackingRepository, type LinkRow } from './tracking.repository';
import type { OrgTrackingCache } from './tracking-settings';
import { PublicVisitStatus, type PublicPosition, type PublicVisit } from './tracking.type';

export const LINK_LIFETIME_MS = 24 * 3_600_000;
/** A closed job's page stays readable this long ("completed at 14:05"), then the link ends. */
const AFTER_CLOSE_MS = 3_600_000;
/** Calls closer together than this are one visit (the page polls every 10 s). */
export const VISIT_GAP_MS = 5 * 60_000;
/** An older position is not shown to the customer as "where the technician is". */
const PUBLIC_POSITION_MAX_AGE_MS = 30 * 60_000;
/** 32 random bytes in base64url are 43 characters; the page route accepts 40–60. */
export const TOKEN_FORMAT = /^[A-Za-z0-9_-]{40,60}$/;

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

const PUBLIC_STATUS: Readonly<Record<WorkOrderStatus, PublicVisitStatus>> = {
  NEW: PublicVisitStatus.SCHEDULED,
  SCHEDULED: PublicVisitStatus.SCHEDULED,
  DISPATCHED: PublicVisitStatus.SCHEDULED,
  EN_ROUTE: PublicVisitStatus.ON_THE_WAY,
  ARRIVED: PublicVisitStatus.ARRIVED,
  IN_PROGRESS: PublicVisitStatus.IN_PROGRESS,
  ON_HOLD: PublicVisitStatus.IN_PROGRESS,
  COMPLETED: PublicVisitStatus.COMPLETED,
  CANCELLED: PublicVisitStatus.CANCELLED,
};

/*
 * Tracking links. The token is shown once (in the URL) and only its SHA-256 is stored, so the
 * table cannot be turned back into working links. A link ends 24 h after it is made, when it is
 * revoked, or an hour after its job is completed or cancelled. The public view is built from an
 * allow-list: organization name, job number, status, the technician's first name and photo, the
 * ETA, the appointment, the destination and (when the organization allows it and the technician
 * is on the way or there) a recent position; never contact details, notes or customer data.
 */
export class TrackingLinkService {
  private readonly repo: TrackingRepository;

  constructor(
    db: Db,
    private readonly workOrders: WorkOrderService,
    private readonly orgs: OrgTrackingCache,
    private readonly publicBaseUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new TrackingRepository(db);
  }

  async create(actor: Actor, workOrderId: string): Promise<{ link: LinkRow; url: string }> {
    const t = tenant(actor);
    // Technicians see (and so may share) only their own jobs.
    const wo = await this.workOrders.get(t, workOrderId);
    if (wo.status === 'COMPLETED' || wo.status === 'CANCELLED')
      throw new TrackingError(
        TrackingErrorCode.WorkOrderClosed,
        `WO-${wo.number} is ${wo.status.toLowerCase()}; there is nothing left to follow`,
        { field: 'workOrderId' },
      );
    const token = newToken();
    const link = await this.repo.createLink({
      organizationId: t.organizationId,
      workOrderId: wo.id,
      tokenHash: hashToken(token),
      createdById: t.userId,
      expiresAt: new Date(this.now().getTime() + LINK_LIFETIME_MS),
    });
    return { link, url: `${this.publicBaseUrl}/track/${token}` };
  }

  async revoke(actor: Actor, id: string): Promise<LinkRow> {
    const t = tenant(actor);
    const link = await this.repo.link(t.organizationId, id);
    if (!link) throw linkNotFound();
    await this.workOrders.get(t, link.workOrderId);
    if (link.revokedAt) return link;
    return this.repo.revokeLink(t.organizationId, link.id, this.now());
  }

  linksOf(actor: Actor, workOrderIds: readonly string[]): Promise<LinkRow[]> {
    return this.repo.linksOfWorkOrders(tenant(actor).organizationId, workOrderIds);
  }

  /** The public page's data; anyone holding the token may ask. */
  async visit(token: string): Promise<PublicVisit> {
    if (!TOKEN_FORMAT.test(token)) throw linkNotFound();
    const link = await this.repo.linkByTokenHash(hashToken(token));
    if (!link) throw linkNotFound();
    const org = link.organizationId;
    const wo = await this.repo.workOrder(org, link.workOrderId);
    if (!wo) throw linkNotFound();
    const now = this.now();
    const closedAt =
      wo.status === 'COMPLETED'
        ? (wo.completedAt ?? wo.updatedAt)
        : wo.status === 'CANCELLED'
          ? (wo.cancelledAt ?? wo.updatedAt)
          : null;
    const expiresAt = new Date(
      Math.min(link.expiresAt.getTime(), closedAt ? closedAt.getTime() + AFTER_CLOSE_MS : Infinity),
    );
    if (link.revokedAt || now >= expiresAt) throw linkExpired();
    await this.repo.recordView(org, link.id, now, VISIT_GAP_MS);

    const [tracking, technician, position, site] = await Promise.all([
      this.orgs.get(org),
      wo.technicianId ? this.repo.technician(org, wo.technicianId) : null,
      wo.technicianId ? this.repo.position(org, wo.technicianId) : null,
      wo.siteId ? this.repo.site(org, wo.siteId) : null,
    ]);
    const onTheWay = wo.status === 'EN_ROUTE';
    const shown =
      position &&
      tracking.settings.publicShowsPosition &&
      (onTheWay || wo.status === 'ARRIVED') &&
      now.getTime() - position.recordedAt.getTime() <= PUBLIC_POSITION_MAX_AGE_MS
        ? position
        : null;
    const publicPosition: PublicPosition | null = shown
      ? { lat: shown.lat, lng: shown.lng, recordedAt: shown.recordedAt }
      : null;
    return {
      organizationName: tracking.name,
      workOrderNumber: wo.number,
      status: PUBLIC_STATUS[wo.status],
      technicianFirstName: technician ? firstName(technician.name) : null,
      technicianPhotoUrl: technician?.photoUrl ?? null,
      etaAt: onTheWay && position?.nextWorkOrderId === wo.id ? position.etaAt : null,
      scheduledStart: wo.scheduledStart,
      windowStart: wo.windowStart,
      windowEnd: wo.windowEnd,
      position: publicPosition,
      destination: site ? { lat: site.lat, lng: site.lng, recordedAt: null } : null,
      updatedAt: new Date(Math.max(wo.updatedAt.getTime(), shown?.recordedAt.getTime() ?? 0)),
      expiresAt,
    };
  }
}

const firstName = (name: string): string | null => name.trim().split(/\s+/)[0] || null;
