import type { DomainEvent, Role } from '@attendant/kit';

/** How a `Subscription` field maps to domain events and to the query that resolves its entity. */
export interface SubscriptionField {
  entityType: string;
  /** Root query field taking `id: ID!` that returns the entity. */
  queryField: string;
  roles: readonly Role[];
  matches(filter: Record<string, unknown> | undefined, event: DomainEvent): boolean;
  /**
   * Personal entities (a user's notifications): only events naming the subscriber's own user id
   * in `payload.userId` are delivered, and executions are shared per user only.
   */
  personal?: boolean;
  /**
   * For entities whose every event supersedes the previous one (a position): events arriving
   * within this many milliseconds are resolved together in one query, the latest per entity.
   */
  coalesceMs?: number;
}

const eq = (want: unknown, got: unknown) => want === undefined || want === null || want === got;

export const SUBSCRIPTION_FIELDS: Record<string, SubscriptionField> = {
  workOrderChanged: {
    entityType: 'WorkOrder',
    queryField: 'workOrder',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) =>
      eq(f?.['id'], e.entityId) &&
      eq(f?.['technicianId'], e.payload['technicianId']) &&
      eq(f?.['guestId'], e.payload['guestId']) &&
      (!Array.isArray(f?.['status']) ||
        f['status'].length === 0 ||
        f['status'].includes(e.payload['status'])),
  },
  scheduleSuggestionChanged: {
    entityType: 'ScheduleSuggestion',
    queryField: 'scheduleSuggestion',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) => eq(f?.['day'], e.payload['day']),
  },
  technicianLocationChanged: {
    entityType: 'TechnicianPosition',
    queryField: 'technicianPosition',
    // Where people are is for the office; technicians read their own position over HTTP.
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'],
    matches: (f, e) =>
      eq(f?.['technicianId'], e.payload['technicianId']) && eq(f?.['teamId'], e.payload['teamId']),
    // A fleet pings hundreds of times a second: one query per quarter second, not per ping.
    coalesceMs: 250,
  },
  reservationChanged: {
    entityType: 'Reservation',
    queryField: 'reservation',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) => {
      const at =
        typeof e.payload['arrivalAt'] === 'string' ? Date.parse(e.payload['arrivalAt']) : NaN;
      const from = typeof f?.['arrivalFrom'] === 'string' ? Date.parse(f['arrivalFrom']) : null;
      const to = typeof f?.['arrivalTo'] === 'string' ? Date.parse(f['arrivalTo']) : null;
      return eq(f?.['id'], e.entityId) && (from === null || at >= from) && (to === null || at < to);
    },
  },
  syncRunChanged: {
    entityType: 'SyncRun',
    queryField: 'syncRun',
    roles: ['ADMIN', 'MANAGER'],
    matches: (f, e) => eq(f?.['id'], e.entityId),
  },
  messageChanged: {
    entityType: 'Message',
    queryField: 'message',
    // Conversations are office work; technicians do not read guests' messages.
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) =>
      eq(f?.['guestId'], e.payload['guestId']) &&
      eq(f?.['conversationId'], e.payload['conversationId']),
  },
  guestTimelineChanged: {
    entityType: 'GuestTimeline',
    queryField: 'guest',
    // Whoever reads the timeline (see communications' messageReader).
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) => eq(f?.['guestId'], e.entityId),
    // A PMS sync can touch a guest many times at once: one delivery per burst.
    coalesceMs: 300,
  },
  notificationReceived: {
    entityType: 'Notification',
    queryField: 'notification',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST'],
    personal: true,
    matches: (_f, e) => e.type === 'NotificationCreated',
  },
  guestChanged: {
    entityType: 'Guest',
    queryField: 'guest',
    roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'],
    matches: (f, e) => eq(f?.['id'], e.entityId) && eq(f?.['vip'], e.payload['vip']),
  },
};
