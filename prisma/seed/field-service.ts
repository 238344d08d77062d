import type { Prisma, WorkOrderPriority, WorkOrderStatus } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { FIELD_TYPE_OF_SKILL, fieldMinLevel } from './catalog';
import type { InvoiceDraft, OrgSeed, SeedContext, WorkOrderRow } from './index';
import * as N from './names';
import { addMinutes, ascii, maxDate, minDate, MINUTE, render, type Rng } from './random';

type Technician = Prisma.TechnicianCreateManyInput & {
  id: string;
  name: string;
  shiftStartMin: number;
  shiftEndMin: number;
  maxJobsPerDay: number;
  workDays: number[];
};
type Customer = Prisma.GuestCreateManyInput & { id: string; firstName: string; createdAt: Date };
type Site = Prisma.SiteCreateManyInput & { id: string; guestId: string };

const SKILL_WEIGHTS: [string, number][] = [
  ['HVAC', 30],
  ['Plumbing', 25],
  ['Electrical', 15],
  ['Appliance repair', 12],
  ['Carpentry', 7],
  ['Roofing', 6],
  ['Gas safety', 5],
];
const SLA_HOURS: Record<WorkOrderPriority, number> = {
  EMERGENCY: 4,
  HIGH: 24,
  NORMAL: 72,
  LOW: 168,
};
// Jobs on the road right now come first, so each gets a technician of its own.
const STATUS_COUNTS: [WorkOrderStatus, number][] = [
  ['IN_PROGRESS', 6],
  ['ARRIVED', 3],
  ['EN_ROUTE', 5],
  ['DISPATCHED', 16],
  ['COMPLETED', 150],
  ['SCHEDULED', 50],
  ['ON_HOLD', 12],
  ['CANCELLED', 26],
  ['NEW', 32],
];
const ON_SITE: WorkOrderStatus[] = ['EN_ROUTE', 'ARRIVED', 'IN_PROGRESS'];
/** Local days (0 = today) a job of each status is booked on; cancelled bookings go either way. */
const DAYS: Partial<Record<WorkOrderStatus, [number, number]>> = {
  DISPATCHED: [0, 1],
  COMPLETED: [-45, -1],
  SCHEDULED: [1, 14],
  ON_HOLD: [-7, -1],
  CANCELLED: [-20, 7],
};
const VERSION: Record<WorkOrderStatus, number> = {
  NEW: 1,
  SCHEDULED: 2,
  DISPATCHED: 3,
  EN_ROUTE: 4,
  ARRIVED: 5,
  IN_PROGRESS: 6,
  ON_HOLD: 7,
  COMPLETED: 8,
  CANCELLED: 2,
};
const PLANS: [InvoiceDraft['plan'], number][] = [
  ['PAID', 65],
  ['PARTIALLY_PAID', 12],
  ['ISSUED', 23],
];
const SPANISH =
  /^(Garcia|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|Perez|Sanchez|Ramirez|Torres|Flores|Rivera)$/;
const OFFICE_PHONE = '+18305550190'; // the dispatch office; customers have 512 and 737 numbers
/** Technicians (by index into FIELD_TECHNICIANS) working Tuesday to Saturday; the rest Monday to Friday. */
const TUESDAY_TO_SATURDAY = [7, 8];

function address(rng: Rng) {
  const city = rng.weighted(N.CITIES.map((c) => [c, c.weight] as const));
  const point = rng.near(city.lat, city.lng, city.radiusKm);
  const line1 = `${rng.int(100, 9899)} ${rng.pick(city.streets)}`;
  return { city: city.name, postalCode: rng.pick(city.postalCodes), line1, ...point };
}

