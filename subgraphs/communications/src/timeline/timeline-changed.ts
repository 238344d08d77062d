import { recordEvent, type Tx } from '@attendant/kit';

/** The event the gateway's `guestTimelineChanged` subscription listens to. */
export const GUEST_TIMELINE_CHANGED = 'GuestTimelineChanged';

export type TimelineChange = 'ADDED' | 'CHANGED' | 'REMOVED';

/**
 * Announces that an entry of a guest's timeline appeared, changed or went (a note written,
 * edited, deleted or restored, another domain's change projected, an alert raised or
 * acknowledged), in the transaction that made the change. Messages need none: `messageChanged`
 * already carries them. The event names the guest, so an open timeline refetches its first page.
 */
export function recordTimelineChange(
  tx: Tx,
  change: { organizationId: string; guestId: string; entryId: string; change: TimelineChange },
): Promise<string> {
  return recordEvent(tx, 'communications', {
    type: GUEST_TIMELINE_CHANGED,
    entityType: 'GuestTimeline',
    entityId: change.guestId,
    organizationId: change.organizationId,
    payload: { guestId: change.guestId, entryId: change.entryId, change: change.change },
  });
}
