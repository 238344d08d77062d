import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

const CANDIDATES = /* GraphQL */ `
  query ($id: ID!, $limit: Int) {
    assignmentCandidates(workOrderId: $id, limit: $limit) {
      kind
      rank
      score
      eligible
      ineligibleReasons
      explanation
      distanceKm
      nextAvailableAt
      cost {
        amountMinor
        currency
      }
      technician {
        id
        name
      }
      vendor {
        id
        name
      }
      factors {
        name
        score
        weight
        detail
      }
    }
  }
`;

interface Candidate {
  kind: 'TECHNICIAN' | 'VENDOR';
  rank: number;
  score: number;
  eligible: boolean;
  ineligibleReasons: string[];
  explanation: string;
  distanceKm: number | null;
  nextAvailableAt: string | null;
  cost: { amountMinor: number; currency: string } | null;
  technician: { id: string; name: string } | null;
  vendor: { id: string; name: string } | null;
  factors: { name: string; score: number; weight: number; detail: string }[];
}

const ZONE = 'Europe/Berlin';
const SITE = { lat: 52.52, lng: 13.405 };
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

describe('operations subgraph: assignment candidates', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const otherOrg = randomUUID();
  const dispatcher = staffActor(org, ['DISPATCHER']);
  let number = 0;
  // A day a week ahead, so the whole day lies in the future whenever the test runs.
  const day = DateTime.now().setZone(ZONE).plus({ days: 7 }).startOf('day');
  const at = (hour: number, minute = 0) => day.set({ hour, minute }).toJSDate();
  let workOrderId: string;

  const workOrder = (organizationId: string, data: Record<string, unknown>) =>
    sub.db.workOrder.create({
      data: {
        organizationId,
        number: ++number,
        kind: 'FIELD_JOB',
        title: `Job ${number}`,
        ...data,
      },
    });
  const technician = (
    name: string,
    home: { lat: number; lng: number } | null,
    skills: { skillId: string; level: number }[],
    extra: Record<string, unknown> = {},
  ) =>
    sub.db.technician.create({
      data: {
        organizationId: (extra['organizationId'] as string | undefined) ?? org,
        name,
        homeLat: home?.lat ?? null,
        homeLng: home?.lng ?? null,
        workDays: ALL_WEEK,
        shiftStartMin: 480,
        shiftEndMin: 1020,
        ...extra,
        skills: { create: skills },
      },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.createMany({
      data: [
        {
          id: org,
          name: 'M',
          slug: `m-${org}`,
          kind: 'FIELD_SERVICE',
          timezone: ZONE,
          currency: 'EUR',
        },
        { id: otherOrg, name: 'O', slug: `o-${otherOrg}`, kind: 'FIELD_SERVICE', timezone: ZONE },
      ],
    });
    const plumbing = await sub.db.skill.create({ data: { organizationId: org, name: 'Plumbing' } });
    const leak = await sub.db.serviceType.create({
      data: {
        organizationId: org,
        name: 'Leak repair',
        requiredSkills: { create: [{ skillId: plumbing.id, minLevel: 2 }] },
      },
    });
    const siteId = randomUUID();
    await sub.db.siteProjection.create({
      data: { siteId, organizationId: org, name: 'Customer', ...SITE },
    });

    // Near (about 1 km) and expert, but busy in the morning; Far (about 35 km) and just qualified.
    const near = await technician('Nina Near', { lat: 52.529, lng: 13.41 }, [
      { skillId: plumbing.id, level: 3 },
    ]);
    await technician('Fred Far', { lat: 52.3, lng: 13.0 }, [{ skillId: plumbing.id, level: 2 }]);
    // Fred's twin in all but distance (about 5 km).
    await technician('Clara Close', { lat: 52.56, lng: 13.45 }, [
      { skillId: plumbing.id, level: 2 },
    ]);
    // Right at the site, but without the skill or below the level.
    await technician('Sam Noskill', SITE, []);
    await technician('Lou Lowlevel', SITE, [{ skillId: plumbing.id, level: 1 }]);
    await technician('Ina Inactive', SITE, [{ skillId: plumbing.id, level: 3 }], { active: false });
    // Another organization's perfect technician is never a candidate.
    const foreignSkill = await sub.db.skill.create({
      data: { organizationId: otherOrg, name: 'Plumbing' },
    });
    await technician('Otto Other', SITE, [{ skillId: foreignSkill.id, level: 3 }], {
      organizationId: otherOrg,
    });
    await workOrder(org, {
      technicianId: near.id,
      status: 'SCHEDULED',
      scheduledStart: at(9),
      scheduledEnd: at(12),
    });
    // Nina's record: one job completed on time and rated 5.
    await workOrder(org, {
      technicianId: near.id,
      status: 'COMPLETED',
      slaDueAt: at(-48),
      completedAt: at(-50),
      customerRating: 5,
    });

    const vendor = (
      name: string,
      base: { lat: number; lng: number },
      extra: Record<string, unknown>,
    ) =>
      sub.db.vendor.create({
        data: { organizationId: org, name, baseLat: base.lat, baseLng: base.lng, ...extra },
      });
    const offer = (priceMinor: number) => ({
      offers: {
        create: [
          {
            organizationId: org,
            serviceTypeId: leak.id,
            priceMinor,
            currency: 'EUR',
            leadTimeHours: 24,
          },
        ],
      },
    });
    await vendor(
      'Berlin Pipes',
      { lat: 52.5, lng: 13.38 },
      {
        serviceRadiusKm: 30,
        ...offer(12000),
        availability: {
          create: ALL_WEEK.map((weekday) => ({
            organizationId: org,
            weekday,
            startMin: 720,
            endMin: 960,
          })),
        },
      },
    );
    await vendor(
      'Hamburg Pipes',
      { lat: 53.55, lng: 9.99 },
      { serviceRadiusKm: 50, ...offer(8000) },
    );
    await vendor('Paint Only', SITE, {});
    await vendor('Dormant Pipes', SITE, { active: false, ...offer(5000) });

    workOrderId = (
      await workOrder(org, {
        serviceTypeId: leak.id,
        siteId,
        estimatedMinutes: 60,
        scheduledStart: at(13),
        scheduledEnd: at(14),
      })
    ).id;
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const candidates = async (limit = 20): Promise<Candidate[]> => {
    const res = await callSubgraph(sub.url, dispatcher, CANDIDATES, { id: workOrderId, limit });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.assignmentCandidates as Candidate[];
  };
  const nameOf = (c: Candidate) => c.technician?.name ?? c.vendor?.name;

  it('should rank the closer qualified technician first and explain why when both are free', async () => {
    const list = await candidates();
    expect(list.map((c) => c.rank)).toEqual(list.map((_, i) => i + 1));
    const [best] = list;
    expect(nameOf(best!)).toBe('Nina Near');
    expect(best).toMatchObject({ kind: 'TECHNICIAN', eligible: true, ineligibleReasons: [] });
    expect(best!.explanation).toMatch(
      /^Best match: has Plumbing level 3 \(needs 2\), free 12:00–17:00, 1\.\d km, €45\/h, 100% on time, rated 5\.0\/5$/,
    );
    expect(best!.cost).toEqual({ amountMinor: 4500, currency: 'EUR' });
    expect(new Date(best!.nextAvailableAt!).getTime()).toBe(at(13).getTime());
    expect(best!.factors.map((f) => f.name)).toEqual([
      'Skill fit',
      'Availability',
      'Distance',
      'Cost',
      'Quality',
    ]);
    expect(best!.factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1);

    const far = list.find((c) => nameOf(c) === 'Fred Far')!;
    expect(far.eligible).toBe(true);
    expect(far.score).toBeLessThan(best!.score);
    expect(far.distanceKm).toBeGreaterThan(30);
    expect(far.factors.find((f) => f.name === 'Skill fit')!.score).toBeLessThan(1);
    // Same skill, hours, cost and record: the closer one ranks higher.
    const close = list.find((c) => nameOf(c) === 'Clara Close')!;
    expect(close.distanceKm).toBeLessThan(10);
    expect(close.rank).toBeLessThan(far.rank);
    expect(close.score).toBeGreaterThan(far.score);
  });

  it('should list technicians without the required skill level as ineligible after every eligible candidate', async () => {
    const list = await candidates();
    const firstIneligible = list.findIndex((c) => !c.eligible);
    expect(list.slice(firstIneligible).every((c) => !c.eligible)).toBe(true);
    const noSkill = list.find((c) => nameOf(c) === 'Sam Noskill')!;
    expect(noSkill.eligible).toBe(false);
    expect(noSkill.ineligibleReasons).toEqual(['missing Plumbing (needs level 2)']);
    expect(noSkill.explanation).toMatch(
      /^Not eligible: missing Plumbing \(needs level 2\) \(otherwise: /,
    );
    // Closer than anyone, yet ranked after every eligible candidate.
    expect(noSkill.distanceKm).toBe(0);
    expect(noSkill.rank).toBeGreaterThan(firstIneligible);
    expect(list.find((c) => nameOf(c) === 'Lou Lowlevel')!.ineligibleReasons).toEqual([
      'Plumbing level 1 is below the required 2',
    ]);
    expect(list.find((c) => nameOf(c) === 'Ina Inactive')!.ineligibleReasons).toEqual(['inactive']);
    expect(list.some((c) => nameOf(c) === 'Otto Other')).toBe(false);
  });

  it('should rank a vendor in its service area by offer, hours and price, and mark one out of area ineligible', async () => {
    const list = await candidates();
    const berlin = list.find((c) => nameOf(c) === 'Berlin Pipes')!;
    expect(berlin).toMatchObject({
      kind: 'VENDOR',
      eligible: true,
      cost: { amountMinor: 12000, currency: 'EUR' },
    });
    expect(berlin.explanation).toMatch(
      /^Rank \d: offers Leak repair, available 12:00–16:00 \(24 h lead time\), \d\.\d km, €120 per job, no completed jobs yet$/,
    );
    // Cheapest eligible (the technicians' €45) scores 1; the vendor's €120 less.
    expect(berlin.factors.find((f) => f.name === 'Cost')!.score).toBeLessThan(0.5);

    const hamburg = list.find((c) => nameOf(c) === 'Hamburg Pipes')!;
    expect(hamburg.eligible).toBe(false);
    expect(hamburg.ineligibleReasons).toEqual([
      expect.stringMatching(/^outside its 50 km service area \(2\d\d km away\)$/),
    ]);
    expect(list.find((c) => nameOf(c) === 'Paint Only')!.ineligibleReasons).toEqual([
      'does not offer Leak repair',
    ]);
    expect(list.find((c) => nameOf(c) === 'Dormant Pipes')!.ineligibleReasons).toEqual([
      'inactive',
    ]);
  });

  it('should offer the free start closest to the scheduled time and score lower when the technician is booked then', async () => {
    const before = (await candidates()).find((c) => nameOf(c) === 'Nina Near')!;
    const nina = await sub.db.technician.findFirstOrThrow({
      where: { organizationId: org, name: 'Nina Near' },
    });
    const blocker = await workOrder(org, {
      technicianId: nina.id,
      status: 'SCHEDULED',
      scheduledStart: at(12, 30),
      scheduledEnd: at(14, 30),
    });
    try {
      const list = await candidates();
      const after = list.find((c) => nameOf(c) === 'Nina Near')!;
      const availability = after.factors.find((f) => f.name === 'Availability')!;
      // 14:30 is closer to 13:00 than the free hour before her morning job (08:00–09:00).
      expect(availability.detail).toBe('free 14:30–17:00');
      expect(availability.score).toBeLessThan(1);
      expect(new Date(after.nextAvailableAt!).getTime()).toBe(at(14, 30).getTime());
      expect(after.score).toBeLessThan(before.score);
      const fred = list.find((c) => nameOf(c) === 'Fred Far')!;
      expect(fred.factors.find((f) => f.name === 'Availability')).toMatchObject({
        score: 1,
        detail: 'free 08:00–17:00',
      });
    } finally {
      await sub.db.workOrder.deleteMany({ where: { organizationId: org, id: blocker.id } });
    }
  });

  it('should look at the next days when the technician has reached the maximum jobs that day', async () => {
    const fred = await sub.db.technician.findFirstOrThrow({
      where: { organizationId: org, name: 'Fred Far' },
    });
    await sub.db.technician.updateMany({
      where: { organizationId: org, id: fred.id },
      data: { maxJobsPerDay: 1 },
    });
    const job = await workOrder(org, {
      technicianId: fred.id,
      status: 'SCHEDULED',
      scheduledStart: at(8),
      scheduledEnd: at(9),
    });
    try {
      const list = await candidates();
      const availability = list
        .find((c) => nameOf(c) === 'Fred Far')!
        .factors.find((f) => f.name === 'Availability')!;
      const next = day.plus({ days: 1 });
      expect(availability.detail).toBe(`free ${next.toFormat('ccc d LLL')} 08:00–17:00`);
    } finally {
      await sub.db.workOrder.deleteMany({ where: { organizationId: org, id: job.id } });
      await sub.db.technician.updateMany({
        where: { organizationId: org, id: fred.id },
        data: { maxJobsPerDay: 8 },
      });
    }
  });

  it('should return at most limit candidates when a limit is given', async () => {
    const list = await candidates(2);
    expect(list).toHaveLength(2);
    expect(nameOf(list[0]!)).toBe('Nina Near');
  });

  it('should answer NOT_FOUND when another tenant asks about the work order', async () => {
    const res = await callSubgraph(sub.url, staffActor(otherOrg, ['DISPATCHER']), CANDIDATES, {
      id: workOrderId,
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should refuse technicians and out-of-range limits', async () => {
    const tech = await callSubgraph(sub.url, staffActor(org, ['TECHNICIAN']), CANDIDATES, {
      id: workOrderId,
    });
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const limit = await callSubgraph(sub.url, dispatcher, CANDIDATES, {
      id: workOrderId,
      limit: 0,
    });
    expect(limit.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
