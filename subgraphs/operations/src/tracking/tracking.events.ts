import {
  createEventBus,
  pgBusNotification,
  type DomainEvent,
  type EventBus,
  type KitConfig,
  type Logger,
} from '@attendant/kit';
import { randomUUID } from 'node:crypto';

export const LOCATION_CHANGED = 'TechnicianLocationChanged';

/*
 * How a position reaches a dispatcher's map. Other domain events go through the outbox: written
 * in the change's transaction, published by the relay (NOTIFY wakes it), at least once. Positions
 * are published straight onto the event bus (the same PostgreSQL NOTIFY channel, or Redis, that
 * the relay publishes to and the gateways listen on) right after the position is committed:
 * - the event carries only ids; the gateway reads the committed position when it delivers, so
 *   publishing after the commit is what makes it see the new state;
 * - a position supersedes the previous one, so an event lost in a crash between commit and
 *   publish is repaired by the next ping seconds later, and clients refetch after a reconnect;
 *   the outbox's guarantee buys nothing here, while at 200 pings/s it would cost 200 outbox rows
 *   and 200 relay hand-offs (each also offered to pg-boss) a second, ~17 M rows a day, delaying
 *   every other operations event queued behind them;
 * - one NOTIFY (or PUBLISH) is sub-millisecond, so delivery is commit + the gateway's query; on
 *   the PostgreSQL bus the statement that saves the position sends the NOTIFY itself.
 * Status changes the geofence makes (ARRIVED) still go through WorkOrderService and the outbox.
 */
export class LocationEvents {
  private bus: EventBus | null = null;
  private closed = false;

  constructor(
    private readonly config: Pick<KitConfig, 'DATABASE_URL' | 'REDIS_URL'>,
    private readonly logger: Logger,
  ) {}

  /** The announcement of a technician's new position (ids only). */
  event(p: { organizationId: string; technicianId: string; teamId: string | null }): DomainEvent {
    return {
      id: randomUUID(),
      type: LOCATION_CHANGED,
      entityType: 'TechnicianPosition',
      entityId: p.technicianId,
      organizationId: p.organizationId,
      payload: { technicianId: p.technicianId, teamId: p.teamId },
      occurredAt: new Date().toISOString(),
    };
  }

  /**
   * On the PostgreSQL bus, the NOTIFY for the statement that saves the position to send itself:
   * one round trip less per fix, delivered at that statement's commit and only if it wrote the
   * position. Null on Redis: `publish` it after the commit instead.
   */
  inline(event: DomainEvent): { channel: string; payload: string } | null {
    return pgBusNotification(this.config.REDIS_URL, event);
  }

  /** Fire and forget: the pings are stored whatever happens to the announcement. */
  publish(event: DomainEvent): void {
    if (this.closed) return;
    // Opened on first use: building the schema (e.g. to compose) opens no connection.
    this.bus ??= createEventBus({
      databaseUrl: this.config.DATABASE_URL,
      redisUrl: this.config.REDIS_URL,
      logger: this.logger,
    });
    this.bus
      .publish(event)
      .catch((err: unknown) => this.logger.warn({ err }, 'location event not published'));
  }

  async close(): Promise<void> {
    this.closed = true;
    const bus = this.bus;
    this.bus = null;
    bus?.beginClose();
    await bus?.close();
  }
}
