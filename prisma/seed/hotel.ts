import type { Prisma, ReservationStatus, RoomState, WorkOrderPriority, WorkOrderStatus } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import type { InvoiceDraft, OrgSeed, SeedContext, WorkOrderRow } from './index';
import { HOTEL_COMPANIES, HOTEL_GUEST_NOTES, HOTEL_NATIONALITIES, HOTEL_TECHNICIANS, lastNameFor } from './names';
import { addMinutes, ascii, DAY, minDate, render } from './random';

type Room = Prisma.RoomCreateManyInput & { id: string; number: string; roomType: string };
type Guest = Prisma.GuestCreateManyInput & { id: string; createdAt: Date; firstName: string; lastName: string };
type Reservation = Prisma.ReservationCreateManyInput & { id: string; arrivalAt: Date; departureAt: Date; createdAt: Date };
interface Stay { room: Room; a: number; d: number; status: ReservationStatus; rate: number }

const RATES: Record<string, [number, number]> = {
  Standard: [95, 125], Superior: [125, 155], Deluxe: [160, 195], Suite: [260, 340],
};
const CHECK_IN = 15 * 60;
const CHECK_OUT = 11 * 60;
const SLA_MINUTES: Record<WorkOrderPriority, number> = { EMERGENCY: 60, HIGH: 240, NORMAL: 1440, LOW: 4320 };

type Job = [category: 'housekeeping' | 'minibar' | 'maintenance', title: string, description: string, minutes: number];
const JOBS: Job[] = [
  ['housekeeping', 'Extra towels for {{room}}', 'Guest asked for two extra bath towels and a bathrobe.', 15],
  ['housekeeping', 'Turndown service in {{room}}', 'Evening turndown requested by the guest.', 20],
  ['housekeeping', 'Deep clean after check-out in {{room}}', 'Full clean including carpet and curtains.', 60],
  ['housekeeping', 'Baby cot for {{room}}', 'Set up a baby cot with fresh linen before arrival.', 20],
  ['minibar', 'Restock minibar in {{room}}', 'Guest consumed most of the minibar; restock and post charges.', 15],
  ['minibar', 'Minibar check after check-out in {{room}}', 'Count and charge items before the folio is closed.', 10],
  ['maintenance', 'Fix leaking tap in {{room}}', 'Bathroom basin tap drips constantly; replace the cartridge.', 45],
  ['maintenance', 'AC not cooling in {{room}}', 'Guest reports the room stays at 26 °C with the AC on.', 60],
  ['maintenance', 'Replace bedside lamp bulb in {{room}}', 'Left bedside lamp is out.', 10],
  ['maintenance', 'Shower drain blocked in {{room}}', 'Water pools in the shower tray.', 40],
  ['maintenance', 'Safe will not open in {{room}}', 'In-room safe locked with the guest passport inside.', 20],
  ['maintenance', 'Door lock battery low in {{room}}', 'Key card reader blinks red; replace the batteries.', 15],
];
const CANCEL_REASONS = ['Guest declined the service', 'Duplicate request', 'Guest checked out early'];
/** The jobs that keep the three blocked rooms out of sale, with why they are on hold. */
const HOLDS: [job: number, reason: string][] = [
  [6, 'Waiting for a replacement cartridge from the supplier'],
  [9, 'External plumber booked for tomorrow morning'],
  [7, 'Compressor replacement ordered, delivery expected this week'],
];

