import type { WorkOrderTrackingLinkFieldsFragment } from '../generated/graphql';

export type TrackingLinkRow = WorkOrderTrackingLinkFieldsFragment;
export type TrackingLinkState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** Revoked wins over expired: it says someone stopped it. */
export function linkState(link: TrackingLinkRow, now: number = Date.now()): TrackingLinkState {
  if (link.revokedAt) return 'REVOKED';
  return Date.parse(link.expiresAt) <= now ? 'EXPIRED' : 'ACTIVE';
}

/** Newest first. */
export function sortLinks(links: readonly TrackingLinkRow[]): TrackingLinkRow[] {
  return [...links].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
