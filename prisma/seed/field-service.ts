import type { Prisma, WorkOrderPriority, WorkOrderStatus } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import type { InvoiceDraft, OrgSeed, SeedContext, WorkOrderRow } from './index';
import {
  CITIES, CUSTOMER_EMAIL_DOMAINS, CUSTOMER_NOTES, FIELD_COMPANIES, FIELD_SITE_NOTES, FIELD_TECHNICIANS, US_FIRST_NAMES,
  US_LAST_NAMES, VEHICLES,
} from './names';
import { addMinutes, ascii, maxDate, minDate, MINUTE, render, type Rng } from './random';

type Technician = Prisma.TechnicianCreateManyInput & { id: string; name: string; shiftStartMin: number; shiftEndMin: number; maxJobsPerDay: number };
type Customer = Prisma.GuestCreateManyInput & { id: string; firstName: string; createdAt: Date };
type Site = Prisma.SiteCreateManyInput & { id: string; guestId: string };

// [title, description, minutes, price in USD, can be an emergency]
type Task = [string, string, number, number, boolean];
const TASKS: Record<string, Task[]> = {
  HVAC: [
    ['AC not cooling', 'AC runs but blows warm air; outdoor unit hums. System is about 12 years old.', 90, 189, true],
    ['Furnace will not ignite', 'Furnace clicks but never lights; house is getting cold.', 75, 165, true],
    ['Annual AC tune-up', 'Seasonal maintenance: coils, refrigerant level, filter, drain line.', 60, 129, false],
    ['Thermostat replacement', 'Replace old thermostat with the customer-supplied smart thermostat.', 60, 145, false],
    ['Heat pump making loud noise', 'Grinding noise from the outdoor unit at start-up.', 90, 210, false],
  ],
  Plumbing: [
    ['Water heater replacement', 'Replace a leaking 50-gallon gas water heater; haul away the old tank.', 180, 1450, false],
    ['Leaking kitchen faucet', 'Faucet drips constantly; customer wants a cartridge or faucet replacement.', 60, 140, false],
    ['Clogged main drain', 'Toilets and tub backing up; likely main line clog. Bring the camera.', 120, 325, true],
    ['Burst pipe under sink', 'Water spraying under the bathroom sink; customer closed the main valve.', 90, 260, true],
    ['Garbage disposal replacement', 'Disposal hums but does not spin; replace with a 3/4 HP unit.', 60, 385, false],
  ],
  Electrical: [
    ['Breaker keeps tripping', 'Kitchen circuit trips when the microwave and kettle run together.', 90, 185, true],
    ['Install ceiling fan', 'Replace a light fixture in the main bedroom with a ceiling fan (supplied).', 90, 220, false],
    ['Outlets not working in living room', 'Three outlets dead since a storm; check GFCI and connections.', 60, 150, false],
    ['EV charger installation', 'Install a 48 A Level 2 charger in the garage; new 60 A circuit.', 240, 1290, false],
  ],
  'Appliance repair': [
    ['Dishwasher not draining', 'Standing water at the bottom after each cycle.', 60, 165, false],
    ['Refrigerator not cooling', 'Fridge section warm, freezer still cold; check the evaporator fan.', 75, 215, true],
    ['Dryer not heating', 'Electric dryer tumbles but no heat; likely heating element.', 60, 175, false],
    ['Washer leaking', 'Front-loader leaks during the spin cycle.', 60, 160, false],
  ],
  Carpentry: [
    ['Front door sticking', 'Door rubs at the top corner; plane and rehang.', 60, 145, false],
    ['Replace rotted deck boards', 'About eight deck boards soft near the steps.', 180, 640, false],
    ['Repair fence gate', 'Gate sags and will not latch.', 90, 195, false],
  ],
  Roofing: [
    ['Roof leak after storm', 'Water stain spreading on the bedroom ceiling after last night\'s storm.', 120, 450, true],
    ['Replace missing shingles', 'Wind took several shingles off the south slope.', 150, 520, false],
    ['Gutter cleaning and repair', 'Gutters overflowing; one downspout detached.', 120, 240, false],
  ],
  'Gas safety': [
    ['Gas smell near water heater', 'Customer smells gas in the garage near the water heater.', 60, 175, true],
    ['Annual gas appliance safety check', 'Check furnace, range and water heater; CO test.', 60, 119, false],
    ['Gas range hookup', 'Connect a new gas range and leak-test the line.', 60, 165, false],
  ],
};
const SKILL_WEIGHTS: [string, number][] = [['HVAC', 30], ['Plumbing', 25], ['Electrical', 15], ['Appliance repair', 12], ['Carpentry', 7], ['Roofing', 6], ['Gas safety', 5]];
const PARTS: Record<string, [string, number]> = {
  HVAC: ['Run capacitor 45/5 µF', 4500], Plumbing: ['Fittings and supply lines', 2400], Electrical: ['Breaker and wiring', 3800],
  'Appliance repair': ['Replacement part', 6900], Carpentry: ['Lumber and hardware', 5200], Roofing: ['Shingles and underlayment', 8900], 'Gas safety': ['Flex connector', 1850],
};
const SLA_HOURS: Record<WorkOrderPriority, number> = { EMERGENCY: 4, HIGH: 24, NORMAL: 72, LOW: 168 };
const STATUS_COUNTS: [WorkOrderStatus, number][] = [
  ['IN_PROGRESS', 6], ['ARRIVED', 3], ['EN_ROUTE', 5], ['DISPATCHED', 16], ['COMPLETED', 150], ['SCHEDULED', 50], ['ON_HOLD', 12], ['CANCELLED', 26], ['NEW', 32],
];
const DAYS: Partial<Record<WorkOrderStatus, [number, number]>> = { DISPATCHED: [0, 1], COMPLETED: [-45, -1], SCHEDULED: [1, 14], ON_HOLD: [-7, -1] };
const VERSION: Record<WorkOrderStatus, number> = { NEW: 1, SCHEDULED: 2, DISPATCHED: 3, EN_ROUTE: 4, ARRIVED: 5, IN_PROGRESS: 6, ON_HOLD: 7, COMPLETED: 8, CANCELLED: 2 };
const HOLD_REASONS = ['Waiting for parts: compressor on back-order', 'Waiting for the customer to approve the quote', 'HOA approval needed before work continues', 'Customer asked to pause until next week'];
const CANCEL_REASONS = ['Customer fixed it themselves', 'Duplicate request', 'Customer no longer available', 'Customer went with another company', 'Quote declined'];
const REPLIES = ['Thanks! The gate is open.', 'Great, see you soon', 'Please use the side door', 'Can you call when you are 5 minutes away?', 'Perfect, thank you'];
const PLANS: [InvoiceDraft['plan'], number][] = [['PAID', 65], ['PARTIALLY_PAID', 12], ['ISSUED', 23]];

