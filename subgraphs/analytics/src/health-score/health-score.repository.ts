import type { HealthScore as HealthScoreRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

export type { HealthScoreRow };

/** Health score queries. Every query is scoped to the actor's organization. */
export class HealthScoreRepository {
  constructor(private readonly db: DbOrTx) {}

  findByGuestIds(actor: TenantActor, guestIds: readonly string[]): Promise<HealthScoreRow[]> {
    return this.db.healthScore.findMany({
      where: { organizationId: actor.organizationId, guestId: { in: [...guestIds] } },
    });
  }
}
