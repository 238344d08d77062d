import type { TriggerEvent } from '@attendant/db';
import type { DomainEvent } from '@attendant/kit';

/** Facts of one firing, taken from the event that planned it (refreshed on re-planning). */
export interface FiringFacts {
  guestId: string | null;
  technicianId: string | null;
  workOrderId: string | null;
  job: {
    number: number | null;
    title: string | null;
    windowStart: string | null;
    windowEnd: string | null;
    eta: string | null;
    trackingLink: string | null;
    priority: string | null;
    kind: string | null;
    /** The work order's version: an older event never re-plans a newer one. */
    version: number | null;
  } | null;
  /** Hotel reservations carry the guest's name and VIP flag in their events. */
  guest: { firstName: string | null; lastName: string | null; vip: boolean } | null;
  /** Finance's invoice and payment events: what the message says about the bill. */
  invoice?: {
    number: string | null;
    amountMinor: number | null;
    balanceMinor: number | null;
    currency: string | null;
    dueAt: string | null;
    paymentLink: string | null;
  } | null;
  /** Hotel stays: the room (check-in ready) and the arrival. */
  stay?: { roomNumber: string | null; arrivalAt: string | null } | null;
}

/** What one trigger kind makes of one event. */
export type RuleOutcome =
  /**
   * Fire (or plan) once per key, at `base` plus the trigger's offset (or `holdMs` after now when
   * the offset is 0). `replan`: a later event moves a planned send; `refresh`: a later event
   * fills in a planned send's data and sends it now (the tracking link for "on my way").
   */
  | { action: 'fire'; dedupeKey: string; base: Date; mode: FireMode; holdMs?: number }
  /** Drop the planned, not yet sent firing with this key (job cancelled, moved off the plan). */
  | { action: 'cancel'; dedupeKey: string; reason: string }
  | { action: 'none' };

export type FireMode = 'once' | 'replan' | 'refresh';

/** How long "on my way" waits for operations to hand over the customer's tracking link. */
export const LINK_WAIT_MS = 20_000;
export const TRACKING_LINK_ISSUED = 'TrackingLinkIssued';

const NONE: RuleOutcome = { action: 'none' };
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const date = (v: unknown): Date | null => {
  const s = str(v);
  return s ? new Date(s) : null;
};

export const WORK_ORDER_EVENTS = [
  'WorkOrderCreated',
  'WorkOrderUpdated',
  'WorkOrderStatusChanged',
  'WorkOrderCompleted',
] as const;
export const RESERVATION_EVENTS = ['ReservationUpdated', 'CheckInReady'] as const;
/** Finance's events about invoices (entity Invoice) and payments (entity Payment). */
export const FINANCE_EVENTS = ['InvoiceSent', 'PaymentReceived', 'PaymentOverdue'] as const;

/** Every event type the trigger consumer subscribes to. */
export const TRIGGER_SOURCE_EVENTS: string[] = [
  ...WORK_ORDER_EVENTS,
  ...RESERVATION_EVENTS,
  ...FINANCE_EVENTS,
  TRACKING_LINK_ISSUED,
];

const CLOSED_JOB = new Set(['COMPLETED', 'CANCELLED']);
const key = (e: DomainEvent, occurrence: string) => `${e.entityType}:${e.entityId}:${occurrence}`;

function statusReached(e: DomainEvent, status: string): RuleOutcome {
  if (e.type !== 'WorkOrderStatusChanged' || e.payload['status'] !== status) return NONE;
  // Each transition into the status texts once; the same event delivered twice does not.
  return { action: 'fire', dedupeKey: `event:${e.id}`, base: new Date(e.occurredAt), mode: 'once' };
}

/** Fires once per entity on one event type (the event's own entity, so a redelivery is a no-op). */
const onceOn =
  (type: string, occurrence: string) =>
  (e: DomainEvent): RuleOutcome =>
    e.type === type
      ? {
          action: 'fire',
          dedupeKey: key(e, occurrence),
          base: new Date(e.occurredAt),
          mode: 'once',
        }
      : NONE;

