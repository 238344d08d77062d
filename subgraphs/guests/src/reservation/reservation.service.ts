import {
  invalidInput,
  notFound,
  pageSize,
  toPage,
  type Actor,
  type Db,
  type Page,
} from '@attendant/kit';
import { groupBy, tenant } from '../shared/tenant';
import { ReservationRepository, type ReservationRow } from './reservation.repository';
import type { ReservationFilter } from './reservation.type';

/** How many reservations a guest lists inline, newest first; filter `reservations` by guest for all. */
export const GUEST_RESERVATIONS_LIMIT = 20;

export class ReservationService {
  private readonly repo: ReservationRepository;

  constructor(db: Db) {
    this.repo = new ReservationRepository(db);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<ReservationRow[]> {
    return this.repo.findByIds(tenant(actor), ids);
  }

  async get(actor: Actor, id: string): Promise<ReservationRow> {
    const [row] = await this.repo.findByIds(tenant(actor), [id]);
    if (!row) throw notFound('Reservation', id);
    return row;
  }

  /** The checked-in reservations of these rooms (at most one per room is expected). */
  currentForRooms(actor: Actor, roomIds: readonly string[]): Promise<ReservationRow[]> {
    return this.repo.findCheckedInByRoomIds(tenant(actor), roomIds);
  }

  /** The latest reservations of each guest, newest arrival first, grouped by guest id. */
  async recentForGuests(
    actor: Actor,
    guestIds: readonly string[],
  ): Promise<{ id: string; rows: ReservationRow[] }[]> {
    const rows = await this.repo.findRecentByGuestIds(
      tenant(actor),
      guestIds,
      GUEST_RESERVATIONS_LIMIT,
    );
    return groupBy(guestIds, rows, (r) => r.guestId);
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; filter?: ReservationFilter | null },
  ): Promise<Page<ReservationRow>> {
    const t = tenant(actor);
    const size = pageSize(args.first);
    const filter = args.filter ?? undefined;
    if (filter?.arrivalFrom && filter.arrivalTo && filter.arrivalTo <= filter.arrivalFrom) {
      throw invalidInput('arrivalTo must be after arrivalFrom', 'arrivalTo');
    }
    const { rows, totalCount } = await this.repo.page(t, {
      first: size,
      after: args.after,
      filter,
    });
    return toPage(rows, size, 'arrivalAt', totalCount);
  }
}
