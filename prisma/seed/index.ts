/*
 * Demo seed: two organizations (Hotel Aurora Prague on the hotel side, Northwind Home Services
 * on the field-service side) with a few thousand believable, linked rows, in one transaction.
 * The operations layer (operations*.ts) adds a day of dispatch work on top: service catalog,
 * teams, SLA policies, vendors, maintenance plans, automation rules, staff tasks and the read
 * models operations keeps of rooms, sites and arrivals.
 * Deterministic: the same `now` gives the same data (ids and the password salt aside).
 *
 *   DATABASE_URL=… node dist/prisma/seed/index.js
 */
import {
  databaseUrlFromEnv,
  type PaymentMethod,
  type Prisma,
  type WorkOrderStatus,
} from '@attendant/db';
import { createDb, hashPassword, type Db } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { smsSettingsRows } from './communications';
import { messageTriggerRows } from './message-triggers';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins';
import { seedFieldService } from './field-service';
import { seedHotel } from './hotel';
import { DEMO_USER_NAMES } from './names';
import { serviceTypeRows, type OpsSeed } from './operations';
import { seedFieldOperations } from './operations-field';
import { seedHotelOperations } from './operations-hotel';
import { seedPositions } from './tracking';
import {
  addMinutes,
  DAY,
  localClock,
  maxDate,
  minDate,
  Rng,
  utcMidnight,
  type Clock,
} from './random';

export interface SeedContext {
  organizationId: string;
  now: Date;
  /** Wall-clock time of the organization's time zone. */
  clock: Clock;
  rng: Rng;
  /** Demo user ids by e-mail. */
  users: Record<string, string>;
}

type WorkOrderTimes =
  | 'windowStart'
  | 'windowEnd'
  | 'scheduledStart'
  | 'scheduledEnd'
  | 'slaDueAt'
  | 'startedAt'
  | 'completedAt'
  | 'cancelledAt';
/** A work order as the domain modules build it, with the fields the seed reads back typed narrowly. */
export type WorkOrderRow = Prisma.WorkOrderCreateManyInput & {
  [K in WorkOrderTimes]: Date | null;
} & {
  id: string;
  number: number;
  title: string;
  status: WorkOrderStatus;
  estimatedMinutes: number;
  createdAt: Date;
  updatedAt: Date;
};

export interface InvoiceDraft {
  organizationId: string;
  /** 'NW' gives NW-2026-00001. */
  prefix: string;
  currency: string;
  guestId: string;
  workOrderId: string | null;
  lines: { description: string; quantity: number; unitPriceMinor: number; taxRateBps: number }[];
  issuedAt: Date;
  dueAt: Date;
  /** When the (last) payment came in; only used by PAID and PARTIALLY_PAID plans. */
  paidAt: Date;
  plan: 'PAID' | 'PARTIALLY_PAID' | 'ISSUED';
  method: PaymentMethod;
  notes: string | null;
}

/** What a domain module generates for its organization; index.ts adds finance and analytics. */
export interface OrgSeed {
  organizationId: string;
  rooms: Prisma.RoomCreateManyInput[];
  companies: Prisma.CompanyCreateManyInput[];
  guests: (Prisma.GuestCreateManyInput & { id: string })[];
  sites: Prisma.SiteCreateManyInput[];
  reservations: (Prisma.ReservationCreateManyInput & {
    id: string;
    arrivalAt: Date;
    departureAt: Date;
    products?: string[];
    etaAt?: Date | null;
  })[];
  skills: Prisma.SkillCreateManyInput[];
  technicians: (Prisma.TechnicianCreateManyInput & {
    id: string;
    name: string;
    shiftStartMin: number;
    shiftEndMin: number;
    workDays: number[];
  })[];
  technicianSkills: Prisma.TechnicianSkillCreateManyInput[];
  workOrders: WorkOrderRow[];
  /** Service type name of each work order (by id), from the job's skill or category. */
  serviceTypeOf: Map<string, string>;
  invoices: InvoiceDraft[];
  templates: Prisma.TemplateCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  consentRecords: Prisma.ConsentRecordCreateManyInput[];
  alerts: Prisma.AlertCreateManyInput[];
}

