import type { DomainEvent, EventConsumer, Tx } from '@attendant/kit';
import type { Clock } from '../messaging/messaging.types';
import { WORK_ORDER_EVENTS } from '../trigger/trigger-rules';
import {
  ALERT_SOURCE_EVENTS,
  ARRIVAL_KINDS,
  candidateOf,
  ruleFor,
  UPCOMING_STATUSES,
} from './alert-rules';
import { AlertEngineRepository, NOTIFICATION_DELIVERY_KEY } from './alert-engine.repository';
import { AlertFactsRepository } from './alert-facts.repository';
import type { AlertEngine } from './alert.engine';

const HOUR = 3_600_000;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Keeps the alert rules' read models and plans arrival checks. */
export async function projectAlertFacts(tx: Tx, event: DomainEvent, now: Date): Promise<void> {
  const facts = new AlertFactsRepository(tx);
  const org = event.organizationId;
  const p = event.payload;
  switch (event.entityType) {
    case 'User':
      await facts.upsertStaff(org, event.entityId, {
        name: str(p['name']) ?? 'Staff member',
        email: str(p['email']),
        roles: Array.isArray(p['roles']) ? p['roles'].map(String) : [],
        active: p['active'] !== false,
      });
      return;
    case 'Guest': {
      const name = [str(p['firstName']), str(p['lastName'])].filter(Boolean).join(' ');
      await facts.upsertGuest(org, event.entityId, {
        ...(name ? { name } : {}),
        ...('vip' in p ? { vip: p['vip'] === true } : {}),
        ...('completeness' in p ? { completeness: int(p['completeness']) } : {}),
      });
      await facts.recheck(org, { guestId: event.entityId }, now);
      return;
    }
    case 'WorkOrder': {
      const status = event.type === 'WorkOrderCompleted' ? 'COMPLETED' : String(p['status']);
      const ids = { guestId: str(p['guestId']), roomId: str(p['roomId']) };
      await facts.workOrder(org, event.entityId, {
        ...ids,
        number: int(p['number']),
        title: str(p['title']),
        status,
        version: int(p['version']),
      });
      await facts.recheck(org, ids, now);
      return;
    }
    case 'Reservation':
      return planArrivalChecks(tx, event, now);
    default:
      return;
  }
}

async function planArrivalChecks(tx: Tx, event: DomainEvent, now: Date): Promise<void> {
  const facts = new AlertFactsRepository(tx);
  const org = event.organizationId;
  const p = event.payload;
  const arrival = str(p['arrivalAt']);
  if (!arrival) return;
  const arrivalAt = new Date(arrival);
  const guestId = str(p['guestId']);
  const status = String(p['status']);
  await facts.upsertReservation(org, event.entityId, {
    guestId,
    guestName: str(p['guestName']),
    roomId: str(p['roomId']),
    roomNumber: str(p['roomNumber']),
    status,
    arrivalAt,
  });
  if (guestId && 'vip' in p) await facts.upsertGuest(org, guestId, { vip: p['vip'] === true });
  if (!UPCOMING_STATUSES.has(status) || arrivalAt <= now) {
    await facts.cancelChecks(org, event.entityId, now);
    return;
  }
  const rules = await new AlertEngineRepository(tx).rules(org, ARRIVAL_KINDS);
  for (const kind of ARRIVAL_KINDS) {
    const rule = ruleFor(
      kind,
      rules.find((r) => r.kind === kind),
    );
    if (!rule.enabled) continue;
    const dueAt = new Date(Math.max(now.getTime(), arrivalAt.getTime() - rule.leadHours * HOUR));
    await facts.planCheck(org, kind, event.entityId, dueAt);
  }
}

/** Raises the alert an event asks for (once per key, however often the event comes). */
export async function raiseFromEvent(
  engine: AlertEngine,
  tx: Tx,
  event: DomainEvent,
): Promise<void> {
  const candidate = candidateOf(event);
  if (!candidate) return;
  if (candidate.kind === 'MESSAGE_DELIVERY_FAILED') {
    const message = await new AlertEngineRepository(tx).message(
      event.organizationId,
      event.entityId,
    );
    // A notification's own SMS that fails does not raise an alert that notifies again.
    if (message?.idempotencyKey?.startsWith(NOTIFICATION_DELIVERY_KEY)) return;
    if (message) candidate.body = failureBody(message);
  }
  await engine.raise(tx, event.organizationId, candidate);
}

/** "To +15557770456: error 30003 (Unreachable destination handset)". */
function failureBody(m: {
  toAddress: string;
  errorCode: string | null;
  errorMessage: string | null;
}) {
  const error = m.errorCode
    ? `error ${m.errorCode}${m.errorMessage ? ` (${m.errorMessage})` : ''}`
    : 'the provider reported no reason';
  return `To ${m.toAddress}: ${error}`;
}

export function alertConsumers(
  engine: AlertEngine,
  now: Clock = () => new Date(),
): EventConsumer[] {
  return [
    {
      name: 'alert-facts',
      events: [
        'UserSignedIn',
        'GuestCreated',
        'GuestUpdated',
        'ReservationUpdated',
        ...WORK_ORDER_EVENTS,
      ],
      handle: (event, tx) => projectAlertFacts(tx, event, now()),
    },
    {
      name: 'alerts',
      events: ALERT_SOURCE_EVENTS,
      handle: (event, tx) => raiseFromEvent(engine, tx, event),
    },
  ];
}
