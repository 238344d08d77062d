import type {
  Prisma,
  ReservationStatus,
  RoomState,
  WorkOrderPriority,
  WorkOrderStatus,
} from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { HOTEL_TYPE_OF_CATEGORY } from './catalog';
import { hotelRoster, tidyHotelSchedule } from './hotel-roster';
import type { InvoiceDraft, OrgSeed, SeedContext, WorkOrderRow } from './index';
import * as N from './names';
import { addMinutes, ascii, DAY, minDate, MINUTE, render, Rng } from './random';

type Room = Prisma.RoomCreateManyInput & { id: string; number: string; roomType: string };
type Guest = Prisma.GuestCreateManyInput & {
  id: string;
  firstName: string;
  lastName: string;
  createdAt: Date;
};
type Reservation = Prisma.ReservationCreateManyInput & {
  id: string;
  arrivalAt: Date;
  departureAt: Date;
  totalMinor: number;
  createdAt: Date;
  products?: string[];
  etaAt?: Date | null;
};
/** A stay on the local day grid: arrival day `a`, departure day `d` (0 = today). */
interface Stay {
  room: Room;
  a: number;
  d: number;
  status: ReservationStatus;
  rate: number;
}

/** Nightly rates in EUR by room type. */
const RATES: Record<string, [number, number]> = {
  Standard: [95, 125],
  Superior: [125, 155],
  Deluxe: [160, 195],
  Suite: [260, 340],
};
const CHECK_IN = 15 * 60;
const CHECK_OUT = 11 * 60;
const SLA_MINUTES: Record<WorkOrderPriority, number> = {
  EMERGENCY: 60,
  HIGH: 240,
  NORMAL: 1440,
  LOW: 4320,
};
const WORK_ORDERS: [WorkOrderStatus, number][] = [
  ['COMPLETED', 30],
  ['NEW', 8],
  ['SCHEDULED', 8],
  ['DISPATCHED', 4],
  ['IN_PROGRESS', 3],
  ['ON_HOLD', 3],
  ['CANCELLED', 4],
];
const VERSION: Partial<Record<WorkOrderStatus, number>> = {
  NEW: 1,
  SCHEDULED: 2,
  DISPATCHED: 3,
  IN_PROGRESS: 4,
  ON_HOLD: 5,
  COMPLETED: 5,
  CANCELLED: 2,
};
const CHANNELS: [string, number][] = [
  ['Booking.com', 5],
  ['Direct', 4],
  ['Expedia', 2],
  ['Phone', 1],
];
const RECEPTION_PHONE = '+420555010203';

/** Home addresses by nationality: [city, postal code pattern (9 = digit), streets]. */
const HOME_CITIES: Record<string, [string, string, string[]][]> = {
  CZ: [
    ['Praha', '1## ##', ['Vinohradská', 'Korunní', 'Národní', 'Dlouhá']],
    ['Brno', '6## ##', ['Masarykova', 'Údolní', 'Kounicova']],
  ],
  SK: [['Bratislava', '8## ##', ['Obchodná', 'Štúrova', 'Palisády']]],
  DE: [
    ['Berlin', '1####', ['Torstraße', 'Kastanienallee', 'Bergmannstraße']],
    ['München', '8####', ['Leopoldstraße', 'Sendlinger Straße']],
  ],
  AT: [['Wien', '1###', ['Mariahilfer Straße', 'Praterstraße', 'Neubaugasse']]],
  GB: [['London', 'N# #AA', ['Upper Street', 'Essex Road', 'Liverpool Road']]],
  US: [
    ['New York', '100##', ['West 72nd Street', 'Columbus Avenue']],
    ['Boston', '021##', ['Beacon Street', 'Newbury Street']],
  ],
  FR: [['Paris', '750##', ['Rue de Rivoli', 'Rue Oberkampf', 'Rue du Bac']]],
  IT: [['Roma', '001##', ['Via del Corso', 'Via Nazionale', 'Via Cavour']]],
  ES: [['Madrid', '280##', ['Calle de Alcalá', 'Calle Mayor', 'Calle de Serrano']]],
  PL: [['Warszawa', '0#-###', ['Marszałkowska', 'Nowy Świat', 'Hoża']]],
  NL: [['Amsterdam', '10## AA', ['Prinsengracht', 'Haarlemmerstraat', 'Utrechtsestraat']]],
  JP: [['Tokyo', '1##-####', ['Ginza', 'Aoyama', 'Shibuya']]],
  KR: [['Seoul', '0####', ['Sejong-daero', 'Teheran-ro', 'Itaewon-ro']]],
};
const PREFERENCES = [
  'Quiet room',
  'Feather-free pillows',
  'High floor',
  'Twin beds',
  'Late check-out',
  'Extra towels',
  'Non-smoking',
];

