import type { RoomState } from '@attendant/db';
import { notFound, type Actor, type Db } from '@attendant/kit';
import { tenant } from '../shared/tenant';
import { RoomRepository, type RoomRow } from './room.repository';

export class RoomService {
  private readonly repo: RoomRepository;

  constructor(db: Db) {
    this.repo = new RoomRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<RoomRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  async get(actor: Actor, id: string): Promise<RoomRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw notFound('Room', id);
    return row;
  }

  list(
    actor: Actor,
    filter: { floor?: number | null; state?: RoomState | null },
  ): Promise<RoomRow[]> {
    return this.repo.findAll(tenant(actor), filter);
  }
}
