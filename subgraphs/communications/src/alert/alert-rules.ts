import type { AlertKind, AlertRule, AlertSeverity, Channel } from '@attendant/db';
import type { DomainEvent } from '@attendant/kit';
import { quietHoursRelease } from '../sms/quiet-hours';

/** How one kind of alert is raised and routed: the stored rule, or the defaults. */
export type RuleSettings = Pick<
  AlertRule,
  | 'kind'
  | 'enabled'
  | 'severity'
  | 'recipientRoles'
  | 'recipientUserIds'
  | 'ackTimeoutMinutes'
  | 'escalationUserIds'
  | 'escalateToManagers'
  | 'leadHours'
  | 'threshold'
> & { id: string | null };

const DEFAULTS = {
  enabled: true,
  recipientRoles: ['MANAGER', 'DISPATCHER'],
  recipientUserIds: [],
  ackTimeoutMinutes: 15,
  escalationUserIds: [],
  escalateToManagers: true,
  leadHours: 24,
  threshold: 60,
} as const;

export const ALERT_KINDS: readonly AlertKind[] = [
  'SLA_AT_RISK',
  'VIP_ARRIVAL_OPEN_ORDERS',
  'SYNC_FAILED',
  'MESSAGE_DELIVERY_FAILED',
  'LOW_COMPLETENESS_BEFORE_ARRIVAL',
];

const DEFAULT_SEVERITY: Record<AlertKind, AlertSeverity> = {
  SLA_AT_RISK: 'WARNING',
  VIP_ARRIVAL_OPEN_ORDERS: 'WARNING',
  SYNC_FAILED: 'CRITICAL',
  MESSAGE_DELIVERY_FAILED: 'WARNING',
  LOW_COMPLETENESS_BEFORE_ARRIVAL: 'INFO',
};

/** The organization's rule for a kind, or the defaults when it never changed it. */
export function ruleFor(kind: AlertKind, stored: AlertRule | null | undefined): RuleSettings {
  if (stored) return stored;
  return {
    id: null,
    kind,
    severity: DEFAULT_SEVERITY[kind],
    ...DEFAULTS,
    recipientRoles: [...DEFAULTS.recipientRoles],
    recipientUserIds: [],
    escalationUserIds: [],
  };
}

/** What an event (or a due check) asks to raise; the key makes it once per organization. */
export interface AlertCandidate {
  kind: AlertKind;
  dedupeKey: string;
  title: string;
  body: string | null;
  entityType: string;
  entityId: string;
  /** Raised at least this severe, whatever the rule says (a breached SLA). */
  minSeverity?: AlertSeverity;
}

export const ALERT_SOURCE_EVENTS = [
  'WorkOrderSlaAtRisk',
  'WorkOrderSlaBreached',
  'SyncRunProgressed',
  'MessageStatusChanged',
];

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const jobName = (p: Record<string, unknown>) =>
  [typeof p['number'] === 'number' ? `#${p['number']}` : null, str(p['title'])]
    .filter(Boolean)
    .join(' ') || 'a work order';

/** The alert an event raises at once, or null (arrival kinds are planned checks instead). */
export function candidateOf(e: DomainEvent): AlertCandidate | null {
  const p = e.payload;
  switch (e.type) {
    case 'WorkOrderSlaAtRisk':
    case 'WorkOrderSlaBreached': {
      const breached = e.type === 'WorkOrderSlaBreached';
      const due = str(p['slaDueAt']);
      return {
        kind: 'SLA_AT_RISK',
        dedupeKey: `WorkOrder:${e.entityId}:${breached ? 'sla-breached' : 'sla-at-risk'}`,
        title: `${breached ? 'SLA breached' : 'SLA at risk'}: ${jobName(p)}`,
        body: due ? `Due ${due}; status ${String(p['status'] ?? 'unknown')}` : null,
        entityType: 'WorkOrder',
        entityId: e.entityId,
        ...(breached ? { minSeverity: 'CRITICAL' as const } : {}),
      };
    }
    case 'SyncRunProgressed':
      if (p['status'] !== 'FAILED') return null;
      return {
        kind: 'SYNC_FAILED',
        dedupeKey: `SyncRun:${e.entityId}:failed`,
        title: `PMS sync failed (${String(p['kind'] ?? 'sync').toLowerCase()})`,
        body: str(p['error']),
        entityType: 'SyncRun',
        entityId: e.entityId,
      };
    case 'MessageStatusChanged': {
      const status = p['status'];
      if (p['direction'] !== 'OUTBOUND' || (status !== 'FAILED' && status !== 'UNDELIVERED'))
        return null;
      const guestId = str(p['guestId']);
      return {
        kind: 'MESSAGE_DELIVERY_FAILED',
        // FAILED then UNDELIVERED (or a duplicate callback) is still one alert per message.
        dedupeKey: `Message:${e.entityId}:failed`,
        title: `${String(p['channel'] ?? 'Message')} ${String(status).toLowerCase()}`,
        body: `An outbound message could not be delivered (message ${e.entityId})`,
        // On the guest's timeline when there is a guest.
        entityType: guestId ? 'Guest' : 'Message',
        entityId: guestId ?? e.entityId,
      };
    }
    default:
      return null;
  }
}

