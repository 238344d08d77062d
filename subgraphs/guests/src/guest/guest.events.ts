import { recordEvent, type DbOrTx } from '@attendant/kit';
import type { GuestRow } from './guest.repository';

/** Which side a guest change came from: staff on the platform, the PMS, or the guest rules. */
export type GuestChangeOrigin = 'PLATFORM' | 'MEWS' | 'RULE';

/**
 * The event every guest change writes; the payload carries what subscription filters need and,
 * for updates, where the change came from and which profile fields it touched.
 */
export function emitGuestEvent(
  tx: DbOrTx,
  type: 'GuestCreated' | 'GuestUpdated',
  row: GuestRow,
  change?: { origin: GuestChangeOrigin; changedFields: string[] },
): Promise<string> {
  return recordEvent(tx, 'guests', {
    type,
    entityType: 'Guest',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      firstName: row.firstName,
      lastName: row.lastName,
      vip: row.vip,
      email: row.email,
      completeness: row.completeness,
      ...(change ?? {}),
    },
  });
}