function address(rng: Rng) {
  const city = rng.weighted(CITIES.map((c) => [c, c.weight] as const));
  const point = rng.near(city.lat, city.lng, city.radiusKm);
  return { city: city.name, postalCode: rng.pick(city.postalCodes), line1: `${rng.int(100, 9899)} ${rng.pick(city.streets)}`, ...point };
}

export function seedFieldService(ctx: SeedContext): OrgSeed {
  const { organizationId, now, clock, rng, users } = ctx;
  const skills = SKILL_WEIGHTS.map(([name]) => ({ id: randomUUID(), organizationId, name }));
  const skillId = (name: string) => skills.find((s) => s.name === name)!.id;

  const technicianSkills: Prisma.TechnicianSkillCreateManyInput[] = [];
  const skillsOf = new Map<string, string[]>();
  const technicians: Technician[] = FIELD_TECHNICIANS.map((name, i) => {
    const home = address(rng);
    const id = randomUUID();
    const primary = skills[i % skills.length]!.name;
    const extra = rng.sample(skills.map((s) => s.name).filter((s) => s !== primary), rng.weighted([[0, 3], [1, 4], [2, 3], [3, 1]] as const));
    skillsOf.set(id, [primary, ...extra]);
    [primary, ...extra].forEach((s, k) => technicianSkills.push({ technicianId: id, skillId: skillId(s), level: k === 0 ? rng.int(2, 3) : rng.int(1, 3) }));
    const shiftStartMin = rng.pick([420, 480, 480, 540]);
    const [first, last] = name.split(' ') as [string, string];
    return {
      id, organizationId, name, userId: i === 0 ? users['tech@northwind.demo']! : null,
      email: i === 0 ? 'tech@northwind.demo' : `${ascii(first)}.${ascii(last)}@northwind.demo`, phone: `+1830555${String(100 + i).padStart(4, '0')}`,
      homeAddress: `${home.line1}, ${home.city}, TX ${home.postalCode}`, homeLat: home.lat, homeLng: home.lng,
      vehicle: `${rng.pick(VEHICLES)} #${String(11 + i)}`, shiftStartMin, shiftEndMin: shiftStartMin + rng.pick([480, 540, 600]), maxJobsPerDay: rng.int(4, 7),
    };
  });

  const companies = FIELD_COMPANIES.map((name) => ({
    id: randomUUID(), organizationId, name, taxId: `${rng.int(20, 88)}-${rng.int(1_000_000, 9_999_999)}`,
    email: `office@${ascii(name).slice(0, 16)}.example.com`, phone: `+1737555${rng.int(1000, 9999)}`,
  }));
  const phones = rng.shuffle([...Array(200).keys()].map((n) => `+1${n < 100 ? '512' : '737'}55501${String(n % 100).padStart(2, '0')}`));
  const emails = new Set<string>();
  const customers: Customer[] = [...Array(200).keys()].map((i) => {
    const firstName = rng.pick(US_FIRST_NAMES);
    const lastName = rng.pick(US_LAST_NAMES);
    let email: string | null = null;
    if (rng.chance(0.85)) {
      email = `${ascii(firstName)}.${ascii(lastName)}@${rng.pick(CUSTOMER_EMAIL_DOMAINS)}`;
      while (emails.has(email)) email = `${ascii(firstName)}${ascii(lastName)}${rng.int(2, 99)}@${rng.pick(CUSTOMER_EMAIL_DOMAINS)}`;
      emails.add(email);
    }
    const createdAt = addMinutes(now, -rng.int(60, 900) * 1440 - rng.int(0, 1439));
    return {
      id: randomUUID(), organizationId, kind: 'CUSTOMER' as const, firstName, lastName, email, phone: rng.chance(0.95) ? phones[i]! : null,
      language: /^(Garcia|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|Perez|Sanchez|Ramirez|Torres|Flores|Rivera)$/.test(lastName) && rng.chance(0.4) ? 'es' : 'en',
      notes: rng.chance(0.08) ? rng.pick(CUSTOMER_NOTES) : null, companyId: i < 24 ? companies[i % companies.length]!.id : null, createdAt, updatedAt: createdAt,
    };
  });
  const sites: Site[] = [];
  for (const c of customers) {
    for (let k = 0; k < (rng.chance(0.08) ? 2 : 1); k++) {
      const a = address(rng);
      const company = c.companyId ? companies.find((x) => x.id === c.companyId)! : null;
      sites.push({
        id: randomUUID(), organizationId, guestId: c.id, companyId: company?.id ?? null, country: 'US',
        name: company ? `${company.name}, ${a.line1}` : k === 0 ? 'Home' : rng.pick(['Rental property', 'Lake house', "Mother's house"]),
        addressLine1: a.line1, addressLine2: rng.chance(0.1) ? `Unit ${rng.int(1, 40)}` : null, city: a.city, postalCode: a.postalCode,
        lat: a.lat, lng: a.lng, accessNotes: rng.chance(0.2) ? rng.pick(FIELD_SITE_NOTES) : null, createdAt: c.createdAt, updatedAt: c.createdAt,
      });
    }
  }
  const customerOf = new Map(customers.map((c) => [c.id, c]));

  // Schedule book per technician and local day, so no technician is double-booked.
  const load = new Map<string, { next: number; count: number }>();
  const book = (tech: Technician, day: number, minutes: number, earliest = 0): number | null => {
    const key = `${tech.id}|${day}`;
    const slot = load.get(key) ?? { next: tech.shiftStartMin, count: 0 };
    const start = Math.ceil((Math.max(slot.next, earliest) + (slot.count ? rng.int(15, 45) : 0)) / 15) * 15;
    if (slot.count >= tech.maxJobsPerDay || start + minutes > tech.shiftEndMin + 30) return null;
    load.set(key, { next: start + minutes, count: slot.count + 1 });
    return start;
  };
  const withSkill = (skill: string) => technicians.filter((t) => skillsOf.get(t.id)!.includes(skill));
  const place = (skill: string, minutes: number, days: [number, number], earliestToday = 0) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const tech = rng.pick(withSkill(skill));
      const day = rng.int(...days);
      const minute = book(tech, day, minutes, day === 0 ? earliestToday : 0);
      if (minute !== null) return { tech, start: clock.at(day, minute) };
    }
    return null;
  };

  const activeTechs = [...rng.shuffle(technicians.slice(1)), technicians[0]!]; // tech@northwind.demo is busy right now
  const workOrders: WorkOrderRow[] = [];
  const SMS_OPT_OUT = new Set(rng.sample(customers.filter((c) => c.phone), 6).map((c) => c.id));
  for (const [status, count] of STATUS_COUNTS) {
    for (let i = 0; i < count; i++) {
      const active = ['EN_ROUTE', 'ARRIVED', 'IN_PROGRESS'].includes(status);
      let tech: Technician | null = active ? activeTechs.pop()! : null;
      const pressing = status === 'NEW' && i < 3; // three fresh requests close to their SLA, for the alerts
      const skill = tech ? rng.pick(skillsOf.get(tech.id)!) : pressing ? rng.pick(['HVAC', 'Plumbing', 'Electrical']) : rng.weighted(SKILL_WEIGHTS);
      const [title, description, minutes, price, urgent] = rng.pick(TASKS[skill]!.filter((task) => task[4] || !pressing));
      let priority = rng.weighted<WorkOrderPriority>(urgent ? [['EMERGENCY', 35], ['HIGH', 40], ['NORMAL', 25]] : [['HIGH', 15], ['NORMAL', 65], ['LOW', 20]]);
      if (pressing) priority = i === 1 ? 'HIGH' : 'EMERGENCY';
      if (status === 'SCHEDULED' && priority === 'EMERGENCY') priority = 'HIGH'; // emergencies are not booked days ahead
      const lead = { EMERGENCY: rng.int(30, 180), HIGH: rng.int(240, 1200), NORMAL: rng.int(1, 3) * 1440, LOW: rng.int(2, 7) * 1440 }[priority];
      let start: Date | null = null;
      if (active) {
        start = addMinutes(now, status === 'EN_ROUTE' ? rng.int(10, 40) : status === 'ARRIVED' ? -rng.int(0, 15) : -rng.int(20, 120));
        start = new Date(Math.round(start.getTime() / (5 * MINUTE)) * 5 * MINUTE);
        load.set(`${tech!.id}|0`, { next: clock.minuteOfDay(start) + minutes, count: 3 });
      } else if (status !== 'NEW' && !(status === 'CANCELLED' && i % 2 === 0)) {
        const placed = place(skill, minutes, DAYS[status] ?? [-20, 7], clock.minuteOfDay(now) + 60);
        if (!placed) throw new Error(`demo seed: no free ${skill} technician for a ${status} job`);
        ({ tech, start } = placed);
      }
      const createdAt = start ? minDate(addMinutes(start, -lead), addMinutes(now, -rng.int(10, 120)))
        : status === 'NEW' ? addMinutes(now, i === 0 ? -150 : i === 1 ? -19 * 60 : i === 2 ? -40 : -rng.int(5, Math.min(lead, 2880)))
        : addMinutes(now, -rng.int(1, 30) * 1440);
      // The arrival window promised to the customer: 8-12, 12-16 or 16-20 local, around the visit.
      const local = start ? clock.minuteOfDay(start) : 0;
      const windowFrom = Math.min(local < 720 ? 480 : local < 960 ? 720 : local < 1200 ? 960 : 1200, local - (local % 60));
      const windowStart = start ? addMinutes(start, windowFrom - local)
        : status === 'NEW' ? (priority === 'EMERGENCY' ? createdAt : clock.at(rng.int(1, 7), rng.pick([480, 720]))) : null;
      const startedAt = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'].includes(status) ? minDate(addMinutes(start!, rng.int(-10, 25)), addMinutes(now, -5)) : null;
      const completedAt = status === 'COMPLETED' ? addMinutes(startedAt!, Math.round(minutes * rng.float(0.75, 1.4))) : null;
      const cancelledAt = status !== 'CANCELLED' ? null
        : maxDate(addMinutes(createdAt, 5), minDate(addMinutes(createdAt, rng.int(30, 3 * 1440)), start ? addMinutes(start, -60) : now, addMinutes(now, -10)));
      const updatedAt = status === 'ON_HOLD' ? addMinutes(startedAt!, 90) : completedAt ?? cancelledAt ?? startedAt ?? (
        status === 'EN_ROUTE' ? addMinutes(now, -rng.int(5, 25)) : status === 'ARRIVED' ? minDate(start!, now)
        : status === 'NEW' ? createdAt : minDate(addMinutes(createdAt, rng.int(5, 240)), now));
      const site = rng.pick(sites);
      workOrders.push({
        id: randomUUID(), organizationId, number: 0, kind: 'FIELD_JOB', title, description, status, priority,
        statusReason: status === 'ON_HOLD' ? rng.pick(HOLD_REASONS) : status === 'CANCELLED' ? rng.pick(CANCEL_REASONS) : null,
        guestId: site.guestId, siteId: site.id, technicianId: tech?.id ?? null,
        windowStart, windowEnd: windowStart ? addMinutes(windowStart, 240) : null, scheduledStart: start, scheduledEnd: start ? addMinutes(start, minutes) : null,
        slaDueAt: maxDate(addMinutes(createdAt, SLA_HOURS[priority] * 60), priority === 'EMERGENCY' || !windowStart ? createdAt : addMinutes(windowStart, 240)),
        estimatedMinutes: minutes, priceMinor: Math.round((price * rng.float(0.85, 1.2)) / 5) * 500, currency: 'USD',
        startedAt, completedAt, cancelledAt, createdById: rng.chance(0.8) ? users['dispatcher@northwind.demo']! : null,
        version: VERSION[status] + (status === 'CANCELLED' && tech ? 1 : 0), createdAt, updatedAt,
      });
    }
  }
  workOrders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).forEach((w, i) => (w.number = i + 1));

  // Invoices for most completed jobs.
  const invoices: InvoiceDraft[] = workOrders.filter((w) => w.status === 'COMPLETED' && rng.chance(0.85)).map((w) => {
    const skill = Object.keys(TASKS).find((s) => TASKS[s]!.some((t) => t[0] === w.title))!;
    const lines = [{ description: `Labor: ${w.title}`, quantity: 1, unitPriceMinor: w.priceMinor!, taxRateBps: 825 }];
    if (rng.chance(0.6)) lines.unshift({ description: 'Service call', quantity: 1, unitPriceMinor: 8900, taxRateBps: 825 });
    if (rng.chance(0.5)) lines.push({ description: PARTS[skill]![0], quantity: rng.int(1, 3), unitPriceMinor: PARTS[skill]![1], taxRateBps: 825 });
    const company = Boolean(customerOf.get(w.guestId!)!.companyId);
    const issuedAt = addMinutes(w.completedAt!, rng.int(10, 180));
    const paidAt = minDate(addMinutes(issuedAt, rng.chance(0.6) ? rng.int(0, 60) : rng.int(1, 20) * 1440), addMinutes(now, -rng.int(5, 600)));
    const plan = paidAt < issuedAt ? 'ISSUED' : rng.weighted(PLANS);
    return {
      organizationId, prefix: 'NW', currency: 'USD', guestId: w.guestId!, workOrderId: w.id, lines, issuedAt, dueAt: addMinutes(issuedAt, (company ? 30 : 14) * 1440),
      paidAt, plan, method: company ? 'BANK_TRANSFER' : rng.weighted([['CARD', 80], ['CASH', 20]] as const), notes: `Work order WO-${w.number}`,
    };
  });

  const t = (name: string, channel: 'SMS' | 'EMAIL', language: string, subject: string | null, body: string) => ({ id: randomUUID(), organizationId, name, channel, language, subject, body });
  const templates = [
    t('Appointment confirmation', 'EMAIL', 'en', 'Your Northwind appointment on {{appointment.date}}', 'Hi {{customer.firstName}}, your appointment for "{{workOrder.title}}" is confirmed for {{appointment.date}} between {{appointment.from}} and {{appointment.to}}. Reply to this e-mail to reschedule. Job WO-{{workOrder.number}}.'),
    t('Technician on the way', 'SMS', 'en', null, 'Hi {{customer.firstName}}, {{technician.name}} from Northwind is on the way and should arrive around {{appointment.time}}. Reply STOP to opt out.'),
    t('Technician on the way', 'SMS', 'es', null, 'Hola {{customer.firstName}}, {{technician.name}} de Northwind va en camino y llegará alrededor de las {{appointment.time}}. Responda STOP para no recibir mensajes.'),
    t('Appointment reminder', 'SMS', 'en', null, 'Reminder: Northwind visit tomorrow between {{appointment.from}} and {{appointment.to}} for "{{workOrder.title}}". Reply C to confirm.'),
    t('Job completed', 'EMAIL', 'en', 'Thanks for choosing Northwind Home Services', 'Hi {{customer.firstName}}, {{technician.name}} has completed "{{workOrder.title}}". Your invoice will follow shortly. How did we do?'),
  ];
  const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', ...options });
  const day = fmt({ weekday: 'long', month: 'long', day: 'numeric' });
  const time = fmt({ hour: 'numeric', minute: '2-digit' });
  const messages: Prisma.MessageCreateManyInput[] = [];
  const consentRecords: Prisma.ConsentRecordCreateManyInput[] = [];
  const smsOk = (c: Customer) => Boolean(c.phone) && !SMS_OPT_OUT.has(c.id);
  const send = (w: WorkOrderRow, c: Customer, template: (typeof templates)[number], sentAt: Date) => {
    if (sentAt > now) return;
    const sms = template.channel === 'SMS';
    const failed = rng.chance(0.05);
    const status = failed ? 'FAILED' : rng.chance(0.1) ? 'SENT' : 'DELIVERED';
    const tech = technicians.find((x) => x.id === w.technicianId);
    const values = { customer: c, technician: { name: tech?.name.split(' ')[0] }, workOrder: w,
      appointment: { date: w.scheduledStart ? day.format(w.scheduledStart) : '', time: w.scheduledStart ? time.format(w.scheduledStart) : '',
        from: w.windowStart ? time.format(w.windowStart) : '', to: w.windowEnd ? time.format(w.windowEnd) : '' } };
    messages.push({
      id: randomUUID(), organizationId, guestId: c.id, workOrderId: w.id, channel: template.channel, direction: 'OUTBOUND', status,
      toAddress: (sms ? c.phone : c.email)!, fromAddress: sms ? '+15125550100' : 'service@northwind.demo', subject: template.subject ? render(template.subject, values) : null,
      body: render(template.body, values), templateId: template.id, providerId: sms ? `SM${rng.hex(32)}` : `msg_${rng.hex(16)}`,
      errorCode: failed ? (sms ? rng.pick(['30003', '30006']) : 'bounced') : null, sentAt, deliveredAt: status === 'DELIVERED' ? minDate(addMinutes(sentAt, 1), now) : null,
      createdById: users['dispatcher@northwind.demo']!, createdAt: sentAt, updatedAt: minDate(addMinutes(sentAt, 1), now),
    });
    if (sms && !failed && rng.chance(0.15)) {
      const at = minDate(addMinutes(sentAt, rng.int(1, 20)), now);
      messages.push({ id: randomUUID(), organizationId, guestId: c.id, workOrderId: w.id, channel: 'SMS', direction: 'INBOUND', status: 'RECEIVED',
        toAddress: '+15125550100', fromAddress: c.phone!, body: rng.pick(REPLIES), providerId: `SM${rng.hex(32)}`, sentAt: at, createdAt: at, updatedAt: at });
    }
  };
  for (const w of workOrders) {
    const c = customerOf.get(w.guestId!)!;
    const s = w.status;
    if (c.email && w.technicianId && rng.chance(0.6)) send(w, c, templates[0]!, addMinutes(w.createdAt, 3));
    if (smsOk(c) && (s === 'SCHEDULED' || s === 'DISPATCHED') && rng.chance(0.8)) send(w, c, templates[3]!, addMinutes(w.scheduledStart!, -1440));
    if (smsOk(c) && ['EN_ROUTE', 'ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'ON_HOLD'].includes(s) && rng.chance(0.65)) {
      send(w, c, templates[c.language === 'es' ? 2 : 1]!, addMinutes(w.scheduledStart!, -rng.int(20, 45)));
    }
    if (c.email && s === 'COMPLETED' && rng.chance(0.25)) send(w, c, templates[4]!, addMinutes(w.completedAt!, 30));
  }
  for (const c of customers.filter((x) => x.phone)) {
    const source = 'booking form';
    if (SMS_OPT_OUT.has(c.id) || rng.chance(0.9)) consentRecords.push({ id: randomUUID(), organizationId, guestId: c.id, channel: 'SMS', address: c.phone!, status: 'OPTED_IN', source, recordedAt: c.createdAt });
    if (!SMS_OPT_OUT.has(c.id)) continue;
    const at = addMinutes(now, -rng.int(1, 30) * 1440);
    consentRecords.push({ id: randomUUID(), organizationId, guestId: c.id, channel: 'SMS', address: c.phone!, status: 'OPTED_OUT', source: 'STOP reply', recordedAt: at });
    messages.push({ id: randomUUID(), organizationId, guestId: c.id, channel: 'SMS', direction: 'INBOUND', status: 'RECEIVED', toAddress: '+15125550100', fromAddress: c.phone!, body: 'STOP', sentAt: at, createdAt: at, updatedAt: at });
  }

  const dispatcher = users['dispatcher@northwind.demo']!;
  const wo = (s: WorkOrderStatus) => workOrders.filter((w) => w.status === s);
  const atRisk = wo('NEW').filter((w) => w.slaDueAt!.getTime() - now.getTime() < 6 * 60 * MINUTE);
  const failedSms = messages.filter((m) => m.status === 'FAILED' && m.channel === 'SMS').slice(0, 2);
  const late = wo('EN_ROUTE')[0]!;
  const alerts: Prisma.AlertCreateManyInput[] = [
    ...atRisk.map((w) => ({ severity: w.slaDueAt!.getTime() - now.getTime() < 2 * 60 * MINUTE ? 'CRITICAL' as const : 'WARNING' as const,
      title: `SLA at risk for WO-${w.number}`, body: `${w.title}: no technician assigned; SLA due ${time.format(w.slaDueAt!)}`, entityType: 'WorkOrder', entityId: w.id, createdAt: addMinutes(now, -rng.int(5, 30)) })),
    { severity: 'WARNING' as const, title: `Technician running late for WO-${late.number}`, body: `${technicians.find((x) => x.id === late.technicianId)!.name} is 25 minutes behind schedule`, entityType: 'WorkOrder', entityId: late.id, createdAt: addMinutes(now, -10) },
    ...wo('ON_HOLD').slice(0, 2).map((w) => ({ severity: 'WARNING' as const, title: `WO-${w.number} on hold`, body: w.statusReason, entityType: 'WorkOrder', entityId: w.id, createdAt: w.updatedAt, acknowledgedAt: addMinutes(w.updatedAt, 30), acknowledgedById: dispatcher })),
    ...failedSms.map((m) => ({ severity: 'INFO' as const, title: `SMS to ${m.toAddress} failed`, body: `Carrier error ${m.errorCode}`, entityType: 'Message', entityId: m.id!, createdAt: m.createdAt as Date, acknowledgedAt: addMinutes(m.createdAt as Date, 45), acknowledgedById: dispatcher })),
  ].map((a) => ({ id: randomUUID(), organizationId, ...a }));

  return { rooms: [], reservations: [], companies, guests: customers, sites, skills, technicians, technicianSkills, workOrders, invoices, templates, messages, consentRecords, alerts };
}
