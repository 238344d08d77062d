import type {
  Channel,
  CreateTriggerInput,
  MessageTriggerFieldsFragment,
  TriggerEvent,
  UpdateTriggerInput,
} from '../../generated/graphql';

/** Every trigger event, in the order a booking or stay goes through them. */
export const TRIGGER_EVENTS: readonly TriggerEvent[] = [
  'BOOKING_CONFIRMED',
  'REMINDER_DAY_BEFORE',
  'TECHNICIAN_ASSIGNED',
  'ON_MY_WAY',
  'ARRIVED',
  'JOB_COMPLETED',
  'INVOICE_SENT',
  'PAYMENT_RECEIVED',
  'PAYMENT_OVERDUE',
  'RESERVATION_CONFIRMED',
  'PRE_ARRIVAL',
  'CHECK_IN_READY',
  'FEEDBACK_REQUEST',
];

/** What the offset of each event counts from, in words. */
const BASE: Record<TriggerEvent, string> = {
  BOOKING_CONFIRMED: 'the booking',
  REMINDER_DAY_BEFORE: 'scheduled start',
  TECHNICIAN_ASSIGNED: 'assignment',
  ON_MY_WAY: 'the technician leaves',
  ARRIVED: 'arrival',
  JOB_COMPLETED: 'completion',
  INVOICE_SENT: 'the invoice is sent',
  PAYMENT_RECEIVED: 'payment',
  PAYMENT_OVERDUE: 'the due date',
  RESERVATION_CONFIRMED: 'confirmation',
  PRE_ARRIVAL: 'arrival',
  CHECK_IN_READY: 'the room is ready',
  FEEDBACK_REQUEST: 'completion',
};

/** Events that send before an appointment: their offset must be negative. */
export const BEFORE_EVENTS: ReadonlySet<TriggerEvent> = new Set([
  'REMINDER_DAY_BEFORE',
  'PRE_ARRIVAL',
]);
/** Events that follow a reservation: work order priority and kind never match them. */
export const STAY_EVENTS: ReadonlySet<TriggerEvent> = new Set([
  'RESERVATION_CONFIRMED',
  'PRE_ARRIVAL',
  'CHECK_IN_READY',
]);
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'EMERGENCY'] as const;
export const KINDS = ['HOTEL_SERVICE', 'FIELD_JOB'] as const;
export const MAX_OFFSET = 60 * 24 * 30;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** 1440 → "1 day", 90 → "1 hour 30 minutes". */
export function durationWords(minutes: number): string {
  const m = Math.abs(minutes);
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts = [
    days ? plural(days, 'day') : '',
    hours ? plural(hours, 'hour') : '',
    mins ? plural(mins, 'minute') : '',
  ].filter(Boolean);
  return parts.join(' ');
}

/** -1440 on a reminder → "1 day before scheduled start"; 0 → "At completion". */
export function offsetLabel(event: TriggerEvent, minutes: number): string {
  const base = BASE[event];
  if (minutes === 0) return base.startsWith('the ') ? `When ${base}` : `At ${base}`;
  return `${durationWords(minutes)} ${minutes < 0 ? 'before' : 'after'} ${base}`;
}

/** The conditions as chips: "Priority: High", "Kind: Field job", "VIP only". */
export function conditionChips(c: MessageTriggerFieldsFragment['conditions']): string[] {
  const human = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');
  return [
    ...(c.priorities ?? []).map((p) => `Priority: ${human(p)}`),
    ...(c.kinds ?? []).map((k) => `Kind: ${human(k)}`),
    ...(c.vipOnly ? ['VIP only'] : []),
  ];
}

export interface TriggerFormValue {
  event: TriggerEvent;
  channel: Channel;
  templateId: string;
  /** The offset as people give it: an amount, a unit and before/after. */
  amount: number | null;
  unit: 'MINUTES' | 'HOURS' | 'DAYS';
  direction: 'BEFORE' | 'AFTER';
  priorities: string[];
  kinds: string[];
  vipOnly: boolean;
  enabled: boolean;
}

const UNIT_MINUTES = { MINUTES: 1, HOURS: 60, DAYS: 1440 } as const;

export function triggerFormValueOf(t: MessageTriggerFieldsFragment | null): TriggerFormValue {
  const offset = t?.offsetMinutes ?? 0;
  const m = Math.abs(offset);
  const unit = m % 1440 === 0 && m > 0 ? 'DAYS' : m % 60 === 0 && m > 0 ? 'HOURS' : 'MINUTES';
  return {
    event: t?.event ?? 'BOOKING_CONFIRMED',
    channel: t?.channel ?? 'SMS',
    templateId: t?.templateId ?? '',
    amount: m / UNIT_MINUTES[unit],
    unit,
    direction: offset < 0 ? 'BEFORE' : 'AFTER',
    priorities: [...(t?.conditions.priorities ?? [])],
    kinds: [...(t?.conditions.kinds ?? [])],
    vipOnly: t?.conditions.vipOnly ?? false,
    enabled: t?.enabled ?? true,
  };
}

export function offsetOf(v: Pick<TriggerFormValue, 'amount' | 'unit' | 'direction'>): number {
  const m = Math.round((v.amount ?? 0) * UNIT_MINUTES[v.unit]);
  return v.direction === 'BEFORE' ? -m : m;
}

/** The client's check of the offset, the same rule the server applies. */
export function offsetProblem(event: TriggerEvent, offset: number): string | null {
  if (Math.abs(offset) > MAX_OFFSET) return 'The offset can be at most 30 days';
  if (BEFORE_EVENTS.has(event) && offset >= 0)
    return 'This event sends before the appointment: choose a time before it';
  if (!BEFORE_EVENTS.has(event) && offset < 0)
    return 'This event sends when it happens or later, not before';
  return null;
}

function conditionsOf(v: TriggerFormValue) {
  return {
    priorities: STAY_EVENTS.has(v.event) ? [] : v.priorities,
    kinds: STAY_EVENTS.has(v.event) ? [] : v.kinds,
    vipOnly: v.vipOnly,
  };
}

export function createTriggerInputOf(v: TriggerFormValue): CreateTriggerInput {
  return {
    event: v.event,
    channel: v.channel,
    templateId: v.templateId,
    offsetMinutes: offsetOf(v),
    conditions: conditionsOf(v),
    enabled: v.enabled,
  };
}

/** The event stays (another event is another trigger). */
export function updateTriggerInputOf(v: TriggerFormValue): UpdateTriggerInput {
  const input: UpdateTriggerInput & { event?: TriggerEvent } = createTriggerInputOf(v);
  delete input.event;
  return input;
}

export function triggerControlOf(field: string): string | null {
  if (field === 'offsetMinutes') return 'amount';
  if (field.startsWith('conditions')) return null;
  return ['event', 'channel', 'templateId', 'enabled'].includes(field) ? field : null;
}

/** The triggers grouped per event, in event order, each group sorted enabled first. */
export function byEvent(
  triggers: readonly MessageTriggerFieldsFragment[],
): { event: TriggerEvent; triggers: MessageTriggerFieldsFragment[] }[] {
  return TRIGGER_EVENTS.map((event) => ({
    event,
    triggers: triggers
      .filter((t) => t.event === event)
      .sort((a, b) => Number(b.enabled) - Number(a.enabled)),
  })).filter((g) => g.triggers.length > 0);
}