const MODELS = [
  'organization',
  'user',
  'skill',
  'team',
  'technician',
  'technicianSkill',
  'technicianCertification',
  'technicianTimeOff',
  'company',
  'guest',
  'site',
  'room',
  'reservation',
  'serviceType',
  'serviceTypeSkill',
  'slaPolicy',
  'vendor',
  'vendorOffer',
  'vendorAvailability',
  'workOrder',
  'workOrderChecklistItem',
  'workOrderNote',
  'workOrderCounter',
  'maintenancePlan',
  'automationRule',
  'staffTask',
  'siteProjection',
  'roomProjection',
  'reservationProjection',
  'technicianPosition',
  'invoice',
  'invoiceLine',
  'payment',
  'template',
  'trigger',
  'message',
  'consentRecord',
  'alert',
  'smsSettings',
  'metricSnapshot',
  'healthScore',
  'workOrderFact',
] as const;
export type SeededModel = (typeof MODELS)[number];

export interface SeedSummary {
  hotelOrganizationId: string;
  fieldOrganizationId: string;
  /** Rows inserted, per model (Prisma's model names, camel-cased). */
  counts: Record<SeededModel, number>;
}

export const HOTEL_SLUG = 'aurora';
export const FIELD_SLUG = 'northwind';

/** True when the database holds any organization (the seed only fills an empty database). */
export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.organization.count()) > 0;
}

function buildInvoices(drafts: InvoiceDraft[], rng: Rng, now: Date) {
  const invoices: Prisma.InvoiceCreateManyInput[] = [];
  const lines: Prisma.InvoiceLineCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const sequence = new Map<string, number>();
  for (const d of [...drafts].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime())) {
    const id = randomUUID();
    const year = d.issuedAt.getUTCFullYear();
    const seq = (sequence.get(`${d.prefix}-${year}`) ?? 0) + 1;
    sequence.set(`${d.prefix}-${year}`, seq);
    let subtotalMinor = 0;
    let taxMinor = 0;
    d.lines.forEach((line, position) => {
      const netMinor = line.quantity * line.unitPriceMinor;
      const lineTax = Math.round((netMinor * line.taxRateBps) / 10_000);
      subtotalMinor += netMinor;
      taxMinor += lineTax;
      lines.push({
        id: randomUUID(),
        organizationId: d.organizationId,
        invoiceId: id,
        position: position + 1,
        ...line,
        netMinor,
        taxMinor: lineTax,
        totalMinor: netMinor + lineTax,
        createdAt: d.issuedAt,
      });
    });
    const totalMinor = subtotalMinor + taxMinor;
    let updatedAt = d.issuedAt;
    const pay = (amountMinor: number, status: 'SUCCEEDED' | 'FAILED' | 'PENDING', at: Date) => {
      const providerRef =
        d.method === 'CARD'
          ? `ch_${rng.hex(24)}`
          : d.method === 'BANK_TRANSFER'
            ? `BT${rng.hex(10).toUpperCase()}`
            : null;
      payments.push({
        id: randomUUID(),
        organizationId: d.organizationId,
        invoiceId: id,
        amountMinor,
        currency: d.currency,
        method: d.method,
        status,
        receivedAt: status === 'SUCCEEDED' ? at : null,
        providerRef,
        createdAt: at,
      });
      updatedAt = maxDate(updatedAt, at);
    };
    let paidMinor = 0;
    if (d.plan === 'PAID') {
      if (d.method === 'CARD' && rng.chance(0.08))
        pay(totalMinor, 'FAILED', addMinutes(d.paidAt, -3)); // declined first
      pay(totalMinor, 'SUCCEEDED', d.paidAt);
      paidMinor = totalMinor;
    } else if (d.plan === 'PARTIALLY_PAID') {
      paidMinor = Math.round((totalMinor * rng.float(0.3, 0.6)) / 100) * 100;
      const at = new Date(
        d.issuedAt.getTime() + (now.getTime() - d.issuedAt.getTime()) * rng.float(0.1, 0.6),
      );
      pay(paidMinor, 'SUCCEEDED', at);
    } else if (d.method === 'BANK_TRANSFER' && rng.chance(0.3)) {
      pay(totalMinor, 'PENDING', minDate(addMinutes(d.issuedAt, 2 * 1440), now));
    }
    const status = paidMinor >= totalMinor ? 'PAID' : paidMinor > 0 ? 'PARTIALLY_PAID' : 'ISSUED';
    invoices.push({
      id,
      organizationId: d.organizationId,
      number: `${d.prefix}-${year}-${String(seq).padStart(5, '0')}`,
      status,
      guestId: d.guestId,
      workOrderId: d.workOrderId,
      currency: d.currency,
      subtotalMinor,
      taxMinor,
      totalMinor,
      paidMinor,
      notes: d.notes,
      issuedAt: d.issuedAt,
      dueAt: d.dueAt,
      createdAt: d.issuedAt,
      updatedAt,
    });
  }
  return { invoices, lines, payments };
}