/**
 * The trigger kinds, each reading only the event: which event fires it, the key that makes it
 * once, and the time its offset counts from.
 */
export const RULES: Partial<Record<TriggerEvent, (e: DomainEvent) => RuleOutcome>> = {
  BOOKING_CONFIRMED(e) {
    // Booked: a customer's job gets a time (a window or a scheduled start) while open. Once per
    // job; later moves are the reminder's business.
    if (e.type !== 'WorkOrderCreated' && e.type !== 'WorkOrderUpdated') return NONE;
    if (!str(e.payload['guestId']) || CLOSED_JOB.has(String(e.payload['status']))) return NONE;
    if (!str(e.payload['windowStart']) && !str(e.payload['scheduledStart'])) return NONE;
    return {
      action: 'fire',
      dedupeKey: key(e, 'booked'),
      base: new Date(e.occurredAt),
      mode: 'once',
    };
  },
  INVOICE_SENT: onceOn('InvoiceSent', 'sent'),
  // Entity Payment: each payment is thanked once.
  PAYMENT_RECEIVED: onceOn('PaymentReceived', 'received'),
  PAYMENT_OVERDUE(e) {
    if (e.type !== 'PaymentOverdue') return NONE;
    const due = date(e.payload['dueAt']);
    if (!due) return NONE;
    // Finance announces once per due date; a moved due date may be chased again.
    return {
      action: 'fire',
      dedupeKey: key(e, `overdue:${due.toISOString()}`),
      base: due,
      mode: 'once',
    };
  },
  CHECK_IN_READY: onceOn('CheckInReady', 'check-in-ready'),
  TECHNICIAN_ASSIGNED(e) {
    if (e.type !== 'WorkOrderCreated' && e.type !== 'WorkOrderUpdated') return NONE;
    const technicianId = str(e.payload['technicianId']);
    if (!technicianId || CLOSED_JOB.has(String(e.payload['status']))) return NONE;
    // Once per (job, technician): later updates with the same technician change nothing.
    return {
      action: 'fire',
      dedupeKey: key(e, `technician:${technicianId}`),
      base: new Date(e.occurredAt),
      mode: 'once',
    };
  },
  ON_MY_WAY(e) {
    // Operations makes the customer's link after the status change (it stores only hashes):
    // the text waits briefly for it, and goes without it when it does not come.
    if (e.type === TRACKING_LINK_ISSUED) {
      const workOrderId = str(e.payload['workOrderId']);
      const source = str(e.payload['sourceEventId']);
      if (!workOrderId || !source) return NONE;
      return {
        action: 'fire',
        dedupeKey: `WorkOrder:${workOrderId}:en-route:${source}`,
        base: new Date(e.occurredAt),
        mode: 'refresh',
      };
    }
    const reached = statusReached(e, 'EN_ROUTE');
    return reached.action === 'fire'
      ? { ...reached, dedupeKey: key(e, `en-route:${e.id}`), holdMs: LINK_WAIT_MS }
      : reached;
  },
  ARRIVED: (e) => statusReached(e, 'ARRIVED'),
  JOB_COMPLETED(e) {
    if (e.type !== 'WorkOrderCompleted') return NONE;
    const at = date(e.payload['completedAt']) ?? new Date(e.occurredAt);
    return { action: 'fire', dedupeKey: key(e, 'completed'), base: at, mode: 'once' };
  },
  FEEDBACK_REQUEST(e) {
    if (e.type !== 'WorkOrderCompleted') return NONE;
    const at = date(e.payload['completedAt']) ?? new Date(e.occurredAt);
    return { action: 'fire', dedupeKey: key(e, 'feedback'), base: at, mode: 'once' };
  },
  REMINDER_DAY_BEFORE(e) {
    if (e.entityType !== 'WorkOrder' || e.type === 'WorkOrderCompleted') return NONE;
    const dedupeKey = key(e, 'reminder');
    const status = String(e.payload['status']);
    if (CLOSED_JOB.has(status))
      return { action: 'cancel', dedupeKey, reason: `the job is ${status.toLowerCase()}` };
    const start = date(e.payload['scheduledStart']) ?? date(e.payload['windowStart']);
    if (!start) return { action: 'cancel', dedupeKey, reason: 'the job is no longer scheduled' };
    return { action: 'fire', dedupeKey, base: start, mode: 'replan' };
  },
  RESERVATION_CONFIRMED(e) {
    if (e.type !== 'ReservationUpdated' || e.payload['status'] !== 'CONFIRMED') return NONE;
    return {
      action: 'fire',
      dedupeKey: key(e, 'confirmed'),
      base: new Date(e.occurredAt),
      mode: 'once',
    };
  },
  PRE_ARRIVAL(e) {
    if (e.type !== 'ReservationUpdated') return NONE;
    const dedupeKey = key(e, 'pre-arrival');
    const status = String(e.payload['status']);
    if (status !== 'CONFIRMED')
      return { action: 'cancel', dedupeKey, reason: `the reservation is ${status.toLowerCase()}` };
    const arrival = date(e.payload['arrivalAt']);
    if (!arrival) return NONE;
    return { action: 'fire', dedupeKey, base: arrival, mode: 'replan' };
  },
};

