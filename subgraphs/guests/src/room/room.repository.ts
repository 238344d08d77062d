import type { Prisma, Room as RoomRow, RoomState } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';
import { validIds } from '../shared/ids';

export type { RoomRow };

/** Room queries. Every query is scoped to the actor's organization. */
export class RoomRepository {
  constructor(private readonly db: DbOrTx) {}

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<RoomRow[]> {
    return this.db.room.findMany({
      where: { id: { in: validIds(ids) }, organizationId: actor.organizationId },
    });
  }

  findAll(
    actor: TenantActor,
    filter: { floor?: number | null; state?: RoomState | null },
  ): Promise<RoomRow[]> {
    const where: Prisma.RoomWhereInput = { organizationId: actor.organizationId };
    if (filter.floor != null) where.floor = filter.floor;
    if (filter.state) where.state = filter.state;
    return this.db.room.findMany({ where, orderBy: [{ floor: 'asc' }, { number: 'asc' }] });
  }
}
