import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

const ADD_CERT = `mutation ($technicianId: ID!, $input: CertificationInput!) {
  addCertification(technicianId: $technicianId, input: $input) {
    id name issuedOn expiresOn expired expiresSoon } }`;
const ADD_TIME_OFF = `mutation ($technicianId: ID!, $input: TimeOffInput!) {
  addTimeOff(technicianId: $technicianId, input: $input) { id startsAt endsAt reason } }`;
const AVAILABILITY = `query ($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  technician(id: $id) { availability(from: $from, to: $to) { start end } } }`;

const PRAGUE = 'Europe/Prague';
/** A Prague wall-clock time as an ISO instant. */
const prague = (local: string) =>
  DateTime.fromISO(local, { zone: PRAGUE }).toUTC().toISO({ suppressMilliseconds: false })!;

describe('operations subgraph: technician calendar', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.createMany({
      data: [
        { id: orgA, name: 'A', slug: `a-${orgA}`, kind: 'FIELD_SERVICE', timezone: PRAGUE },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'FIELD_SERVICE' },
      ],
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const technician = (extra: Record<string, unknown> = {}) =>
    sub.db.technician.create({
      data: { organizationId: orgA, name: `Tech ${randomUUID().slice(0, 6)}`, ...extra },
    });
  const availability = async (id: string, from: string, to: string) => {
    const res = await callSubgraph(sub.url, admin, AVAILABILITY, { id, from, to });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.technician.availability as { start: string; end: string }[];
  };
  const addTimeOff = (technicianId: string, startsAt: string, endsAt: string, reason = 'Dentist') =>
    callSubgraph(sub.url, admin, ADD_TIME_OFF, {
      technicianId,
      input: { startsAt, endsAt, reason },
    });

  describe('certifications', () => {
    const today = () => DateTime.now().setZone(PRAGUE).startOf('day');
    const day = (offset: number) => today().plus({ days: offset }).toISODate()!;

    it('should flag certifications as expired or expiring soon from their expiry day', async () => {
      const tech = await technician();
      const add = (name: string, expiresOn: string | null) =>
        callSubgraph(sub.url, admin, ADD_CERT, {
          technicianId: tech.id,
          input: { name, issuedOn: day(-400), expiresOn },
        });
      const results = [
        await add('Expired yesterday', day(-1)),
        await add('Last valid day today', day(0)),
        await add('Expires in 30 days', day(30)),
        await add('Expires in 31 days', day(31)),
        await add('Never expires', null),
      ];
      for (const r of results) expect(r.body.errors).toBeUndefined();
      const flags = results.map((r) => {
        const c = r.body.data!.addCertification;
        return [c.name, c.expired, c.expiresSoon];
      });
      expect(flags).toEqual([
        ['Expired yesterday', true, false],
        ['Last valid day today', false, true],
        ['Expires in 30 days', false, true],
        ['Expires in 31 days', false, false],
        ['Never expires', false, false],
      ]);
      const read = await callSubgraph(
        sub.url,
        admin,
        'query ($id: ID!) { technician(id: $id) { certifications { name expiresOn } } }',
        { id: tech.id },
      );
      expect(read.body.data?.technician.certifications[0]).toEqual({
        name: 'Expired yesterday',
        expiresOn: day(-1),
      });
      expect(read.body.data?.technician.certifications.at(-1).name).toBe('Never expires');
    });

    it('should refuse a certification that expires before it is issued', async () => {
      const tech = await technician();
      const res = await callSubgraph(sub.url, admin, ADD_CERT, {
        technicianId: tech.id,
        input: { name: 'Backwards', issuedOn: '2026-05-01', expiresOn: '2026-04-30' },
      });
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'A certification cannot expire before it is issued',
        extensions: { code: 'BAD_USER_INPUT', field: 'expiresOn' },
      });
    });

    it('should remove a certification and answer NOT_FOUND for another tenant', async () => {
      const tech = await technician();
      const cert = (
        await callSubgraph(sub.url, admin, ADD_CERT, {
          technicianId: tech.id,
          input: { name: 'Gas safe' },
        })
      ).body.data!.addCertification;
      const remove = `mutation ($id: ID!) { removeCertification(id: $id) }`;
      const theirs = await callSubgraph(sub.url, otherTenant, remove, { id: cert.id });
      expect(theirs.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const mine = await callSubgraph(sub.url, admin, remove, { id: cert.id });
      expect(mine.body.data?.removeCertification).toBe(true);
      expect(
        await sub.db.technicianCertification.count({
          where: { organizationId: orgA, technicianId: tech.id },
        }),
      ).toBe(0);
    });
  });

  describe('time off', () => {
    it('should refuse overlapping time off with the dates of the existing one', async () => {
      const tech = await technician();
      const first = await addTimeOff(
        tech.id,
        prague('2026-07-01T09:00'),
        prague('2026-07-03T17:00'),
        'Vacation',
      );
      expect(first.body.errors).toBeUndefined();
      const clash = await addTimeOff(
        tech.id,
        prague('2026-07-03T08:00'),
        prague('2026-07-04T08:00'),
      );
      expect(clash.body.errors?.[0]).toMatchObject({
        message: 'This overlaps time off from 2026-07-01 09:00 to 2026-07-03 17:00 (Vacation)',
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'TIME_OFF_OVERLAP',
          overlapping: { id: first.body.data!.addTimeOff.id },
        },
      });
      // Touching end to start is no overlap.
      const next = await addTimeOff(
        tech.id,
        prague('2026-07-03T17:00'),
        prague('2026-07-03T18:00'),
      );
      expect(next.body.errors).toBeUndefined();
    });

    it('should refuse time off that ends before it starts or lasts over 60 days', async () => {
      const tech = await technician();
      const backwards = await addTimeOff(tech.id, '2026-07-02T10:00:00Z', '2026-07-02T09:00:00Z');
      expect(backwards.body.errors?.[0]).toMatchObject({
        message: 'Time off must end after it starts',
        extensions: { code: 'BAD_USER_INPUT', field: 'endsAt' },
      });
      const long = await addTimeOff(tech.id, '2026-07-01T00:00:00Z', '2026-08-30T00:00:01Z');
      expect(long.body.errors?.[0]?.message).toMatch(/at most 60 days/);
      const sixty = await addTimeOff(tech.id, '2026-07-01T00:00:00Z', '2026-08-30T00:00:00Z');
      expect(sixty.body.errors).toBeUndefined();
    });

    it('should write TechnicianUpdated when time off is added and removed', async () => {
      const tech = await technician();
      const added = await addTimeOff(tech.id, '2026-09-01T08:00:00Z', '2026-09-01T12:00:00Z');
      const id = added.body.data!.addTimeOff.id;
      const removed = await callSubgraph(
        sub.url,
        admin,
        `mutation ($id: ID!) { removeTimeOff(id: $id) }`,
        { id },
      );
      expect(removed.body.data?.removeTimeOff).toBe(true);
      const events = await sub.db.$queryRawUnsafe<
        { type: string; payload: { changed: string[] } }[]
      >(
        `SELECT type, payload FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt"`,
        tech.id,
      );
      expect(events.map((e) => [e.type, e.payload.changed])).toEqual([
        ['TechnicianUpdated', ['timeOff']],
        ['TechnicianUpdated', ['timeOff']],
      ]);
    });

    it('should show a technician the reasons of their own time off only', async () => {
      const userId = randomUUID();
      await sub.db.user.create({
        data: {
          id: userId,
          organizationId: orgA,
          email: `${userId}@example.test`,
          name: 'Tia Tech',
          passwordHash: 'x',
          roles: ['TECHNICIAN'],
        },
      });
      const me = await technician({ userId });
      const colleague = await technician();
      await addTimeOff(me.id, '2026-08-03T08:00:00Z', '2026-08-03T12:00:00Z', 'Dentist');
      await addTimeOff(colleague.id, '2026-08-04T08:00:00Z', '2026-08-04T12:00:00Z', 'Sick leave');
      const query = `query ($id: ID!) { technician(id: $id) {
        timeOff(from: "2026-08-01T00:00:00Z", to: "2026-08-10T00:00:00Z") { reason } } }`;
      const asTech = staffActor(orgA, ['TECHNICIAN'], userId);
      const own = await callSubgraph(sub.url, asTech, query, { id: me.id });
      expect(own.body.data?.technician.timeOff).toEqual([{ reason: 'Dentist' }]);
      const theirs = await callSubgraph(sub.url, asTech, query, { id: colleague.id });
      expect(theirs.body.data?.technician.timeOff).toEqual([{ reason: 'Time off' }]);
      const office = await callSubgraph(sub.url, admin, query, { id: colleague.id });
      expect(office.body.data?.technician.timeOff).toEqual([{ reason: 'Sick leave' }]);
    });

    it('should list time off overlapping the asked range', async () => {
      const tech = await technician();
      await addTimeOff(tech.id, '2026-09-01T08:00:00Z', '2026-09-01T12:00:00Z', 'Early');
      await addTimeOff(tech.id, '2026-09-10T08:00:00Z', '2026-09-12T12:00:00Z', 'Middle');
      await addTimeOff(tech.id, '2026-09-20T08:00:00Z', '2026-09-21T12:00:00Z', 'Late');
      const res = await callSubgraph(
        sub.url,
        admin,
        `query ($id: ID!) { technician(id: $id) {
          timeOff(from: "2026-09-11T00:00:00Z", to: "2026-09-20T09:00:00Z") { reason } } }`,
        { id: tech.id },
      );
      expect(res.body.data?.technician.timeOff).toEqual([{ reason: 'Middle' }, { reason: 'Late' }]);
    });

    it('should answer FORBIDDEN when a technician adds time off, and NOT_FOUND for another tenant', async () => {
      const tech = await technician();
      const asTech = await callSubgraph(sub.url, staffActor(orgA, ['TECHNICIAN']), ADD_TIME_OFF, {
        technicianId: tech.id,
        input: { startsAt: '2026-09-01T08:00:00Z', endsAt: '2026-09-01T09:00:00Z', reason: 'Me' },
      });
      expect(asTech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const foreign = await callSubgraph(sub.url, otherTenant, ADD_TIME_OFF, {
        technicianId: tech.id,
        input: { startsAt: '2026-09-01T08:00:00Z', endsAt: '2026-09-01T09:00:00Z', reason: 'Us' },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(
        await sub.db.technicianTimeOff.count({
          where: { organizationId: orgA, technicianId: tech.id },
        }),
      ).toBe(0);
    });
  });

  describe('availability', () => {
    it('should keep the shift at local wall-clock times across the DST change (Europe/Prague 2026-10-25)', async () => {
      const tech = await technician({ workDays: [1, 2, 3, 4, 5, 6, 7] });
      const windows = await availability(
        tech.id,
        prague('2026-10-24T00:00'),
        prague('2026-10-27T00:00'),
      );
      expect(windows).toEqual([
        // Saturday, summer time (UTC+2): 08:00–17:00 local.
        { start: '2026-10-24T06:00:00.000Z', end: '2026-10-24T15:00:00.000Z' },
        // Sunday, the change day: clocks went back at 03:00, so 08:00 local is UTC+1.
        { start: '2026-10-25T07:00:00.000Z', end: '2026-10-25T16:00:00.000Z' },
        { start: '2026-10-26T07:00:00.000Z', end: '2026-10-26T16:00:00.000Z' },
      ]);
    });

    it('should give no windows on days off such as the weekend', async () => {
      const tech = await technician({ shiftStartMin: 420, shiftEndMin: 900 });
      // Friday 2026-10-16 to Monday 2026-10-19 (exclusive end at Monday noon).
      const windows = await availability(
        tech.id,
        prague('2026-10-16T00:00'),
        prague('2026-10-19T12:00'),
      );
      expect(windows).toEqual([
        { start: prague('2026-10-16T07:00'), end: prague('2026-10-16T15:00') },
        // Monday's shift is clipped to the end of the range.
        { start: prague('2026-10-19T07:00'), end: prague('2026-10-19T12:00') },
      ]);
    });

    it('should split a shift around partial-day time off and drop a day fully off', async () => {
      const tech = await technician();
      await addTimeOff(tech.id, prague('2026-10-21T12:00'), prague('2026-10-21T14:00'), 'Doctor');
      await addTimeOff(tech.id, prague('2026-10-22T00:00'), prague('2026-10-23T00:00'), 'Sick');
      const windows = await availability(
        tech.id,
        prague('2026-10-21T00:00'),
        prague('2026-10-24T00:00'),
      );
      expect(windows).toEqual([
        { start: prague('2026-10-21T08:00'), end: prague('2026-10-21T12:00') },
        { start: prague('2026-10-21T14:00'), end: prague('2026-10-21T17:00') },
        { start: prague('2026-10-23T08:00'), end: prague('2026-10-23T17:00') },
      ]);
    });

    it('should give an inactive technician no windows', async () => {
      const tech = await technician({ active: false });
      expect(
        await availability(tech.id, prague('2026-10-21T00:00'), prague('2026-10-22T00:00')),
      ).toEqual([]);
    });

    it('should answer BAD_USER_INPUT when the range is reversed or longer than 62 days', async () => {
      const tech = await technician();
      const reversed = await callSubgraph(sub.url, admin, AVAILABILITY, {
        id: tech.id,
        from: '2026-10-22T00:00:00Z',
        to: '2026-10-21T00:00:00Z',
      });
      expect(reversed.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_RANGE',
      });
      const long = await callSubgraph(sub.url, admin, AVAILABILITY, {
        id: tech.id,
        from: '2026-01-01T00:00:00Z',
        to: '2026-04-01T00:00:00Z',
      });
      expect(long.body.errors?.[0]?.message).toMatch(/at most 62 days/);
    });
  });
});
