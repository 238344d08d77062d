import type { Prisma, TriggerEvent } from '@attendant/db';
import { randomUUID } from 'node:crypto';

type Org = { id: string; name: string };
type Def = {
  event: TriggerEvent;
  name: string;
  body: string;
  offsetMinutes?: number;
  purpose?: 'MARKETING';
};

// Bodies use only the merge fields the renderer knows (subgraphs/communications/src/template).
const FIELD: Def[] = [
  {
    event: 'TECHNICIAN_ASSIGNED',
    name: 'Technician assigned',
    body: 'Hi {{guest.firstName}}, {{technician.firstName}} from {{organization.name}} will handle job #{{job.number}} ({{job.title}}), {{job.window}}.',
  },
  {
    event: 'REMINDER_DAY_BEFORE',
    name: 'Day-before reminder',
    offsetMinutes: -1440,
    body: 'Reminder from {{organization.name}}: your visit for "{{job.title}}" is tomorrow, {{job.window}}.',
  },
  {
    event: 'ON_MY_WAY',
    name: 'On my way',
    body: 'Hi {{guest.firstName}}, {{technician.firstName}} from {{organization.name}} is on the way for job #{{job.number}}, arriving around {{job.eta}}. {{job.trackingLink}}',
  },
  {
    event: 'ARRIVED',
    name: 'Technician arrived',
    body: '{{technician.firstName}} from {{organization.name}} has arrived for job #{{job.number}}.',
  },
  {
    event: 'JOB_COMPLETED',
    name: 'Job done',
    body: 'Job #{{job.number}} ({{job.title}}) is complete. Thank you for choosing {{organization.name}}!',
  },
  {
    event: 'FEEDBACK_REQUEST',
    name: 'Feedback request',
    offsetMinutes: 120,
    body: 'Hi {{guest.firstName}}, how did {{technician.firstName}} do on "{{job.title}}"? Reply with a score from 1 to 5.',
  },
  // Driven by operations' booking and finance's invoice and payment events.
  {
    event: 'BOOKING_CONFIRMED',
    name: 'Booking confirmed',
    body: 'Hi {{guest.firstName}}, your {{organization.name}} visit for "{{job.title}}" is booked: {{job.window}}. Job #{{job.number}}.',
  },
  {
    event: 'INVOICE_SENT',
    name: 'Invoice sent',
    body: 'Hi {{guest.firstName}}, invoice {{invoice.number}} from {{organization.name}} for {{invoice.amount}} is due {{invoice.dueDate}}. View and pay: {{invoice.paymentLink}}',
  },
  {
    event: 'PAYMENT_RECEIVED',
    name: 'Payment received',
    body: 'Thank you, {{guest.firstName}}: we received {{invoice.amount}} for invoice {{invoice.number}}. Still due: {{invoice.balance}}.',
  },
  {
    event: 'PAYMENT_OVERDUE',
    name: 'Payment overdue',
    body: 'Hi {{guest.firstName}}, invoice {{invoice.number}} from {{organization.name}} ({{invoice.amount}} due {{invoice.dueDate}}) is still open. Pay here: {{invoice.paymentLink}}',
  },
];

const HOTEL: Def[] = [
  {
    event: 'CHECK_IN_READY',
    name: 'Check-in ready',
    body: 'Hi {{guest.firstName}}, your room {{room.number}} at {{property.name}} is ready. Welcome!',
  },
  {
    event: 'RESERVATION_CONFIRMED',
    name: 'Reservation confirmed',
    body: 'Dear {{guest.fullName}}, your stay at {{property.name}} is confirmed. We look forward to welcoming you.',
  },
  {
    event: 'PRE_ARRIVAL',
    name: 'Pre-arrival SMS',
    offsetMinutes: -2880,
    body: 'Dear {{guest.firstName}}, we look forward to welcoming you at {{property.name}} in two days. Reply to this message with any special requests.',
  },
  {
    event: 'ON_MY_WAY',
    name: 'Staff on the way',
    body: '{{organization.name}}: {{technician.firstName}} is on the way for "{{job.title}}".',
  },
];

/** Default automatic SMS of the demo organizations: one template and one trigger per event kind. */
export function messageTriggerRows(orgs: { hotel: Org; field: Org }): {
  templates: Prisma.TemplateCreateManyInput[];
  triggers: Prisma.TriggerCreateManyInput[];
} {
  const templates: Prisma.TemplateCreateManyInput[] = [];
  const triggers: Prisma.TriggerCreateManyInput[] = [];
  const add = (org: Org, defs: Def[]) => {
    for (const d of defs) {
      const id = randomUUID();
      templates.push({
        id,
        organizationId: org.id,
        name: d.name,
        channel: 'SMS',
        language: 'en',
        purpose: d.purpose ?? 'TRANSACTIONAL',
        body: d.body,
      });
      triggers.push({
        organizationId: org.id,
        event: d.event,
        channel: 'SMS',
        templateId: id,
        offsetMinutes: d.offsetMinutes ?? 0,
      });
    }
  };
  add(orgs.field, FIELD);
  add(orgs.hotel, HOTEL);
  return { templates, triggers };
}