function buildAnalytics(
  org: OrgSeed,
  invoices: Prisma.InvoiceCreateManyInput[],
  rng: Rng,
  now: Date,
) {
  const organizationId = org.organizationId;
  const today = utcMidnight(now);
  const metricSnapshots: Prisma.MetricSnapshotCreateManyInput[] = org.technicians.flatMap((t) =>
    Array.from({ length: 14 }, (_, k) => {
      const periodStart = new Date(today.getTime() - (14 - k) * DAY);
      const periodEnd = new Date(periodStart.getTime() + DAY);
      const value = Math.round(rng.float(0.4, 0.95) * 1000) / 1000;
      const capturedAt = minDate(addMinutes(periodEnd, 5), now);
      const metric = 'technician.utilization';
      return {
        id: randomUUID(),
        organizationId,
        metric,
        subjectId: t.id,
        periodStart,
        periodEnd,
        value,
        capturedAt,
      };
    }),
  );
  // Health scores for the 75 most active guests or customers, explained by four factors.
  const activity = new Map<string, { visits: number; last: number; spend: number }>();
  const touch = (guestId: string | null | undefined, at: Date | null | undefined, spend = 0) => {
    if (!guestId) return;
    const a = activity.get(guestId) ?? { visits: 0, last: 0, spend: 0 };
    const past = at && at <= now ? at.getTime() : 0; // bookings and visits still to come do not count yet
    activity.set(guestId, {
      visits: a.visits + (spend ? 0 : 1),
      last: Math.max(a.last, past),
      spend: a.spend + spend,
    });
  };
  org.reservations.forEach((r) => touch(r.guestId, r.departureAt));
  org.workOrders.forEach((w) => touch(w.guestId, w.completedAt ?? w.createdAt));
  invoices
    .filter((i) => i.organizationId === organizationId)
    .forEach((i) => touch(i.guestId, null, i.totalMinor ?? 0));
  const top = Math.max(...[...activity.values()].map((a) => a.spend), 1);
  const visits = (id: string) => activity.get(id)?.visits ?? 0;
  const ranked = rng
    .shuffle(org.guests)
    .sort((a, b) => visits(b.id) - visits(a.id))
    .slice(0, 75);
  const healthScores: Prisma.HealthScoreCreateManyInput[] = ranked.map((g) => {
    const a = activity.get(g.id) ?? { visits: 0, last: 0, spend: 0 };
    const days = (now.getTime() - a.last) / DAY;
    const spend = Math.round(Math.min(100, 20 + (80 * a.spend) / top + 5 * a.visits));
    const factors = [
      {
        key: 'recency',
        label: 'Recent activity',
        weight: 0.3,
        value: Math.max(0, Math.round(100 - days * 1.2)),
      },
      { key: 'spend', label: 'Spend', weight: 0.3, value: spend },
      {
        key: 'complaints',
        label: 'Complaints',
        weight: 0.2,
        value:
          100 -
          35 *
            rng.weighted([
              [0, 8],
              [1, 3],
              [2, 1],
            ]),
      },
      { key: 'responsiveness', label: 'Responsiveness', weight: 0.2, value: rng.int(40, 100) },
    ];
    const score = Math.round(factors.reduce((sum, f) => sum + f.weight * f.value, 0));
    const trend = rng.weighted([
      ['UP', days < 21 ? 4 : 1],
      ['FLAT', 4],
      ['DOWN', days > 45 ? 4 : 1],
    ] as const);
    const computedAt = minDate(addMinutes(today, 180), now);
    return { id: randomUUID(), organizationId, guestId: g.id, score, trend, factors, computedAt };
  });
  const workOrderFacts: Prisma.WorkOrderFactCreateManyInput[] = org.workOrders.map((w) => ({
    workOrderId: w.id,
    organizationId,
    technicianId: w.technicianId ?? null,
    status: w.status,
    scheduledStart: w.scheduledStart,
    estimatedMinutes: w.estimatedMinutes,
    completedAt: w.completedAt,
    updatedAt: w.updatedAt,
  }));
  return { metricSnapshots, healthScores, workOrderFacts };
}