/**
 * Mews ids for the hotel's rooms, companies, guests and stays (the demo hotel is connected to the
 * Mews simulator), the guests' Mews classifications, home addresses and stated preferences. A
 * separate generator, so the rest of the hotel is the same with or without them.
 */
function addMewsProfile(
  rooms: Room[],
  companies: Prisma.CompanyCreateManyInput[],
  guests: Guest[],
  reservations: Reservation[],
) {
  const rng = new Rng(20_260_105);
  const uuid = () => {
    const h = rng.hex(32);
    const variant = rng.pick(['8', '9', 'a', 'b']);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  };
  const fill = (pattern: string) =>
    pattern
      .replace(/#/g, () => String(rng.int(0, 9)))
      .replace(/A/g, () => rng.code(1, 'ABDEHJLNPRSTUWXY'));
  for (const room of rooms) room.externalId = uuid();
  for (const company of companies) company.externalId = uuid();
  for (const guest of guests) {
    guest.externalId = uuid();
    guest.classifications = guest.vip ? ['Vip'] : [];
    const cities = HOME_CITIES[guest.nationality ?? ''];
    if (cities && rng.chance(0.6)) {
      const [city, postal, streets] = rng.pick(cities);
      const street = rng.pick(streets);
      const number = rng.int(1, 180);
      guest.addressLine1 = ['GB', 'US'].includes(guest.nationality!)
        ? `${number} ${street}`
        : `${street} ${number}`;
      guest.city = city;
      guest.postalCode = fill(postal);
      guest.countryCode = guest.nationality;
    }
    guest.preferences = rng.chance(0.3) ? rng.sample(PREFERENCES, rng.int(1, 2)) : [];
  }
  for (const reservation of reservations) reservation.externalId = uuid();
}

export function seedHotel(ctx: SeedContext): OrgSeed {
  const { organizationId, now, clock, rng, users } = ctx;
  const at = (day: number, minute: number) => clock.at(day, minute);

  // Rooms 101..610, ten a floor; the top floors hold the bigger room types.
  const rooms: Room[] = [];
  for (let floor = 1; floor <= 6; floor++) {
    for (let pos = 1; pos <= 10; pos++) {
      const roomType =
        floor === 6
          ? pos > 6
            ? 'Suite'
            : 'Deluxe'
          : floor === 5
            ? pos > 4
              ? 'Deluxe'
              : 'Superior'
            : pos > 8
              ? 'Deluxe'
              : pos > 5
                ? 'Superior'
                : 'Standard';
      rooms.push({
        id: randomUUID(),
        organizationId,
        number: `${floor}${String(pos).padStart(2, '0')}`,
        floor,
        roomType,
      });
    }
  }
  const blocked = rng.sample(rooms, 3);
  blocked.forEach((room, i) => (room.state = i < 2 ? 'OUT_OF_ORDER' : 'OUT_OF_SERVICE'));
  const sellable = rooms.filter((room) => !blocked.includes(room));
  const occupied = rng.sample(sellable, 42);
  for (const room of sellable) {
    const weights: [RoomState, number][] = occupied.includes(room)
      ? [
          ['CLEAN', 5],
          ['DIRTY', 3],
          ['INSPECTED', 2],
        ]
      : [
          ['CLEAN', 3],
          ['INSPECTED', 4],
          ['DIRTY', 2],
        ];
    room.state = rng.weighted(weights);
  }

  const companies = N.HOTEL_COMPANIES.map((name) => ({
    id: randomUUID(),
    organizationId,
    name,
    taxId: `CZ${rng.int(10_000_000, 99_999_999)}`,
    email: `accounts@${ascii(name).slice(0, 14)}.example.com`,
    phone: `+420555${rng.int(100_000, 999_999)}`,
  }));

  const emails = new Set<string>();
  const vips = new Set(rng.sample([...Array(300).keys()], 30)); // a tenth: Mews classification Vip
  const guests: Guest[] = [...Array(300).keys()].map((i) => {
    const nat = rng.weighted(N.HOTEL_NATIONALITIES.map((n) => [n, n.weight] as const));
    const female = rng.chance(0.5);
    const firstName = rng.pick(female ? nat.female : nat.male);
    const lastName = N.lastNameFor(rng.pick(nat.last), female);
    let email: string | null = null;
    if (rng.chance(0.9)) {
      const base = `${ascii(firstName)}.${ascii(lastName)}`;
      email = `${base}@${rng.pick(['example.com', 'example.net', 'example.org'])}`;
      while (emails.has(email)) email = `${base}${rng.int(2, 99)}@example.com`;
      emails.add(email);
    }
    const phone = !rng.chance(0.75)
      ? null
      : nat.code === 'US'
        ? `+1${rng.pick(['212', '415', '312', '617'])}55501${rng.int(10, 99)}`
        : `${nat.phonePrefix}555${rng.int(100_000, 999_999)}`;
    return {
      id: randomUUID(),
      organizationId,
      kind: 'HOTEL_GUEST' as const,
      firstName,
      lastName,
      email,
      phone,
      language: nat.language,
      nationality: nat.code,
      vip: vips.has(i),
      notes: rng.chance(0.06) ? rng.pick(N.HOTEL_GUEST_NOTES) : null,
      birthDate: rng.chance(0.55)
        ? new Date(Date.UTC(rng.int(1950, 2002), rng.int(0, 11), rng.int(1, 28)))
        : null,
      companyId: rng.chance(0.1) ? rng.pick(companies).id : null,
      createdAt: now,
      updatedAt: now,
    };
  });
  const guestOf = new Map(guests.map((g) => [g.id, g]));

  // Stays are laid out per room on the day grid, so no two stays in a room overlap: the in-house
  // stays first, then arrivals walking forward from them and departures walking back.
  const stays: Stay[] = [];
  const back = new Map(rooms.map((r) => [r, -1])); // latest departure day still free, per room
  const forward = new Map(rooms.map((r) => [r, 0])); // earliest arrival day still free
  const rate = (room: Room) => rng.int(...RATES[room.roomType]!) * 100;
  const nights = () =>
    rng.weighted([
      [1, 3],
      [2, 5],
      [3, 5],
      [4, 3],
      [5, 2],
      [7, 1],
    ] as const);
  for (const room of occupied) {
    const [a, d] = [-rng.int(1, 5), rng.int(1, 6)];
    stays.push({ room, a, d, status: 'CHECKED_IN', rate: rate(room) });
    back.set(room, a);
    forward.set(room, d);
  }
  for (let i = 0; i < 125; i++) {
    const room = rng.pick(sellable);
    const a = forward.get(room)! + rng.int(0, 9);
    const d = a + nights();
    forward.set(room, d);
    const arrived = a === 0 && at(0, CHECK_IN) <= now; // today's early arrivals are in already
    const status = arrived ? 'CHECKED_IN' : rng.chance(0.1) ? 'INQUIRED' : 'CONFIRMED';
    stays.push({ room, a, d, status, rate: rate(room) });
  }
  while (stays.length < 400) {
    const room = rng.pick(rooms);
    const d = back.get(room)! - rng.int(0, 8);
    const a = d - nights();
    back.set(room, a);
    const status = rng.weighted([
      ['CHECKED_OUT', 87],
      ['CANCELLED', 9],
      ['NO_SHOW', 4],
    ] as const);
    stays.push({ room, a, d, status, rate: rate(room) });
  }

  // Every guest stays at least once; a hundred stays go to returning guests.
  const guestOrder = [
    ...rng.shuffle(guests),
    ...Array.from({ length: 100 }, () => rng.pick(guests)),
  ];
  const codes = new Set<string>();
  const reservations: Reservation[] = rng.shuffle(stays).map((stay, i) => {
    const guest = guestOrder[i]!;
    let confirmationCode = `AUR-${rng.code(6)}`;
    while (codes.has(confirmationCode)) confirmationCode = `AUR-${rng.code(6)}`;
    codes.add(confirmationCode);
    const arrivalAt = at(stay.a, CHECK_IN);
    const departureAt = at(stay.d, CHECK_OUT);
    const booked = new Date(arrivalAt.getTime() - rng.int(1, 75) * DAY - rng.int(0, 600) * MINUTE);
    const createdAt =
      stay.status === 'INQUIRED'
        ? addMinutes(now, -rng.int(30, 5 * 1440))
        : minDate(booked, addMinutes(now, -90));
    const updatedAt = {
      CHECKED_OUT: addMinutes(departureAt, rng.int(-90, 30)),
      CHECKED_IN: minDate(addMinutes(arrivalAt, rng.int(0, 300)), now),
      CANCELLED: minDate(addMinutes(createdAt, rng.int(60, 20 * 1440)), addMinutes(arrivalAt, -60)),
      NO_SHOW: addMinutes(arrivalAt, 20 * 60),
      CONFIRMED: createdAt,
      INQUIRED: createdAt,
    }[stay.status];
    guest.createdAt = minDate(guest.createdAt, addMinutes(createdAt, -rng.int(1, 60)));
    guest.updatedAt = guest.createdAt;
    const unassigned =
      stay.status === 'INQUIRED' || (stay.status === 'CONFIRMED' && rng.chance(0.15));
    return {
      id: randomUUID(),
      organizationId,
      confirmationCode,
      status: stay.status,
      guestId: guest.id,
      roomId: unassigned ? null : stay.room.id,
      arrivalAt,
      departureAt,
      adults:
        stay.room.roomType === 'Suite'
          ? rng.int(2, 4)
          : rng.weighted([
              [1, 4],
              [2, 6],
              [3, 1],
            ] as const),
      children: rng.weighted([
        [0, 8],
        [1, 1],
        [2, 1],
      ] as const),
      channel: guest.companyId ? 'Corporate' : rng.weighted(CHANNELS),
      totalMinor: (stay.d - stay.a) * stay.rate,
      currency: 'EUR',
      notes: rng.chance(0.08) ? rng.pick(N.RESERVATION_NOTES) : null,
      createdAt,
      updatedAt,
    };
  });

  // Technicians: maintenance (0, 2) and housekeeping (1, 3); the first is tech@aurora.demo.
  const technicians = N.HOTEL_TECHNICIANS.map((name, i) => ({
    id: randomUUID(),
    organizationId,
    name,
    userId: i === 0 ? users['tech@aurora.demo']! : null,
    email: i === 0 ? 'tech@aurora.demo' : `${name.split(' ').map(ascii).join('.')}@aurora.demo`,
    phone: `+420555${rng.int(100_000, 999_999)}`,
    shiftStartMin: i < 2 ? 420 : 600,
    shiftEndMin: i < 2 ? 900 : 1080,
    maxJobsPerDay: 12,
    workDays: [1, 2, 3, 4, 5, 6, 7],
  }));
  // Maintenance (technicians 0 and 2) and housekeeping (1 and 3); the service types require them.
  const skills = ['Maintenance', 'Housekeeping'].map((name) => ({
    id: randomUUID(),
    organizationId,
    name,
  }));
  const technicianSkills = technicians.map((t, i) => ({
    technicianId: t.id,
    skillId: skills[i % 2]!.id,
    level: i < 2 ? 3 : 2,
  }));
  const serviceTypeOf = new Map<string, string>();
  const workOrders: WorkOrderRow[] = [];
  const busy = [...rng.shuffle([1, 2, 3]), 0]; // one job in progress each; tech@aurora.demo first
  let holds = 0;
  for (const [status, count] of WORK_ORDERS) {
    for (let n = 0; n < count; n++) {
      const hold = status === 'ON_HOLD' ? N.HOTEL_HOLDS[holds]! : null;
      const active = status === 'IN_PROGRESS' ? busy.pop()! : null;
      const jobs = N.HOTEL_JOBS.filter(
        (j) => active === null || (j[0] === 'maintenance') === (active % 2 === 0),
      );
      const [category, title, description, minutes] = hold
        ? N.HOTEL_JOBS[hold[0]]!
        : rng.pick(jobs);
      const room = hold
        ? blocked[holds++]!
        : category === 'maintenance'
          ? rng.pick(rooms)
          : rng.pick(occupied);
      const tech =
        technicians[active ?? (category === 'maintenance' ? rng.pick([0, 2]) : rng.pick([1, 3]))]!;
      const inShift = (day: number) => at(day, rng.int(tech.shiftStartMin, tech.shiftEndMin - 60));
      let start = hold
        ? inShift(-rng.int(1, 3))
        : status === 'COMPLETED' || status === 'CANCELLED'
          ? inShift(-rng.int(1, 14))
          : status === 'IN_PROGRESS'
            ? addMinutes(now, -rng.int(10, 40))
            : status === 'DISPATCHED'
              ? addMinutes(now, rng.int(-20, 60))
              : inShift(0);
      if (status === 'NEW' || status === 'SCHEDULED')
        start = start > addMinutes(now, 30) ? start : inShift(1);
      start = new Date(Math.round(start.getTime() / (5 * MINUTE)) * 5 * MINUTE);
      const stay = reservations.find(
        (r) =>
          r.roomId === room.id &&
          r.arrivalAt <= start &&
          r.departureAt > start &&
          (r.status === 'CHECKED_IN' || r.status === 'CHECKED_OUT'),
      );
      const priority = rng.weighted<WorkOrderPriority>([
        ['EMERGENCY', 1],
        ['HIGH', 4],
        ['NORMAL', 12],
        ['LOW', 3],
      ]);
      const createdAt =
        status === 'NEW'
          ? addMinutes(now, -rng.int(5, 180))
          : minDate(addMinutes(start, -rng.int(15, 600)), addMinutes(now, -rng.int(5, 60)));
      const startedAt = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'].includes(status)
        ? addMinutes(start, rng.int(0, 10))
        : null;
      const completedAt =
        status === 'COMPLETED'
          ? addMinutes(startedAt!, Math.round(minutes * rng.float(0.8, 1.4)))
          : null;
      const cancelledAt = status === 'CANCELLED' ? addMinutes(createdAt, rng.int(10, 120)) : null;
      const scheduled = status !== 'NEW' && !(status === 'CANCELLED' && rng.chance(0.5)); // some were never booked
      const id = randomUUID();
      serviceTypeOf.set(id, HOTEL_TYPE_OF_CATEGORY[category]!);
      workOrders.push({
        id,
        organizationId,
        number: 0,
        kind: 'HOTEL_SERVICE',
        status,
        priority,
        title: render(title, { room: room.number }),
        description,
        statusReason: hold
          ? hold[1]
          : status === 'CANCELLED'
            ? rng.pick(N.HOTEL_CANCEL_REASONS)
            : null,
        roomId: room.id,
        guestId: stay?.guestId ?? null,
        reservationId: stay?.id ?? null,
        technicianId: scheduled ? tech.id : null,
        scheduledStart: scheduled ? start : null,
        scheduledEnd: scheduled ? addMinutes(start, minutes) : null,
        windowStart: addMinutes(start, -30),
        windowEnd: addMinutes(start, 120),
        slaDueAt: addMinutes(createdAt, SLA_MINUTES[priority]),
        estimatedMinutes: minutes,
        priceMinor: category === 'minibar' ? rng.int(6, 30) * 150 : null,
        currency: category === 'minibar' ? 'EUR' : null,
        startedAt,
        completedAt,
        cancelledAt,
        createdById: rng.chance(0.5) ? users['manager@aurora.demo']! : null,
        version: VERSION[status],
        createdAt,
        updatedAt:
          completedAt ??
          cancelledAt ??
          (hold ? addMinutes(startedAt!, 45) : startedAt) ??
          createdAt,
      });
    }
  }
  tidyHotelSchedule(technicians, workOrders, clock);
  const roster = hotelRoster(technicians, workOrders, clock);
  technicians.forEach((t, i) => (t.workDays = roster[i]!));
  workOrders
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .forEach((w, i) => (w.number = i + 1));

  // Folios for 100 checked-out stays: room (VAT 12 %), breakfast, the odd minibar bill (21 %), city tax.
  const checkedOut = reservations.filter((r) => r.status === 'CHECKED_OUT');
  const invoices = rng.sample(checkedOut, 100).map((r): InvoiceDraft => {
    const n = Math.round((r.departureAt.getTime() - r.arrivalAt.getTime()) / DAY);
    const adults = r.adults ?? 1;
    const company = companies.find((c) => c.id === guestOf.get(r.guestId)!.companyId);
    const night = `${n} night${n > 1 ? 's' : ''}`;
    const line = (
      description: string,
      quantity: number,
      unitPriceMinor: number,
      taxRateBps: number,
    ) => ({ description, quantity, unitPriceMinor, taxRateBps });
    const lines = [line(`Accommodation, ${night}`, n, r.totalMinor / n, 1200)];
    if (rng.chance(0.7)) lines.push(line('Breakfast', n * adults, 1800, 1200));
    if (rng.chance(0.3))
      lines.push(line('Minibar', rng.int(1, 5), rng.pick([350, 450, 650]), 2100));
    lines.push(line('City tax', n * adults, 200, 0));
    const paidAt = company ? addMinutes(r.departureAt, rng.int(3, 20) * 1440) : r.departureAt;
    return {
      organizationId,
      prefix: 'AUR',
      currency: 'EUR',
      guestId: r.guestId,
      workOrderId: null,
      lines,
      issuedAt: r.departureAt,
      dueAt: company ? addMinutes(r.departureAt, 14 * 1440) : r.departureAt,
      paidAt,
      plan: !company || paidAt <= now ? 'PAID' : rng.chance(0.3) ? 'PARTIALLY_PAID' : 'ISSUED',
      method: company ? 'BANK_TRANSFER' : 'CARD',
      notes: company ? `Invoice to ${company.name}` : null,
    };
  });

  const template = (
    name: string,
    channel: 'EMAIL' | 'SMS',
    language: string,
    subject: string | null,
    body: string,
  ) => ({ id: randomUUID(), organizationId, name, channel, language, subject, body });
  const welcome = [
    template(
      'Pre-arrival welcome',
      'EMAIL',
      'en',
      'Your stay at Hotel Aurora Prague',
      'Dear {{guest.firstName}}, we look ' +
        'forward to welcoming you at {{property.name}} on {{reservation.arrival}}. Reply to this ' +
        'e-mail for airport transfers or special requests.',
    ),
    template(
      'Pre-arrival welcome',
      'EMAIL',
      'de',
      'Ihr Aufenthalt im Hotel Aurora Prague',
      'Liebe(r) {{guest.firstName}}, wir freuen uns, Sie am {{reservation.arrival}} im {{property.name}} ' +
        'begrüßen zu dürfen.',
    ),
    template(
      'Pre-arrival welcome',
      'EMAIL',
      'cs',
      'Váš pobyt v Hotelu Aurora Prague',
      'Dobrý den, {{guest.firstName}}, ' +
        'těšíme se na Vás {{reservation.arrival}} v {{property.name}}.',
    ),
  ];
  const roomReady = template(
    'Room ready',
    'SMS',
    'en',
    null,
    'Hi {{guest.firstName}}, your room {{room.number}} at Hotel Aurora is ready. Welcome to Prague!',
  );
  const thanks = template(
    'Check-out thank you',
    'EMAIL',
    'en',
    'Thank you for staying with us',
    'Dear {{guest.firstName}}, thank you for staying at Hotel Aurora Prague. We hope to see you again soon.',
  );
  const templates = [...welcome, roomReady, thanks];

  const messages: Prisma.MessageCreateManyInput[] = [];
  const send = (
    g: Guest,
    tpl: (typeof templates)[number],
    sentAt: Date,
    values: Record<string, unknown>,
  ) => {
    if (sentAt > now) return;
    const sms = tpl.channel === 'SMS';
    const failed = rng.chance(0.04);
    messages.push({
      id: randomUUID(),
      organizationId,
      guestId: g.id,
      channel: tpl.channel,
      direction: 'OUTBOUND',
      status: failed ? 'FAILED' : rng.chance(0.08) ? 'SENT' : 'DELIVERED',
      errorCode: failed ? (sms ? '30003' : 'mailbox_unavailable') : null,
      toAddress: (sms ? g.phone : g.email)!,
      fromAddress: sms ? RECEPTION_PHONE : 'reception@aurora.demo',
      subject: tpl.subject,
      body: render(tpl.body, values),
      templateId: tpl.id,
      providerId: `msg_${rng.hex(16)}`,
      sentAt,
      deliveredAt: failed ? null : minDate(addMinutes(sentAt, 1), now),
      createdAt: sentAt,
      updatedAt: minDate(addMinutes(sentAt, 1), now),
    });
  };
  for (const r of reservations) {
    const g = guestOf.get(r.guestId)!;
    const room = rooms.find((x) => x.id === r.roomId);
    const date = new Intl.DateTimeFormat(g.language ?? 'en', {
      dateStyle: 'long',
      timeZone: 'Europe/Prague',
    });
    const values = {
      guest: g,
      room,
      reservation: { arrival: date.format(r.arrivalAt) },
      property: { name: 'Hotel Aurora Prague' },
    };
    if (
      g.email &&
      ['CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT'].includes(r.status) &&
      rng.chance(0.22)
    ) {
      const tpl = welcome.find((x) => x.language === g.language) ?? welcome[0]!;
      send(g, tpl, addMinutes(r.arrivalAt, -3 * 1440 - rng.int(0, 120)), values);
    }
    if (g.phone && r.status === 'CHECKED_IN' && room && rng.chance(0.5)) {
      send(g, roomReady, addMinutes(r.arrivalAt, -rng.int(0, 60)), values);
    }
    if (g.email && r.status === 'CHECKED_OUT' && rng.chance(0.12))
      send(g, thanks, addMinutes(r.departureAt, 240), values);
  }
  const inHouse = reservations.filter((r) => r.status === 'CHECKED_IN');
  for (const r of rng.sample(
    inHouse.filter((x) => guestOf.get(x.guestId)!.phone),
    8,
  )) {
    const at = new Date(
      r.arrivalAt.getTime() + (now.getTime() - r.arrivalAt.getTime()) * rng.float(0.2, 0.95),
    );
    messages.push({
      id: randomUUID(),
      organizationId,
      guestId: r.guestId,
      channel: 'SMS',
      direction: 'INBOUND',
      status: 'RECEIVED',
      toAddress: RECEPTION_PHONE,
      fromAddress: guestOf.get(r.guestId)!.phone!,
      body: rng.pick(N.HOTEL_GUEST_QUESTIONS),
      sentAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  const consentRecords = guests
    .filter((g) => g.email && rng.chance(0.75))
    .map((g, i) => ({
      id: randomUUID(),
      organizationId,
      guestId: g.id,
      channel: 'EMAIL' as const,
      address: g.email!,
      recordedAt: g.createdAt,
      ...(i % 40 === 39
        ? { status: 'OPTED_OUT' as const, source: 'unsubscribe link' }
        : { status: 'OPTED_IN' as const, source: 'booking engine' }),
    }));

  const alert = (
    a: Omit<Prisma.AlertCreateManyInput, 'id' | 'organizationId'>,
  ): Prisma.AlertCreateManyInput => ({ id: randomUUID(), organizationId, ...a });
  const soon = addMinutes(now, 2 * 1440);
  const vip = reservations.find(
    (r) => guestOf.get(r.guestId)!.vip && r.status === 'CONFIRMED' && r.arrivalAt < soon,
  );
  const vipGuest = vip && guestOf.get(vip.guestId)!;
  const alerts = [
    ...workOrders
      .filter((w) => w.status === 'ON_HOLD')
      .slice(0, 2)
      .map((w) =>
        alert({
          severity: 'WARNING',
          title: `Room ${rooms.find((r) => r.id === w.roomId)!.number} out of order`,
          body: w.statusReason,
          entityType: 'Room',
          entityId: w.roomId,
          createdAt: w.updatedAt,
          acknowledgedAt: addMinutes(w.updatedAt, 20),
          acknowledgedById: users['admin@aurora.demo']!,
        }),
      ),
    ...(vip && vipGuest
      ? [
          alert({
            severity: 'INFO',
            title: `VIP arrival: ${vipGuest.firstName} ${vipGuest.lastName}`,
            entityType: 'Reservation',
            entityId: vip.id,
            body: `Arriving ${vip.arrivalAt.toISOString().slice(0, 10)}, ${vip.confirmationCode}`,
            createdAt: addMinutes(now, -120),
          }),
        ]
      : []),
    alert({
      severity: 'CRITICAL',
      title: `Guest complaint: no hot water in ${occupied[0]!.number}`,
      entityType: 'Room',
      entityId: occupied[0]!.id,
      body: 'Guest called reception; maintenance informed.',
      createdAt: addMinutes(now, -45),
    }),
  ];

  addMewsProfile(rooms, companies, guests, reservations);

  return {
    organizationId,
    rooms,
    companies,
    guests,
    reservations,
    sites: [],
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
