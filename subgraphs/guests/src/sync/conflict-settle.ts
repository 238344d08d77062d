import type { Tx } from '@attendant/kit';

/**
 * A newer edit of a field settles the open conflicts about that field: the conflict was about
 * values neither side holds any more, and a manager keeping one of them later would bring a
 * stale value back (and leave the platform and Mews apart). A staff edit settles them for the
 * platform, a newer Mews value for Mews; the audit keeps the edit itself.
 */
export async function settleConflicts(
  tx: Tx,
  organizationId: string,
  guestId: string,
  fields: readonly string[],
  resolution: 'PLATFORM' | 'MEWS',
  resolvedById: string | null,
): Promise<number> {
  if (fields.length === 0) return 0;
  const { count } = await tx.syncConflict.updateMany({
    where: {
      organizationId,
      entityType: 'Guest',
      entityId: guestId,
      status: 'OPEN',
      field: { in: [...fields] },
    },
    data: { status: 'RESOLVED', resolution, resolvedAt: new Date(), resolvedById },
  });
  return count;
}

/** Whether the guest still has conflicts a manager must settle. */
export async function hasOpenConflicts(tx: Tx, organizationId: string, guestId: string) {
  return (
    (await tx.syncConflict.count({
      where: { organizationId, entityType: 'Guest', entityId: guestId, status: 'OPEN' },
    })) > 0
  );
}