/** Inserts in batches; returns the number of rows. */
async function insert<T>(
  rows: T[],
  createMany: (data: T[]) => Promise<{ count: number }>,
): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += 500)
    count += (await createMany(rows.slice(i, i + 500))).count;
  return count;
}

/**
 * Both organizations' domain and operations rows, in memory (what `seed` inserts, bar finance and
 * analytics). Deterministic for a given `now`, the ids aside.
 */
export function generateOrganizations(
  now: Date,
  ids: { hotel: string; field: string },
  users: Record<string, string>,
): { orgs: OrgSeed[]; ops: OpsSeed[] } {
  const context = (organizationId: string, timeZone: string, seedValue: number): SeedContext => ({
    organizationId,
    now,
    clock: localClock(now, timeZone),
    rng: new Rng(seedValue),
    users,
  });
  const hotel = seedHotel(context(ids.hotel, 'Europe/Prague', 20_260_101));
  const field = seedFieldService(context(ids.field, 'America/Chicago', 20_260_102));
  // The operations layer fits itself to the jobs above (and adjusts them: types, SLA, vendors).
  const opsContext = (seedValue: number, org: OrgSeed, timezone: string, currency: string) => ({
    ...context(org.organizationId, timezone, seedValue),
    timezone,
    currency,
  });
  const ops = [
    seedHotelOperations(hotel, opsContext(20_260_106, hotel, 'Europe/Prague', 'EUR')),
    seedFieldOperations(field, opsContext(20_260_107, field, 'America/Chicago', 'USD')),
  ];
  return { orgs: [hotel, field], ops };
}