export function seedHotel(ctx: SeedContext): OrgSeed {
  const { organizationId, now, clock, rng } = ctx;
  const at = (day: number, minute: number) => clock.at(day, minute);

  // Rooms: 10 per floor, 101..610; the top floors hold the bigger room types.
  const rooms: Room[] = [];
  for (let floor = 1; floor <= 6; floor++) {
    for (let pos = 1; pos <= 10; pos++) {
      const roomType =
        floor === 6 ? (pos > 6 ? 'Suite' : 'Deluxe') : floor === 5 ? (pos > 4 ? 'Deluxe' : 'Superior')
        : pos > 8 ? 'Deluxe' : pos > 5 ? 'Superior' : 'Standard';
      rooms.push({ id: randomUUID(), organizationId, number: `${floor}${String(pos).padStart(2, '0')}`, floor, roomType });
    }
  }
  const blocked = rng.sample(rooms, 3);
  blocked.forEach((room, i) => (room.state = i < 2 ? 'OUT_OF_ORDER' : 'OUT_OF_SERVICE'));
  const sellable = rooms.filter((room) => !blocked.includes(room));
  const occupied = rng.sample(sellable, 42);
  for (const room of sellable) {
    const weights: [RoomState, number][] = occupied.includes(room)
      ? [['CLEAN', 5], ['DIRTY', 3], ['INSPECTED', 2]] : [['CLEAN', 3], ['INSPECTED', 4], ['DIRTY', 2]];
    room.state = rng.weighted(weights);
  }

  const companies = HOTEL_COMPANIES.map((name) => ({
    id: randomUUID(), organizationId, name, taxId: `CZ${rng.int(10_000_000, 99_999_999)}`,
    email: `accounts@${ascii(name).slice(0, 14)}.example.com`, phone: `+420555${rng.int(100_000, 999_999)}`,
  }));

  const emails = new Set<string>();
  const vips = new Set(rng.sample([...Array(300).keys()], 24));
  const guests: Guest[] = [...Array(300).keys()].map((i) => {
    const nat = rng.weighted(HOTEL_NATIONALITIES.map((n) => [n, n.weight] as const));
    const female = rng.chance(0.5);
    const firstName = rng.pick(female ? nat.female : nat.male);
    const lastName = lastNameFor(rng.pick(nat.last), female);
    let email: string | null = null;
    if (rng.chance(0.9)) {
      const base = `${ascii(firstName)}.${ascii(lastName)}`;
      email = `${base}@${rng.pick(['example.com', 'example.net', 'example.org'])}`;
      while (emails.has(email)) email = `${base}${rng.int(2, 99)}@example.com`;
      emails.add(email);
    }
    const phone = !rng.chance(0.75) ? null
      : nat.code === 'US' ? `+1${rng.pick(['212', '415', '312', '617'])}55501${rng.int(10, 99)}`
      : `${nat.phonePrefix}555${rng.int(100_000, 999_999)}`;
    return {
      id: randomUUID(), organizationId, kind: 'HOTEL_GUEST' as const, firstName, lastName, email, phone,
      language: nat.language, nationality: nat.code, vip: vips.has(i),
      notes: rng.chance(0.06) ? rng.pick(HOTEL_GUEST_NOTES) : null,
      birthDate: rng.chance(0.55) ? new Date(Date.UTC(rng.int(1950, 2002), rng.int(0, 11), rng.int(1, 28))) : null,
      companyId: rng.chance(0.1) ? rng.pick(companies).id : null,
      createdAt: now, updatedAt: now,
    };
  });

  // Stays are laid out per room on a day grid (day 0 = today, local time), so no two stays in
  // one room overlap: in-house first, then arrivals walking forward and departures walking back.
  const stays: Stay[] = [];
  const back = new Map<Room, number>(rooms.map((r) => [r, -1]));
  const forward = new Map<Room, number>(rooms.map((r) => [r, 0]));
  const rate = (room: Room) => rng.int(...RATES[room.roomType]!) * 100;
  const nights = () => rng.weighted([[1, 3], [2, 5], [3, 5], [4, 3], [5, 2], [7, 1]] as const);
  for (const room of occupied) {
    const a = -rng.int(1, 5);
    const d = rng.int(1, 6);
    stays.push({ room, a, d, status: 'CHECKED_IN', rate: rate(room) });
    back.set(room, a);
    forward.set(room, d);
  }
  for (let i = 0; i < 125; i++) {
    const room = rng.pick(sellable);
    const a = forward.get(room)! + rng.int(0, 9);
    const d = a + nights();
    forward.set(room, d);
    const arrived = a === 0 && at(0, CHECK_IN) <= now; // today's arrivals already in
    const status = arrived ? 'CHECKED_IN' : rng.chance(0.1) ? 'INQUIRED' : 'CONFIRMED';
    stays.push({ room, a, d, status, rate: rate(room) });
  }
  while (stays.length < 400) {
    const room = rng.pick(rooms);
    const d = back.get(room)! - rng.int(0, 8);
    const a = d - nights();
    back.set(room, a);
    const status = rng.weighted([['CHECKED_OUT', 87], ['CANCELLED', 9], ['NO_SHOW', 4]] as const);
    stays.push({ room, a, d, status, rate: rate(room) });
  }

  const guestOrder = [...rng.shuffle(guests), ...Array.from({ length: 100 }, () => rng.pick(guests))];
  const codes = new Set<string>();
  const reservations: Reservation[] = rng.shuffle(stays).map((stay, i) => {
    const guest = guestOrder[i]!;
    let confirmationCode = `AUR-${rng.code(6)}`;
    while (codes.has(confirmationCode)) confirmationCode = `AUR-${rng.code(6)}`;
    codes.add(confirmationCode);
    const arrivalAt = at(stay.a, CHECK_IN);
    const departureAt = at(stay.d, CHECK_OUT);
    const createdAt = stay.status === 'INQUIRED' ? addMinutes(now, -rng.int(30, 5 * 1440))
      : minDate(new Date(arrivalAt.getTime() - rng.int(1, 75) * DAY - rng.int(0, 600) * 60_000), addMinutes(now, -90));
    const updatedAt = { CHECKED_OUT: addMinutes(departureAt, rng.int(-90, 30)), CHECKED_IN: minDate(addMinutes(arrivalAt, rng.int(0, 300)), now),
      CANCELLED: minDate(addMinutes(createdAt, rng.int(60, 20 * 1440)), addMinutes(arrivalAt, -60)),
      NO_SHOW: addMinutes(arrivalAt, 20 * 60), CONFIRMED: createdAt, INQUIRED: createdAt }[stay.status];
    guest.createdAt = minDate(guest.createdAt, addMinutes(createdAt, -rng.int(1, 60)));
    const suite = stay.room.roomType === 'Suite';
    const unassigned = stay.status === 'INQUIRED' || (stay.status === 'CONFIRMED' && rng.chance(0.15));
    return {
      id: randomUUID(), organizationId, confirmationCode, status: stay.status, guestId: guest.id,
      roomId: unassigned ? null : stay.room.id, arrivalAt, departureAt,
      adults: suite ? rng.int(2, 4) : rng.weighted([[1, 4], [2, 6], [3, 1]] as const),
      children: rng.weighted([[0, 8], [1, 1], [2, 1]] as const),
      channel: guest.companyId ? 'Corporate' : rng.weighted([['Booking.com', 5], ['Direct', 4], ['Expedia', 2], ['Phone', 1]] as const),
      totalMinor: (stay.d - stay.a) * stay.rate, currency: 'EUR',
      notes: rng.chance(0.08) ? rng.pick(['Airport transfer requested', 'Twin beds please', 'Late check-out 13:00 approved']) : null,
      createdAt, updatedAt,
    };
  });
  for (const g of guests) g.updatedAt = g.createdAt;
  const byId = new Map(guests.map((g) => [g.id, g]));
  const inHouse = reservations.filter((r) => r.status === 'CHECKED_IN');

  // Technicians: maintenance (0, 2) and housekeeping (1, 3); the first is tech@aurora.demo.
  const technicians = HOTEL_TECHNICIANS.map((name, i) => ({
    id: randomUUID(), organizationId, name, userId: i === 0 ? ctx.users['tech@aurora.demo']! : null,
    email: i === 0 ? 'tech@aurora.demo' : `${ascii(name.split(' ')[0]!)}.${ascii(name.split(' ')[1]!)}@aurora.demo`,
    phone: `+420555${rng.int(100_000, 999_999)}`, shiftStartMin: i < 2 ? 420 : 600, shiftEndMin: i < 2 ? 900 : 1080, maxJobsPerDay: 12,
  }));

  const workOrders: WorkOrderRow[] = [];
  const statuses: WorkOrderStatus[] = [
    ...Array<WorkOrderStatus>(30).fill('COMPLETED'), ...Array<WorkOrderStatus>(8).fill('NEW'), ...Array<WorkOrderStatus>(8).fill('SCHEDULED'),
    ...Array<WorkOrderStatus>(4).fill('DISPATCHED'), ...Array<WorkOrderStatus>(3).fill('IN_PROGRESS'), ...Array<WorkOrderStatus>(3).fill('ON_HOLD'),
    ...Array<WorkOrderStatus>(4).fill('CANCELLED'),
  ];
  const busy = [...rng.shuffle([1, 2, 3]), 0]; // tech@aurora.demo has a job in progress
  let holdIndex = 0;
  for (const status of statuses) {
    const hold = status === 'ON_HOLD';
    const active = status === 'IN_PROGRESS' ? busy.pop()! : null; // one job in progress per technician
    const jobs = active === null ? JOBS : JOBS.filter((j) => (j[0] === 'maintenance') === (active % 2 === 0));
    const [category, title, description, minutes] = hold ? JOBS[HOLDS[holdIndex]![0]]! : rng.pick(jobs);
    const room = hold ? blocked[holdIndex++]! : category === 'maintenance' ? rng.pick(rooms) : rng.pick(occupied);
    const techIndex = active ?? (category === 'maintenance' ? rng.pick([0, 2]) : rng.pick([1, 3]));
    const tech = technicians[techIndex]!;
    let start: Date;
    if (hold) start = at(-rng.int(1, 3), rng.int(tech.shiftStartMin, tech.shiftEndMin - 60));
    else if (status === 'COMPLETED' || status === 'CANCELLED') start = at(-rng.int(1, 14), rng.int(tech.shiftStartMin, tech.shiftEndMin - 60));
    else if (status === 'IN_PROGRESS') start = addMinutes(now, -rng.int(10, 40));
    else if (status === 'DISPATCHED') start = addMinutes(now, rng.int(-20, 60));
    else {
      start = at(0, rng.int(tech.shiftStartMin, tech.shiftEndMin - 60));
      if (start <= addMinutes(now, 30)) start = at(1, rng.int(tech.shiftStartMin, tech.shiftEndMin - 60));
    }
    start = new Date(Math.round(start.getTime() / (5 * 60_000)) * 5 * 60_000);
    const stay = reservations.find((r) => r.roomId === room.id && r.arrivalAt <= start && r.departureAt > start
      && (r.status === 'CHECKED_IN' || r.status === 'CHECKED_OUT'));
    const priority = rng.weighted<WorkOrderPriority>([['EMERGENCY', 1], ['HIGH', 4], ['NORMAL', 12], ['LOW', 3]]);
    const createdAt = status === 'NEW' ? addMinutes(now, -rng.int(5, 180)) : minDate(addMinutes(start, -rng.int(15, 600)), addMinutes(now, -rng.int(5, 60)));
    const startedAt = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'].includes(status) ? addMinutes(start, rng.int(0, 10)) : null;
    const completedAt = status === 'COMPLETED' ? addMinutes(startedAt!, Math.round(minutes * rng.float(0.8, 1.4))) : null;
    const cancelledAt = status === 'CANCELLED' ? addMinutes(createdAt, rng.int(10, 120)) : null;
    workOrders.push({
      id: randomUUID(), organizationId, number: 0, kind: 'HOTEL_SERVICE', status, priority,
      title: render(title, { room: room.number }), description,
      statusReason: hold ? HOLDS[holdIndex - 1]![1] : status === 'CANCELLED' ? rng.pick(CANCEL_REASONS) : null,
      roomId: room.id, guestId: stay?.guestId ?? null, reservationId: stay?.id ?? null,
      technicianId: status === 'NEW' || (status === 'CANCELLED' && rng.chance(0.5)) ? null : tech.id,
      scheduledStart: status === 'NEW' ? null : start, scheduledEnd: status === 'NEW' ? null : addMinutes(start, minutes),
      windowStart: addMinutes(start, -30), windowEnd: addMinutes(start, 120), slaDueAt: addMinutes(createdAt, SLA_MINUTES[priority]),
      estimatedMinutes: minutes, priceMinor: category === 'minibar' ? rng.int(6, 30) * 150 : null,
      currency: category === 'minibar' ? 'EUR' : null, startedAt, completedAt, cancelledAt,
      createdById: rng.chance(0.5) ? ctx.users['manager@aurora.demo']! : null,
      createdAt, updatedAt: completedAt ?? cancelledAt ?? startedAt ?? createdAt,
    });
  }
  workOrders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).forEach((w, i) => (w.number = i + 1));

  // Folios for ~100 checked-out stays: room, breakfast, city tax, the odd minibar bill.
  const invoices: InvoiceDraft[] = rng.sample(reservations.filter((r) => r.status === 'CHECKED_OUT'), 100).map((r) => {
    const n = Math.round((r.departureAt.getTime() - r.arrivalAt.getTime()) / DAY);
    const adults = r.adults ?? 1;
    const corporate = Boolean(byId.get(r.guestId)!.companyId);
    const lines = [{ description: `Accommodation, ${n} night${n > 1 ? 's' : ''}`, quantity: n, unitPriceMinor: r.totalMinor! / n, taxRateBps: 1200 }];
    if (rng.chance(0.7)) lines.push({ description: 'Breakfast', quantity: n * adults, unitPriceMinor: 1800, taxRateBps: 1200 });
    if (rng.chance(0.3)) lines.push({ description: 'Minibar', quantity: rng.int(1, 5), unitPriceMinor: rng.pick([350, 450, 650]), taxRateBps: 2100 });
    lines.push({ description: 'City tax', quantity: n * adults, unitPriceMinor: 200, taxRateBps: 0 });
    const paidAt = corporate ? addMinutes(r.departureAt, rng.int(3, 20) * 1440) : r.departureAt;
    return {
      organizationId, prefix: 'AUR', currency: 'EUR', guestId: r.guestId, workOrderId: null, lines, issuedAt: r.departureAt,
      dueAt: corporate ? addMinutes(r.departureAt, 14 * 1440) : r.departureAt, paidAt,
      plan: !corporate || paidAt <= now ? 'PAID' : rng.chance(0.3) ? 'PARTIALLY_PAID' : 'ISSUED',
      method: corporate ? 'BANK_TRANSFER' : 'CARD', notes: corporate ? `Invoice to ${companies.find((c) => c.id === byId.get(r.guestId)!.companyId)!.name}` : null,
    };
  });

  const t = (name: string, channel: 'EMAIL' | 'SMS', language: string, subject: string | null, body: string) =>
    ({ id: randomUUID(), organizationId, name, channel, language, subject, body });
  const templates = [
    t('Pre-arrival welcome', 'EMAIL', 'en', 'Your stay at Hotel Aurora Prague', 'Dear {{guest.firstName}}, we look forward to welcoming you on {{reservation.arrival}}. Your confirmation code is {{reservation.code}}. Reply to this e-mail for airport transfers or special requests.'),
    t('Pre-arrival welcome', 'EMAIL', 'de', 'Ihr Aufenthalt im Hotel Aurora Prague', 'Liebe(r) {{guest.firstName}}, wir freuen uns, Sie am {{reservation.arrival}} begrüßen zu dürfen. Ihre Buchungsnummer: {{reservation.code}}.'),
    t('Pre-arrival welcome', 'EMAIL', 'cs', 'Váš pobyt v Hotelu Aurora Prague', 'Dobrý den, {{guest.firstName}}, těšíme se na Vás {{reservation.arrival}}. Číslo rezervace: {{reservation.code}}.'),
    t('Room ready', 'SMS', 'en', null, 'Hi {{guest.firstName}}, your room {{room.number}} at Hotel Aurora is ready. Welcome to Prague!'),
    t('Check-out thank you', 'EMAIL', 'en', 'Thank you for staying with us', 'Dear {{guest.firstName}}, thank you for staying at Hotel Aurora Prague. We hope to see you again soon.'),
  ];
  const dateIn = (language: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Europe/Prague' });
  const messages: Prisma.MessageCreateManyInput[] = [];
  const send = (g: Guest, channel: 'EMAIL' | 'SMS', sentAt: Date, tpl: (typeof templates)[number] | null, body: string) => {
    if (sentAt > now) return;
    const failed = rng.chance(0.04);
    messages.push({
      id: randomUUID(), organizationId, guestId: g.id, channel, direction: 'OUTBOUND',
      status: failed ? 'FAILED' : rng.chance(0.08) ? 'SENT' : 'DELIVERED', errorCode: failed ? (channel === 'SMS' ? '30003' : 'mailbox_unavailable') : null,
      toAddress: (channel === 'SMS' ? g.phone : g.email)!, fromAddress: channel === 'SMS' ? '+420555010203' : 'reception@aurora.demo',
      subject: tpl?.subject ?? null, body, templateId: tpl?.id ?? null, providerId: `msg_${rng.hex(16)}`,
      sentAt, deliveredAt: failed ? null : minDate(addMinutes(sentAt, 1), now), createdAt: sentAt, updatedAt: minDate(addMinutes(sentAt, 1), now),
    });
  };
  for (const r of reservations) {
    const g = byId.get(r.guestId)!;
    const room = rooms.find((x) => x.id === r.roomId);
    const values = { guest: g, room, reservation: { code: r.confirmationCode, arrival: dateIn(g.language ?? 'en').format(r.arrivalAt) } };
    if (g.email && ['CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT'].includes(r.status) && rng.chance(0.22)) {
      const tpl = templates.find((x) => x.name === 'Pre-arrival welcome' && x.language === g.language) ?? templates[0]!;
      send(g, 'EMAIL', addMinutes(r.arrivalAt, -3 * 1440 - rng.int(0, 120)), tpl, render(tpl.body, values));
    }
    if (g.phone && r.status === 'CHECKED_IN' && room && rng.chance(0.5)) send(g, 'SMS', addMinutes(r.arrivalAt, -rng.int(0, 60)), templates[3]!, render(templates[3]!.body, values));
    if (g.email && r.status === 'CHECKED_OUT' && rng.chance(0.12)) send(g, 'EMAIL', addMinutes(r.departureAt, 240), templates[4]!, render(templates[4]!.body, values));
  }
  const questions = ['Could we get a late check-out tomorrow?', 'Is the spa open on Sunday?', 'Thank you for the flowers!', 'Can we book a table for two at 8pm?'];
  for (const r of rng.sample(inHouse.filter((x) => byId.get(x.guestId)!.phone), 8)) {
    const g = byId.get(r.guestId)!;
    const receivedAt = new Date(r.arrivalAt.getTime() + (now.getTime() - r.arrivalAt.getTime()) * rng.float(0.2, 0.95));
    messages.push({ id: randomUUID(), organizationId, guestId: g.id, channel: 'SMS', direction: 'INBOUND', status: 'RECEIVED',
      toAddress: '+420555010203', fromAddress: g.phone!, body: rng.pick(questions), sentAt: receivedAt, createdAt: receivedAt, updatedAt: receivedAt });
  }
  const consentRecords = guests.filter((g) => g.email && rng.chance(0.75)).map((g, i) => ({
    id: randomUUID(), organizationId, guestId: g.id, channel: 'EMAIL' as const, address: g.email!,
    status: i % 40 === 39 ? ('OPTED_OUT' as const) : ('OPTED_IN' as const), source: i % 40 === 39 ? 'unsubscribe link' : 'booking engine',
    recordedAt: g.createdAt,
  }));

  const vip = reservations.find((r) => byId.get(r.guestId)!.vip && r.status === 'CONFIRMED' && r.arrivalAt < addMinutes(now, 2 * 1440));
  const admin = ctx.users['admin@aurora.demo']!;
  const alerts: Prisma.AlertCreateManyInput[] = [
    ...blocked.slice(0, 2).map((room, i) => ({ severity: 'WARNING' as const, title: `Room ${room.number} out of order`, body: HOLDS[i]![1], entityType: 'Room', entityId: room.id, createdAt: addMinutes(now, -rng.int(1, 3) * 1440), acknowledgedAt: addMinutes(now, -600), acknowledgedById: admin })),
    ...(vip ? [{ severity: 'INFO' as const, title: `VIP arrival: ${byId.get(vip.guestId)!.firstName} ${byId.get(vip.guestId)!.lastName}`, body: `Arriving ${vip.arrivalAt.toISOString().slice(0, 10)}, ${vip.confirmationCode}`, entityType: 'Reservation', entityId: vip.id, createdAt: addMinutes(now, -120) }] : []),
    { severity: 'CRITICAL' as const, title: `Guest complaint: no hot water in ${occupied[0]!.number}`, body: 'Guest called reception at night; maintenance informed.', entityType: 'Room', entityId: occupied[0]!.id, createdAt: addMinutes(now, -45) },
  ].map((a) => ({ id: randomUUID(), organizationId, ...a }));

  return { rooms, companies, guests, reservations, sites: [], skills: [], technicians, technicianSkills: [], workOrders, invoices, templates, messages, consentRecords, alerts };
}
