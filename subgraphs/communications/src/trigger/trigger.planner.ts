import type { Prisma, TriggerEvent } from '@attendant/db';
import type { DomainEvent, EventConsumer, Tx } from '@attendant/kit';
import {
  conditionsMatch,
  factsOf,
  RULES,
  TRIGGER_SOURCE_EVENTS,
  type FiringFacts,
  type TriggerConditions,
} from './trigger-rules';
import { TriggerRepository } from './trigger.repository';

const IMPLEMENTED = Object.keys(RULES) as TriggerEvent[];
const MINUTE = 60_000;

/*
 * Planning. Every enabled trigger of the event's organization asks its rule what the event means:
 * fire once under a key (a firing row, unique per trigger and key, so a redelivered event or a
 * second update changes nothing), re-plan a planned send to the event's new time (a reminder when
 * the job moves), or cancel a planned send (the job was cancelled). Sending happens later, in
 * the firing worker, so this transaction never waits on a provider.
 */
export async function planFirings(tx: Tx, event: DomainEvent, now: Date): Promise<void> {
  const repo = new TriggerRepository(tx);
  const triggers = await repo.enabledFor(event.organizationId, IMPLEMENTED);
  if (triggers.length === 0) return;
  const facts = factsOf(event);
  const guest = await repo.contact(event.organizationId, 'Guest', facts.guestId);
  const vip = facts.guest?.vip ?? guest?.vip ?? false;
  for (const trigger of triggers) {
    const outcome = RULES[trigger.event]?.(event) ?? { action: 'none' as const };
    if (outcome.action === 'none') continue;
    if (outcome.action === 'cancel') {
      await repo.cancelPlanned(event.organizationId, trigger.id, outcome.dedupeKey, outcome.reason);
      continue;
    }
    const conditions = (trigger.conditions ?? {}) as TriggerConditions;
    if (!conditionsMatch(conditions, facts, vip)) {
      if (outcome.mode === 'replan')
        await repo.cancelPlanned(
          event.organizationId,
          trigger.id,
          outcome.dedupeKey,
          'the trigger conditions no longer match',
        );
      continue;
    }
    const scheduledFor =
      trigger.offsetMinutes === 0
        ? new Date(now.getTime() + (outcome.holdMs ?? 0))
        : new Date(outcome.base.getTime() + trigger.offsetMinutes * MINUTE);
    const existing = await repo.firing(event.organizationId, trigger.id, outcome.dedupeKey);
    if (outcome.mode === 'replan' && scheduledFor < now) {
      // Booked or moved closer than the offset: a "tomorrow" reminder would arrive too late.
      await repo.cancelPlanned(
        event.organizationId,
        trigger.id,
        outcome.dedupeKey,
        'its time had already passed when the event arrived',
      );
      continue;
    }
    const context = facts as unknown as Prisma.InputJsonValue;
    if (!existing) {
      await repo.plan({
        organizationId: event.organizationId,
        triggerId: trigger.id,
        dedupeKey: outcome.dedupeKey,
        // Firings belong to the job (or reservation) they are about, whatever event carried them.
        entityType: facts.workOrderId ? 'WorkOrder' : event.entityType,
        entityId: facts.workOrderId ?? event.entityId,
        eventId: event.id,
        guestId: facts.guestId,
        context,
        scheduledFor,
      });
    } else if (
      (outcome.mode === 'replan' &&
        (existing.status === 'PLANNED' || existing.status === 'CANCELLED') &&
        !isOlder(facts, existing.context)) ||
      (outcome.mode === 'refresh' && existing.status === 'PLANNED')
    ) {
      await repo.setFiring(event.organizationId, existing.id, {
        status: 'PLANNED',
        reason: null,
        scheduledFor,
        context,
        eventId: event.id,
        guestId: facts.guestId,
      });
    }
  }
}

/** Events can arrive out of order: an older version of the job never re-plans a newer one. */
function isOlder(facts: FiringFacts, stored: unknown): boolean {
  const before = (stored as FiringFacts | null)?.job?.version;
  const now = facts.job?.version;
  return typeof before === 'number' && typeof now === 'number' && now < before;
}

/** Who can be reached: names, email and VIP from guests' events, names from operations'. */
export async function projectContact(tx: Tx, event: DomainEvent): Promise<void> {
  const repo = new TriggerRepository(tx);
  const p = event.payload;
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  if (event.entityType === 'Guest') {
    await repo.upsertContact(event.organizationId, 'Guest', event.entityId, {
      firstName: s(p['firstName']),
      lastName: s(p['lastName']),
      email: s(p['email']),
      vip: p['vip'] === true,
      // Guests' events carry no phone number today; when they do, it is projected here.
      ...('phone' in p ? { phone: s(p['phone']) } : {}),
      ...('language' in p ? { language: s(p['language']) } : {}),
    });
  } else if (event.entityType === 'Technician') {
    await repo.upsertContact(event.organizationId, 'Technician', event.entityId, {
      name: s(p['name']),
    });
  }
}

export function triggerConsumers(now: () => Date = () => new Date()): EventConsumer[] {
  return [
    {
      name: 'contact-projection',
      events: ['GuestCreated', 'GuestUpdated', 'TechnicianCreated', 'TechnicianUpdated'],
      handle: (event, tx) => projectContact(tx, event),
    },
    {
      name: 'message-triggers',
      events: TRIGGER_SOURCE_EVENTS,
      handle: (event, tx) => planFirings(tx, event, now()),
    },
  ];
}