/** Fills an empty, migrated database with the demo organizations. Throws when already seeded. */
export async function seed(db: Db, options: { now?: Date } = {}): Promise<SeedSummary> {
  if (await isSeeded(db))
    throw new Error('Refusing to seed: the database already has organizations');
  const now = options.now ?? new Date();
  const hotelId = randomUUID();
  const fieldId = randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD); // argon2 is slow on purpose: hash once
  const created = addMinutes(now, -400 * 1440);
  const since = { createdAt: created, updatedAt: created };
  const organizations: Prisma.OrganizationCreateManyInput[] = [
    {
      id: hotelId,
      name: 'Hotel Aurora Prague',
      slug: HOTEL_SLUG,
      kind: 'HOTEL',
      timezone: 'Europe/Prague',
      currency: 'EUR',
      ...since,
    },
    {
      id: fieldId,
      name: 'Northwind Home Services',
      slug: FIELD_SLUG,
      kind: 'FIELD_SERVICE',
      timezone: 'America/Chicago',
      currency: 'USD',
      ...since,
    },
  ];
  const users = DEMO_LOGINS.map((login) => ({
    id: randomUUID(),
    organizationId: login.organization === 'hotel' ? hotelId : fieldId,
    email: login.email,
    name: DEMO_USER_NAMES[login.email] ?? login.email,
    passwordHash,
    roles: login.roles,
    active: true,
    ...since,
  }));
  const userIds = Object.fromEntries(users.map((u) => [u.email, u.id]));
  const { orgs, ops } = generateOrganizations(now, { hotel: hotelId, field: fieldId }, userIds);
  const all = <K extends keyof OrgSeed>(key: K) =>
    orgs.flatMap((o) => o[key] as unknown[]) as OrgSeed[K];
  const allOps = <K extends keyof OpsSeed>(key: K) =>
    ops.flatMap((o) => o[key] as unknown[]) as OpsSeed[K];
  const finance = buildInvoices(all('invoices'), new Rng(20_260_103), now);
  const analyticsRng = new Rng(20_260_104);
  const perOrg = orgs.map((org) => buildAnalytics(org, finance.invoices, analyticsRng, now));
  const analytics = {
    metricSnapshots: perOrg.flatMap((a) => a.metricSnapshots),
    healthScores: perOrg.flatMap((a) => a.healthScores),
    workOrderFacts: perOrg.flatMap((a) => a.workOrderFacts),
  };
  const counters = orgs.map((org) => ({
    organizationId: org.organizationId,
    last: Math.max(0, ...org.workOrders.map((w) => w.number)),
  }));

  const counts = await db.$transaction(
    async (tx) => {
      const c = Object.fromEntries(MODELS.map((model) => [model, 0])) as Record<
        SeededModel,
        number
      >;
      c.organization = (await tx.organization.createMany({ data: organizations })).count;
      c.user = await insert(users, (data) => tx.user.createMany({ data }));
      c.skill = await insert(all('skills'), (data) => tx.skill.createMany({ data }));
      c.team = await insert(allOps('teams'), (data) => tx.team.createMany({ data }));
      c.technician = await insert(all('technicians'), (data) => tx.technician.createMany({ data }));
      c.technicianSkill = await insert(all('technicianSkills'), (data) =>
        tx.technicianSkill.createMany({ data }),
      );
      c.technicianCertification = await insert(allOps('certifications'), (data) =>
        tx.technicianCertification.createMany({ data }),
      );
      c.technicianTimeOff = await insert(allOps('timeOff'), (data) =>
        tx.technicianTimeOff.createMany({ data }),
      );
      c.company = await insert(all('companies'), (data) => tx.company.createMany({ data }));
      c.guest = await insert(all('guests'), (data) => tx.guest.createMany({ data }));
      c.site = await insert(all('sites'), (data) => tx.site.createMany({ data }));
      c.room = await insert(all('rooms'), (data) => tx.room.createMany({ data }));
      c.reservation = await insert(all('reservations'), (data) =>
        tx.reservation.createMany({ data }),
      );
      c.serviceType = await insert(serviceTypeRows(allOps('serviceTypes')), (data) =>
        tx.serviceType.createMany({ data }),
      );
      c.serviceTypeSkill = await insert(allOps('serviceTypeSkills'), (data) =>
        tx.serviceTypeSkill.createMany({ data }),
      );
      c.slaPolicy = await insert(allOps('slaPolicies'), (data) =>
        tx.slaPolicy.createMany({ data }),
      );
      c.vendor = await insert(allOps('vendors'), (data) => tx.vendor.createMany({ data }));
      c.vendorOffer = await insert(allOps('vendorOffers'), (data) =>
        tx.vendorOffer.createMany({ data }),
      );
      c.vendorAvailability = await insert(allOps('vendorAvailability'), (data) =>
        tx.vendorAvailability.createMany({ data }),
      );
      c.workOrder = await insert(all('workOrders'), (data) => tx.workOrder.createMany({ data }));
      c.workOrderChecklistItem = await insert(allOps('checklistItems'), (data) =>
        tx.workOrderChecklistItem.createMany({ data }),
      );
      c.workOrderNote = await insert(allOps('workOrderNotes'), (data) =>
        tx.workOrderNote.createMany({ data }),
      );
      c.workOrderCounter = await insert(counters, (data) =>
        tx.workOrderCounter.createMany({ data }),
      );
      c.maintenancePlan = await insert(allOps('maintenancePlans'), (data) =>
        tx.maintenancePlan.createMany({ data }),
      );
      c.automationRule = await insert(allOps('automationRules'), (data) =>
        tx.automationRule.createMany({ data }),
      );
      c.staffTask = await insert(allOps('staffTasks'), (data) => tx.staffTask.createMany({ data }));
      c.siteProjection = await insert(allOps('siteProjections'), (data) =>
        tx.siteProjection.createMany({ data }),
      );
      c.roomProjection = await insert(allOps('roomProjections'), (data) =>
        tx.roomProjection.createMany({ data }),
      );
      c.reservationProjection = await insert(allOps('reservationProjections'), (data) =>
        tx.reservationProjection.createMany({ data }),
      );
      c.technicianPosition = await insert(
        orgs.flatMap((o) => seedPositions(o, now)),
        (data) => tx.technicianPosition.createMany({ data }),
      );
      c.invoice = await insert(finance.invoices, (data) => tx.invoice.createMany({ data }));
      c.invoiceLine = await insert(finance.lines, (data) => tx.invoiceLine.createMany({ data }));
      c.payment = await insert(finance.payments, (data) => tx.payment.createMany({ data }));
      c.template = await insert(all('templates'), (data) => tx.template.createMany({ data }));
      c.message = await insert(all('messages'), (data) => tx.message.createMany({ data }));
      c.consentRecord = await insert(all('consentRecords'), (data) =>
        tx.consentRecord.createMany({ data }),
      );
      c.alert = await insert(all('alerts'), (data) => tx.alert.createMany({ data }));
      c.smsSettings = await insert(
        smsSettingsRows({
          hotel: { id: hotelId, timeZone: 'Europe/Prague', name: 'Hotel Aurora Prague' },
          field: { id: fieldId, timeZone: 'America/Chicago', name: 'Northwind Home Services' },
        }),
        (data) => tx.smsSettings.createMany({ data }),
      );
      const automatic = messageTriggerRows({
        hotel: { id: hotelId, name: 'Hotel Aurora Prague' },
        field: { id: fieldId, name: 'Northwind Home Services' },
      });
      c.template += await insert(automatic.templates, (data) => tx.template.createMany({ data }));
      c.trigger = await insert(automatic.triggers, (data) => tx.trigger.createMany({ data }));
      c.metricSnapshot = await insert(analytics.metricSnapshots, (data) =>
        tx.metricSnapshot.createMany({ data }),
      );
      c.healthScore = await insert(analytics.healthScores, (data) =>
        tx.healthScore.createMany({ data }),
      );
      c.workOrderFact = await insert(analytics.workOrderFacts, (data) =>
        tx.workOrderFact.createMany({ data }),
      );
      return c;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return { hotelOrganizationId: hotelId, fieldOrganizationId: fieldId, counts };
}

if (require.main === module) {
  const db = createDb(databaseUrlFromEnv(), 2);
  (async () => {
    if (await isSeeded(db))
      return console.log('seed: the database already has organizations, nothing to do');
    const started = Date.now();
    const summary = await seed(db);
    console.log(`seed: done in ${Date.now() - started} ms`, summary.counts);
    for (const login of DEMO_LOGINS)
      console.log(`  ${login.email.padEnd(28)} ${DEMO_PASSWORD}  ${login.note}`);
  })()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