/** The facts a firing keeps from a work order or reservation event. */
export function factsOf(e: DomainEvent): FiringFacts {
  const p = e.payload;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  if (e.entityType === 'Reservation') {
    // Guests sends the name joined ("Ana Novak"); the contact projection has it split.
    const [first, ...rest] = (str(p['guestName']) ?? '').split(' ').filter(Boolean);
    return {
      guestId: str(p['guestId']),
      technicianId: null,
      workOrderId: null,
      job: null,
      guest: { firstName: first ?? null, lastName: rest.join(' ') || null, vip: p['vip'] === true },
      stay: { roomNumber: str(p['roomNumber']), arrivalAt: str(p['arrivalAt']) },
    };
  }
  if (e.entityType === 'Invoice' || e.entityType === 'Payment') {
    return {
      guestId: str(p['guestId']),
      technicianId: null,
      workOrderId: str(p['workOrderId']),
      job: null,
      guest: null,
      invoice: {
        number: str(p['number']),
        // A payment's message names the amount received; an invoice's, what is owed.
        amountMinor:
          e.type === 'PaymentReceived'
            ? num(p['amountMinor'])
            : e.type === 'PaymentOverdue'
              ? num(p['balanceMinor'])
              : num(p['totalMinor']),
        balanceMinor: num(p['balanceMinor']),
        currency: str(p['currency']),
        dueAt: str(p['dueAt']),
        paymentLink: str(p['paymentLink']),
      },
    };
  }
  return {
    guestId: str(p['guestId']),
    technicianId: str(p['technicianId']),
    workOrderId: e.entityType === 'TrackingLink' ? str(p['workOrderId']) : e.entityId,
    job: {
      number: typeof p['number'] === 'number' ? p['number'] : null,
      title: str(p['title']),
      windowStart: str(p['windowStart']) ?? str(p['scheduledStart']),
      windowEnd: str(p['windowStart']) ? str(p['windowEnd']) : str(p['scheduledEnd']),
      // Operations sends no live ETA in work order events; the booked start stands in for it.
      eta: str(p['eta']) ?? str(p['etaAt']) ?? str(p['scheduledStart']),
      // Only present when operations hands over a fresh link (tracking links are stored hashed).
      trackingLink: str(p['trackingUrl']),
      priority: str(p['priority']),
      kind: str(p['kind']),
      version: typeof p['version'] === 'number' ? p['version'] : null,
    },
    guest: null,
  };
}

/** Trigger conditions: each set one must match (an empty object always matches). */
export interface TriggerConditions {
  priorities?: string[];
  kinds?: string[];
  vipOnly?: boolean;
}

export function conditionsMatch(c: TriggerConditions, facts: FiringFacts, vip: boolean): boolean {
  if (c.priorities?.length && !c.priorities.includes(facts.job?.priority ?? '')) return false;
  if (c.kinds?.length && !c.kinds.includes(facts.job?.kind ?? '')) return false;
  if (c.vipOnly && !vip) return false;
  return true;
}