export function seedFieldService(ctx: SeedContext): OrgSeed {
  const { organizationId, now, clock, rng, users } = ctx;
  const dispatcher = users['dispatcher@northwind.demo']!;
  const skills = SKILL_WEIGHTS.map(([name]) => ({ id: randomUUID(), organizationId, name }));

  // Technicians: skill i % 7 as their trade (so every skill has two or three), plus up to three more.
  const technicianSkills: Prisma.TechnicianSkillCreateManyInput[] = [];
  const skillsOf = new Map<string, string[]>();
  const levelOf = new Map<string, number>(); // `${technicianId}|${skill}` → level
  const technicians: Technician[] = N.FIELD_TECHNICIANS.map((name, i) => {
    const id = randomUUID();
    const trade = skills[i % skills.length]!;
    const extra = rng.sample(
      skills.filter((s) => s !== trade),
      rng.weighted([
        [0, 3],
        [1, 4],
        [2, 3],
        [3, 1],
      ] as const),
    );
    [trade, ...extra].forEach((s, k) => {
      const level = k === 0 ? rng.int(2, 3) : rng.int(1, 3);
      technicianSkills.push({ technicianId: id, skillId: s.id, level });
      levelOf.set(`${id}|${s.name}`, level);
    });
    skillsOf.set(
      id,
      [trade, ...extra].map((s) => s.name),
    );
    const home = address(rng);
    const shiftStartMin = rng.pick([420, 480, 480, 540]);
    const [first, last] = name.split(' ') as [string, string];
    return {
      id,
      organizationId,
      name,
      userId: i === 0 ? users['tech@northwind.demo']! : null,
      email: i === 0 ? 'tech@northwind.demo' : `${ascii(first)}.${ascii(last)}@northwind.demo`,
      phone: `+1830555${String(100 + i).padStart(4, '0')}`,
      homeAddress: `${home.line1}, ${home.city}, TX ${home.postalCode}`,
      homeLat: home.lat,
      homeLng: home.lng,
      vehicle: `${rng.pick(N.VEHICLES)} #${11 + i}`,
      shiftStartMin,
      shiftEndMin: shiftStartMin + rng.pick([480, 540, 600]),
      maxJobsPerDay: rng.int(4, 7),
      workDays: TUESDAY_TO_SATURDAY.includes(i) ? [2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
    };
  });
  // Who may do a job of this skill: the type's minimum level (gas work needs level 2).
  const qualified = (tech: Technician, skill: string) =>
    (levelOf.get(`${tech.id}|${skill}`) ?? 0) >= fieldMinLevel(skill);
  const works = (tech: Technician, day: number) => tech.workDays.includes(clock.weekday(day));

  const companies = N.FIELD_COMPANIES.map((name, i) => ({
    id: randomUUID(),
    organizationId,
    name,
    taxId: `${rng.int(20, 88)}-${rng.int(1_000_000, 9_999_999)}`,
    email: `office@${ascii(name).slice(0, 16)}.example.com`,
    phone: `+1830555${String(150 + i).padStart(4, '0')}`,
  }));
  // 200 distinct numbers from the fictional 555-0100..0199 block of Austin's two area codes.
  const phones = rng.shuffle(
    [...Array(200).keys()].map((n) => `+1${n < 100 ? 512 : 737}5550${100 + (n % 100)}`),
  );
  const emails = new Set<string>();
  const customers: Customer[] = [...Array(200).keys()].map((i) => {
    const firstName = rng.pick(N.US_FIRST_NAMES);
    const lastName = rng.pick(N.US_LAST_NAMES);
    let email: string | null = null;
    if (rng.chance(0.85)) {
      const domain = () => rng.pick(N.CUSTOMER_EMAIL_DOMAINS);
      email = `${ascii(firstName)}.${ascii(lastName)}@${domain()}`;
      while (emails.has(email))
        email = `${ascii(firstName)}${ascii(lastName)}${rng.int(2, 99)}@${domain()}`;
      emails.add(email);
    }
    const createdAt = addMinutes(now, -rng.int(60, 900) * 1440 - rng.int(0, 1439));
    return {
      id: randomUUID(),
      organizationId,
      kind: 'CUSTOMER' as const,
      firstName,
      lastName,
      email,
      phone: rng.chance(0.95) ? phones[i]! : null,
      language: SPANISH.test(lastName) && rng.chance(0.4) ? 'es' : 'en',
      notes: rng.chance(0.08) ? rng.pick(N.CUSTOMER_NOTES) : null,
      companyId: i < 24 ? companies[i % companies.length]!.id : null,
      createdAt,
      updatedAt: createdAt,
    };
  });
  const customerOf = new Map(customers.map((c) => [c.id, c]));
  const sites: Site[] = [];
  for (const c of customers) {
    const company = companies.find((x) => x.id === c.companyId);
    for (let k = 0; k < (rng.chance(0.08) ? 2 : 1); k++) {
      const a = address(rng);
      const name = company
        ? `${company.name}, ${a.line1}`
        : k === 0
          ? 'Home'
          : rng.pick(['Rental property', 'Lake house']);
      sites.push({
        id: randomUUID(),
        organizationId,
        guestId: c.id,
        companyId: company?.id ?? null,
        name,
        country: 'US',
        addressLine1: a.line1,
        addressLine2: rng.chance(0.1) ? `Unit ${rng.int(1, 40)}` : null,
        city: a.city,
        postalCode: a.postalCode,
        lat: a.lat,
        lng: a.lng,
        accessNotes: rng.chance(0.2) ? rng.pick(N.FIELD_SITE_NOTES) : null,
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      });
    }
  }

  // A booking book per technician and local day (minutes since local midnight): nobody is double-booked.
  const load = new Map<string, { next: number; count: number }>();
  const book = (
    tech: Technician,
    day: number,
    minutes: number,
    earliest: number,
  ): number | null => {
    const slot = load.get(`${tech.id}|${day}`) ?? { next: tech.shiftStartMin, count: 0 };
    const start =
      Math.ceil(
        (Math.max(slot.next, earliest, tech.shiftStartMin) + (slot.count ? rng.int(15, 45) : 0)) /
          15,
      ) * 15;
    if (slot.count >= tech.maxJobsPerDay || start + minutes > tech.shiftEndMin) return null;
    load.set(`${tech.id}|${day}`, { next: start + minutes, count: slot.count + 1 });
    return start;
  };
  // On a working day of the technician, inside the shift; the range widens a day every 100 tries
  // (a weekend leaves few technicians for tomorrow's dispatched jobs).
  const place = (skill: string, minutes: number, [from, to]: [number, number]) => {
    const able = technicians.filter((t) => qualified(t, skill));
    for (let attempt = 0; attempt < 500; attempt++) {
      const tech = rng.pick(able);
      const day = rng.int(from, to + Math.floor(attempt / 100));
      if (!works(tech, day)) continue;
      const minute = book(tech, day, minutes, day === 0 ? clock.minuteOfDay(now) + 60 : 0);
      if (minute !== null) return { tech, start: clock.at(day, minute) };
    }
    throw new Error(`demo seed: no free ${skill} technician between days ${from} and ${to}`);
  };

  // tech@northwind.demo is at work now, then those whose working day it is.
  const onSite = [
    ...rng.shuffle(technicians.slice(1)).sort((a, b) => Number(works(a, 0)) - Number(works(b, 0))),
    technicians[0]!,
  ];
  const serviceTypeOf = new Map<string, string>();
  const workOrders: WorkOrderRow[] = [];
  for (const [status, count] of STATUS_COUNTS) {
    for (let i = 0; i < count; i++) {
      let tech: Technician | null = ON_SITE.includes(status) ? onSite.pop()! : null;
      const pressing = status === 'NEW' && i < 3; // fresh requests close to their SLA, for the alerts
      const skill = tech
        ? rng.pick(skillsOf.get(tech.id)!.filter((s) => qualified(tech!, s)))
        : pressing
          ? rng.pick(['HVAC', 'Plumbing', 'Electrical'])
          : rng.weighted(SKILL_WEIGHTS);
      const [title, description, minutes, price, urgent] = rng.pick(
        N.FIELD_TASKS[skill]!.filter((t) => t[4] || !pressing),
      );
      let priority = rng.weighted<WorkOrderPriority>(
        urgent
          ? [
              ['EMERGENCY', 35],
              ['HIGH', 40],
              ['NORMAL', 25],
            ]
          : [
              ['HIGH', 15],
              ['NORMAL', 65],
              ['LOW', 20],
            ],
      );
      if (pressing) priority = i === 1 ? 'HIGH' : 'EMERGENCY';
      if (status === 'SCHEDULED' && priority === 'EMERGENCY') priority = 'HIGH'; // emergencies are not booked days ahead
      const lead = {
        EMERGENCY: rng.int(30, 180),
        HIGH: rng.int(240, 1200),
        NORMAL: rng.int(1, 3) * 1440,
        LOW: rng.int(2, 7) * 1440,
      };

      let start: Date | null = null;
      if (tech) {
        const offset =
          status === 'EN_ROUTE'
            ? rng.int(10, 40)
            : status === 'ARRIVED'
              ? -rng.int(0, 15)
              : -rng.int(20, 120);
        start = new Date(Math.round(addMinutes(now, offset).getTime() / (5 * MINUTE)) * 5 * MINUTE);
        // Inside today's shift when the clock allows (seeded at night, the job runs outside it).
        const clamped = maxDate(
          clock.at(0, tech.shiftStartMin),
          minDate(start, clock.at(0, tech.shiftEndMin - minutes)),
        );
        if ((status === 'EN_ROUTE') === clamped > now) start = clamped;
        load.set(`${tech.id}|0`, { next: clock.minuteOfDay(start) + minutes, count: 3 });
      } else if (status !== 'NEW' && !(status === 'CANCELLED' && i % 2 === 0)) {
        ({ tech, start } = place(skill, minutes, DAYS[status]!));
      }
      const fresh = [-150, -19 * 60, -40][i] ?? -rng.int(5, Math.min(lead[priority], 2880));
      const createdAt = start
        ? minDate(addMinutes(start, -lead[priority]), addMinutes(now, -rng.int(10, 120)))
        : status === 'NEW'
          ? addMinutes(now, fresh)
          : addMinutes(now, -rng.int(1, 30) * 1440);
      // The arrival window promised to the customer (8-12, 12-16 or 16-20 local) around the visit.
      const local = start ? clock.minuteOfDay(start) : 0;
      const from = Math.min(
        local < 720 ? 480 : local < 960 ? 720 : local < 1200 ? 960 : 1200,
        local - (local % 60),
      );
      const windowStart = start
        ? addMinutes(start, from - local)
        : status !== 'NEW'
          ? null
          : priority === 'EMERGENCY'
            ? createdAt
            : clock.at(rng.int(1, 7), rng.pick([480, 720]));
      const worked = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'].includes(status);
      const startedAt = worked
        ? minDate(addMinutes(start!, rng.int(-10, 25)), addMinutes(now, -5))
        : null;
      const completedAt =
        status === 'COMPLETED'
          ? addMinutes(startedAt!, Math.round(minutes * rng.float(0.75, 1.4)))
          : null;
      const cancelledAt =
        status !== 'CANCELLED'
          ? null
          : maxDate(
              addMinutes(createdAt, 5),
              minDate(
                addMinutes(createdAt, rng.int(30, 3 * 1440)),
                start ? addMinutes(start, -60) : now,
                addMinutes(now, -10),
              ),
            );
      const updatedAt =
        status === 'ON_HOLD'
          ? addMinutes(startedAt!, 90)
          : (completedAt ??
            cancelledAt ??
            startedAt ??
            (status === 'EN_ROUTE'
              ? addMinutes(now, -rng.int(5, 25))
              : status === 'ARRIVED'
                ? minDate(start!, now)
                : status === 'NEW'
                  ? createdAt
                  : minDate(addMinutes(createdAt, rng.int(5, 240)), now)));
      const slaFloor =
        priority === 'EMERGENCY' || !windowStart ? createdAt : addMinutes(windowStart, 240);
      const site = rng.pick(sites);
      const id = randomUUID();
      serviceTypeOf.set(id, FIELD_TYPE_OF_SKILL[skill]!);
      workOrders.push({
        id,
        organizationId,
        number: 0,
        kind: 'FIELD_JOB',
        title,
        description,
        status,
        priority,
        statusReason:
          status === 'ON_HOLD'
            ? rng.pick(N.FIELD_HOLD_REASONS)
            : status === 'CANCELLED'
              ? rng.pick(N.FIELD_CANCEL_REASONS)
              : null,
        guestId: site.guestId,
        siteId: site.id,
        technicianId: tech?.id ?? null,
        windowStart,
        windowEnd: windowStart && addMinutes(windowStart, 240),
        scheduledStart: start,
        scheduledEnd: start && addMinutes(start, minutes),
        slaDueAt: maxDate(addMinutes(createdAt, SLA_HOURS[priority] * 60), slaFloor),
        estimatedMinutes: minutes,
        priceMinor: Math.round((price * rng.float(0.85, 1.2)) / 5) * 500,
        currency: 'USD',
        startedAt,
        completedAt,
        cancelledAt,
        createdById: rng.chance(0.8) ? dispatcher : null,
        version: VERSION[status] + (status === 'CANCELLED' && tech ? 1 : 0),
        createdAt,
        updatedAt,
      });
    }
  }
  workOrders
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .forEach((w, i) => (w.number = i + 1));

  // Invoices for most completed jobs: service call, labor, parts; Texas sales tax 8.25 %.
  const skillOf = (title: string) =>
    Object.keys(N.FIELD_TASKS).find((s) => N.FIELD_TASKS[s]!.some((t) => t[0] === title))!;
  const invoices = workOrders
    .filter((w) => w.status === 'COMPLETED' && rng.chance(0.85))
    .map((w): InvoiceDraft => {
      const [part, partPrice] = N.FIELD_PARTS[skillOf(w.title)]!;
      const line = (description: string, quantity: number, unitPriceMinor: number) => ({
        description,
        quantity,
        unitPriceMinor,
        taxRateBps: 825,
      });
      const lines = [line(`Labor: ${w.title}`, 1, w.priceMinor!)];
      if (rng.chance(0.6)) lines.unshift(line('Service call', 1, 8900));
      if (rng.chance(0.5)) lines.push(line(part, rng.int(1, 3), partPrice));
      const company = Boolean(customerOf.get(w.guestId!)!.companyId);
      const issuedAt = addMinutes(w.completedAt!, rng.int(10, 180));
      const delay = rng.chance(0.6) ? rng.int(0, 60) : rng.int(1, 20) * 1440;
      const paidAt = minDate(addMinutes(issuedAt, delay), addMinutes(now, -rng.int(5, 600)));
      return {
        organizationId,
        prefix: 'NW',
        currency: 'USD',
        guestId: w.guestId!,
        workOrderId: w.id,
        lines,
        issuedAt,
        paidAt,
        dueAt: addMinutes(issuedAt, (company ? 30 : 14) * 1440),
        plan: paidAt < issuedAt ? 'ISSUED' : rng.weighted(PLANS),
        method: company
          ? 'BANK_TRANSFER'
          : rng.weighted([
              ['CARD', 80],
              ['CASH', 20],
            ]),
        notes: `Work order WO-${w.number}`,
      };
    });

  const template = (
    name: string,
    channel: 'SMS' | 'EMAIL',
    language: string,
    subject: string | null,
    body: string,
  ) => ({ id: randomUUID(), organizationId, name, channel, language, subject, body });
  // Only merge fields the renderer knows (subgraphs/communications/src/template/merge-fields.ts).
  const templates = [
    template(
      'Appointment confirmation',
      'EMAIL',
      'en',
      'Your Northwind appointment: {{job.window}}',
      'Hi {{guest.firstName}}, your appointment for "{{job.title}}" is confirmed for {{job.window}}. ' +
        'Reply to this e-mail to reschedule. Job WO-{{job.number}}.',
    ),
    template(
      'Technician on the way',
      'SMS',
      'en',
      null,
      'Hi {{guest.firstName}}, {{technician.firstName}} from Northwind ' +
        'is on the way and should arrive around {{job.eta}}. Reply STOP to opt out.',
    ),
    template(
      'Technician on the way',
      'SMS',
      'es',
      null,
      'Hola {{guest.firstName}}, {{technician.firstName}} de Northwind ' +
        'va en camino y llegará alrededor de las {{job.eta}}. Responda STOP para no recibir mensajes.',
    ),
    template(
      'Appointment reminder',
      'SMS',
      'en',
      null,
      'Reminder: Northwind visit tomorrow, {{job.window}}, ' +
        'for "{{job.title}}". Reply C to confirm.',
    ),
    template(
      'Job completed',
      'EMAIL',
      'en',
      'Thanks for choosing Northwind Home Services',
      'Hi {{guest.firstName}}, ' +
        '{{technician.firstName}} has completed "{{job.title}}". Your invoice will follow shortly. How did we do?',
    ),
  ];
  const [confirmation, onTheWay, onTheWayEs, reminder, completed] = templates;

  // SMS consent from the booking form for most customers; six later texted STOP.
  const consentRecords: Prisma.ConsentRecordCreateManyInput[] = [];
  const messages: Prisma.MessageCreateManyInput[] = [];
  const withPhone = customers.filter((c) => c.phone);
  const optedOut = new Set(rng.sample(withPhone, 6));
  const consented = new Set(withPhone.filter((c) => optedOut.has(c) || rng.chance(0.9)));
  const inbound = (c: Customer, body: string, at: Date, workOrderId: string | null = null) =>
    messages.push({
      id: randomUUID(),
      organizationId,
      guestId: c.id,
      workOrderId,
      channel: 'SMS',
      direction: 'INBOUND',
      status: 'RECEIVED',
      toAddress: OFFICE_PHONE,
      fromAddress: c.phone!,
      body,
      providerId: `SM${rng.hex(32)}`,
      sentAt: at,
      createdAt: at,
      updatedAt: at,
    });
  for (const c of consented) {
    const record = { organizationId, guestId: c.id, channel: 'SMS' as const, address: c.phone! };
    const optIn = { status: 'OPTED_IN' as const, source: 'booking form', recordedAt: c.createdAt };
    consentRecords.push({ id: randomUUID(), ...record, ...optIn });
    if (!optedOut.has(c)) continue;
    const at = addMinutes(now, -rng.int(1, 30) * 1440);
    consentRecords.push({
      id: randomUUID(),
      ...record,
      status: 'OPTED_OUT',
      source: 'STOP reply',
      recordedAt: at,
    });
    inbound(c, 'STOP', at);
  }
  const textable = (c: Customer) => consented.has(c) && !optedOut.has(c);

  const fmt = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', ...options });
  const dayName = fmt({ weekday: 'long', month: 'long', day: 'numeric' });
  const time = fmt({ hour: 'numeric', minute: '2-digit' });
  const send = (w: WorkOrderRow, c: Customer, tpl: (typeof templates)[number], sentAt: Date) => {
    if (sentAt > now) return;
    const sms = tpl.channel === 'SMS';
    const failed = rng.chance(0.05);
    const status = failed ? 'FAILED' : rng.chance(0.1) ? 'SENT' : 'DELIVERED';
    const tech = technicians.find((x) => x.id === w.technicianId);
    // The same names as the live renderer's merge fields.
    const values = {
      guest: c,
      technician: { firstName: tech?.name.split(' ')[0] },
      job: {
        number: w.number,
        title: w.title,
        window:
          w.windowStart &&
          `${dayName.format(w.windowStart)}, ${time.format(w.windowStart)}–${w.windowEnd ? time.format(w.windowEnd) : ''}`,
        eta: w.scheduledStart && time.format(w.scheduledStart),
      },
    };
    messages.push({
      id: randomUUID(),
      organizationId,
      guestId: c.id,
      workOrderId: w.id,
      channel: tpl.channel,
      direction: 'OUTBOUND',
      status,
      toAddress: (sms ? c.phone : c.email)!,
      fromAddress: sms ? OFFICE_PHONE : 'service@northwind.demo',
      subject: tpl.subject && render(tpl.subject, values),
      body: render(tpl.body, values),
      templateId: tpl.id,
      providerId: sms ? `SM${rng.hex(32)}` : `msg_${rng.hex(16)}`,
      errorCode: failed ? (sms ? rng.pick(['30003', '30006']) : 'bounced') : null,
      sentAt,
      deliveredAt: status === 'DELIVERED' ? minDate(addMinutes(sentAt, 1), now) : null,
      createdById: dispatcher,
      createdAt: sentAt,
      updatedAt: minDate(addMinutes(sentAt, 1), now),
    });
    if (sms && !failed && rng.chance(0.15)) {
      inbound(c, rng.pick(N.SMS_REPLIES), minDate(addMinutes(sentAt, rng.int(1, 20)), now), w.id);
    }
  };
  for (const w of workOrders) {
    const c = customerOf.get(w.guestId!)!;
    const s = w.status;
    if (c.email && w.technicianId && rng.chance(0.6))
      send(w, c, confirmation, addMinutes(w.createdAt, 3));
    if (textable(c) && (s === 'SCHEDULED' || s === 'DISPATCHED') && rng.chance(0.8)) {
      send(w, c, reminder, addMinutes(w.scheduledStart!, -1440));
    }
    if (textable(c) && [...ON_SITE, 'COMPLETED', 'ON_HOLD'].includes(s) && rng.chance(0.65)) {
      send(
        w,
        c,
        c.language === 'es' ? onTheWayEs : onTheWay,
        addMinutes(w.scheduledStart!, -rng.int(20, 45)),
      );
    }
    if (c.email && s === 'COMPLETED' && rng.chance(0.25))
      send(w, c, completed, addMinutes(w.completedAt!, 30));
  }

  const withStatus = (s: WorkOrderStatus) => workOrders.filter((w) => w.status === s);
  const dueIn = (w: WorkOrderRow) => w.slaDueAt!.getTime() - now.getTime();
  const late = withStatus('EN_ROUTE')[0]!;
  const alert = (
    a: Omit<Prisma.AlertCreateManyInput, 'id' | 'organizationId'>,
  ): Prisma.AlertCreateManyInput => ({ id: randomUUID(), organizationId, ...a });
  const atRisk = withStatus('NEW')
    .filter((w) => dueIn(w) < 6 * 60 * MINUTE)
    .sort((a, b) => dueIn(a) - dueIn(b));
  const alerts = [
    ...atRisk.slice(0, 3).map((w) =>
      alert({
        severity: dueIn(w) < 2 * 60 * MINUTE ? 'CRITICAL' : 'WARNING',
        title: `SLA at risk for WO-${w.number}`,
        body: `${w.title}: no technician assigned; SLA due ${time.format(w.slaDueAt!)}`,
        entityType: 'WorkOrder',
        entityId: w.id,
        createdAt: addMinutes(now, -rng.int(5, 30)),
      }),
    ),
    alert({
      severity: 'WARNING',
      title: `Technician running late for WO-${late.number}`,
      entityType: 'WorkOrder',
      entityId: late.id,
      body: `${technicians.find((x) => x.id === late.technicianId)!.name}: previous job overran, ETA 25 minutes late`,
      createdAt: addMinutes(now, -10),
    }),
    ...withStatus('ON_HOLD')
      .slice(0, 2)
      .map((w) =>
        alert({
          severity: 'WARNING',
          title: `WO-${w.number} on hold`,
          body: w.statusReason,
          entityType: 'WorkOrder',
          entityId: w.id,
          createdAt: w.updatedAt,
          acknowledgedAt: addMinutes(w.updatedAt, 30),
          acknowledgedById: dispatcher,
        }),
      ),
    ...messages
      .filter((m) => m.status === 'FAILED' && m.channel === 'SMS')
      .slice(0, 2)
      .map((m) =>
        alert({
          severity: 'INFO',
          title: `SMS to ${m.toAddress} failed`,
          body: `Carrier error ${m.errorCode}`,
          entityType: 'Message',
          entityId: m.id!,
          createdAt: m.createdAt!,
          acknowledgedAt: addMinutes(m.createdAt as Date, 45),
          acknowledgedById: dispatcher,
        }),
      ),
  ];

  return {
    organizationId,
    rooms: [],
    reservations: [],
    companies,
    guests: customers,
    sites,
    skills,
    technicians,
    technicianSkills,
    workOrders,
    serviceTypeOf,
    invoices,
    templates,
    messages,
    consentRecords,
    alerts,
  };
}
