import { pageSize, recordEvent, toPage, type Actor, type Db, type Page } from '@attendant/kit';
import { recordTimelineChange } from '../timeline/timeline-changed';
import { isUuid, tenant } from '../shared/actors';
import { AlertError, AlertErrorCode } from './alert.errors';
import { AlertRepository, type AlertFilter, type AlertRow } from './alert.repository';

export class AlertService {
  private readonly repo: AlertRepository;

  constructor(private readonly db: Db) {
    this.repo = new AlertRepository(db);
  }

  async get(actor: Actor, id: string): Promise<AlertRow> {
    const row = isUuid(id) ? await this.repo.findById(tenant(actor), id) : null;
    if (!row) throw new AlertError(AlertErrorCode.NotFound, `Alert ${id} was not found`, { id });
    return row;
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<AlertRow[]> {
    return this.repo.findByIds(tenant(actor), ids.filter(isUuid));
  }

  async list(
    actor: Actor,
    args: {
      first?: number | null;
      after?: string | null;
      unacknowledgedOnly?: boolean | null;
    } & AlertFilter,
  ): Promise<Page<AlertRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(tenant(actor), {
      ...args,
      first: size,
      unacknowledgedOnly: args.unacknowledgedOnly ?? false,
    });
    return toPage(rows, size, 'createdAt', totalCount);
  }

  /** Acknowledges an alert; acknowledging it again changes nothing. */
  async acknowledge(actor: Actor, id: string): Promise<AlertRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    if (current.acknowledgedAt) return current;
    return this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      const at = new Date();
      const changed = await repo.acknowledge(t, id, at);
      await repo.readNotificationsOf(t, id, at);
      const row = (await repo.findById(t, id))!;
      if (changed) {
        await recordEvent(tx, 'communications', {
          type: 'AlertAcknowledged',
          entityType: 'Alert',
          entityId: row.id,
          organizationId: row.organizationId,
          payload: {
            severity: row.severity,
            kind: row.kind,
            acknowledgedById: row.acknowledgedById,
          },
        });
        if (row.entityType === 'Guest' && row.entityId)
          await recordTimelineChange(tx, {
            organizationId: row.organizationId,
            guestId: row.entityId,
            entryId: row.id,
            change: 'CHANGED',
          });
      }
      return row;
    });
  }
}