/** Checks planned before an arrival. */
export const ARRIVAL_KINDS: readonly AlertKind[] = [
  'VIP_ARRIVAL_OPEN_ORDERS',
  'LOW_COMPLETENESS_BEFORE_ARRIVAL',
];
/** Reservations whose arrival still matters. */
export const UPCOMING_STATUSES = new Set(['CONFIRMED', 'INQUIRED']);

export interface ArrivalFacts {
  reservationId: string;
  arrivalAt: Date;
  status: string;
  guestId: string | null;
  guestName: string | null;
  roomNumber: string | null;
  vip: boolean;
  completeness: number | null;
  openOrders: { number: number | null; title: string | null }[];
}

/** Evaluates a due arrival check: the alert to raise, or null. */
export function arrivalCandidate(
  kind: AlertKind,
  f: ArrivalFacts,
  rule: RuleSettings,
  now: Date,
): AlertCandidate | null {
  if (!UPCOMING_STATUSES.has(f.status) || f.arrivalAt <= now || !f.guestId) return null;
  const who = f.guestName ?? 'A guest';
  const room = f.roomNumber ? ` (room ${f.roomNumber})` : '';
  const base = { entityType: 'Guest', entityId: f.guestId };
  if (kind === 'VIP_ARRIVAL_OPEN_ORDERS') {
    if (!f.vip || f.openOrders.length === 0) return null;
    const list = f.openOrders
      .slice(0, 5)
      .map((o) => [o.number !== null ? `#${o.number}` : null, o.title].filter(Boolean).join(' '))
      .join(', ');
    return {
      kind,
      dedupeKey: `Reservation:${f.reservationId}:${kind}`,
      title: `VIP ${who} arrives with ${f.openOrders.length} open work order${f.openOrders.length === 1 ? '' : 's'}${room}`,
      body: `Arrival ${f.arrivalAt.toISOString()}. Open: ${list}`,
      ...base,
    };
  }
  if (kind === 'LOW_COMPLETENESS_BEFORE_ARRIVAL') {
    if (f.completeness === null || f.completeness >= rule.threshold) return null;
    return {
      kind,
      dedupeKey: `Reservation:${f.reservationId}:${kind}`,
      title: `${who} arrives with a ${f.completeness}% complete profile${room}`,
      body: `Arrival ${f.arrivalAt.toISOString()}; the threshold is ${rule.threshold}%`,
      ...base,
    };
  }
  return null;
}

/** One escalation step: named people, or the organization's managers. */
export type EscalationStep = { userIds: string[] } | 'MANAGERS';

/** The chain after the first recipients: each named person in order, then the managers. */
export function escalationSteps(rule: RuleSettings): EscalationStep[] {
  const steps: EscalationStep[] = rule.escalationUserIds.map((id) => ({ userIds: [id] }));
  if (rule.escalateToManagers) steps.push('MANAGERS');
  return steps;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { INFO: 0, WARNING: 1, CRITICAL: 2 };
export const atLeast = (a: AlertSeverity, b: AlertSeverity | undefined): AlertSeverity =>
  b && SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;

/** A user's channels beyond the app for a severity, as stored (defaults: none). */
export interface PreferenceSettings {
  infoChannels: Channel[];
  warningChannels: Channel[];
  criticalChannels: Channel[];
  quietHoursStart: number | null;
  quietHoursEnd: number | null;
  timeZone: string;
}

export const DEFAULT_PREFERENCES: PreferenceSettings = {
  infoChannels: [],
  warningChannels: [],
  criticalChannels: [],
  quietHoursStart: null,
  quietHoursEnd: null,
  timeZone: 'UTC',
};

/**
 * Where a notification goes besides the app. Inside the user's quiet hours only CRITICAL alerts
 * go out by SMS or email (the notification centre lists everything regardless).
 */
export function deliveryChannels(
  pref: PreferenceSettings,
  severity: AlertSeverity,
  now: Date,
): { channels: Channel[]; quiet: boolean } {
  const wanted =
    severity === 'CRITICAL'
      ? pref.criticalChannels
      : severity === 'WARNING'
        ? pref.warningChannels
        : pref.infoChannels;
  const channels = wanted.filter((c) => c === 'SMS' || c === 'EMAIL');
  const quiet =
    severity !== 'CRITICAL' &&
    pref.quietHoursStart !== null &&
    pref.quietHoursEnd !== null &&
    quietHoursRelease(now, {
      start: pref.quietHoursStart,
      end: pref.quietHoursEnd,
      timeZone: pref.timeZone,
    }) > now;
  return { channels, quiet };
}
