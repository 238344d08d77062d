import { randomUUID } from 'node:crypto';
import { staffActor } from '@attendant/testing';
import { pruneKeys } from '../shared/idempotency';
import {
  CHANGE_STATUS,
  createOrganization,
  createTechnician,
  createTechnicianUser,
  createUser,
  gql,
  insertWorkOrder,
  startHarness,
  UPDATE_WORK_ORDER,
  type Harness,
} from '../work-order/work-order.fixtures';

// The offline app's contract: every change carries a key it made up; a replay (the outbox sending
// again after a lost answer, a duplicated delivery) changes nothing and answers with the result.
const ADD_ITEM = `mutation ($workOrderId: ID!, $label: String!, $key: String) {
  addChecklistItem(workOrderId: $workOrderId, label: $label, idempotencyKey: $key) { id label done } }`;
const SET_DONE = `mutation ($id: ID!, $done: Boolean!, $key: String) {
  setChecklistItemDone(id: $id, done: $done, idempotencyKey: $key) { id done } }`;
const ADD_NOTE = `mutation ($workOrderId: ID!, $body: String!, $key: String) {
  addWorkOrderNote(workOrderId: $workOrderId, body: $body, idempotencyKey: $key) { id body } }`;
const ADD_PART = `mutation ($input: AddWorkOrderPartInput!) {
  addWorkOrderPart(input: $input) { id description quantity } }`;
const LOG_TIME = `mutation ($input: LogTimeInput!) { logTime(input: $input) { id minutes } }`;
const START = `mutation ($id: ID!, $key: String, $at: DateTimeISO) {
  startTimer(workOrderId: $id, idempotencyKey: $key, at: $at) { id startedAt endedAt } }`;
const STOP = `mutation ($id: ID!, $key: String, $at: DateTimeISO) {
  stopTimer(workOrderId: $id, idempotencyKey: $key, at: $at) { id startedAt endedAt minutes } }`;
const ATTACH = `mutation ($input: AddWorkOrderAttachmentInput!) {
  addWorkOrderAttachment(input: $input) { id kind clientId signerName signedAt } }`;
const CHANGES = `query ($id: ID!, $version: Int!) {
  workOrder(id: $id) { version changesSince(version: $version) { version fields } } }`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');

describe('offline sync: idempotent mutations, field-level merge, hand-back', () => {
  let h: Harness;
  let org: string;
  let dispatcher: ReturnType<typeof staffActor>;
  let tech: Awaited<ReturnType<typeof createTechnicianUser>>;

  beforeAll(async () => {
    h = await startHarness();
    org = await createOrganization(h.db);
    dispatcher = staffActor(org, ['DISPATCHER'], (await createUser(h.db, org)).id);
    tech = await createTechnicianUser(h.db, org);
  });
  afterAll(() => h.stop());

  const job = (extra = {}) =>
    insertWorkOrder(h.db, org, {
      status: 'IN_PROGRESS',
      technicianId: tech.technician.id,
      ...extra,
    });
  const count = async (table: string, workOrderId: string) =>
    Number(
      (
        await h.db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM operations.${table} WHERE "workOrderId" = $1::uuid`,
          workOrderId,
        )
      )[0]!.n,
    );
  const version = async (id: string) =>
    (await h.db.workOrder.findFirstOrThrow({ where: { organizationId: org, id } })).version;

  describe('replays', () => {
    it('should store a note, a part, logged time and a checklist item once however often they are sent', async () => {
      const wo = await job();
      const keys = {
        note: randomUUID(),
        part: randomUUID(),
        time: randomUUID(),
        item: randomUUID(),
      };
      const send = () =>
        Promise.all([
          gql(h, tech.actor, ADD_NOTE, {
            workOrderId: wo.id,
            body: 'Valve replaced',
            key: keys.note,
          }),
          gql(h, tech.actor, ADD_PART, {
            input: {
              workOrderId: wo.id,
              description: 'Valve',
              quantity: 1,
              idempotencyKey: keys.part,
            },
          }),
          gql(h, tech.actor, LOG_TIME, {
            input: {
              workOrderId: wo.id,
              startedAt: new Date(Date.now() - 3_600_000).toISOString(),
              endedAt: new Date(Date.now() - 1_800_000).toISOString(),
              idempotencyKey: keys.time,
            },
          }),
          gql(h, tech.actor, ADD_ITEM, {
            workOrderId: wo.id,
            label: 'Photo of seal',
            key: keys.item,
          }),
        ]);
      const first = await send();
      const again = await send();
      const third = await send();
      for (const r of [...first, ...again, ...third]) expect(r.error).toBeNull();
      // The same results come back, by id.
      expect(again.map((r) => (Object.values(r.data)[0] as { id: string }).id)).toEqual(
        first.map((r) => (Object.values(r.data)[0] as { id: string }).id),
      );
      expect(third[0]!.data.addWorkOrderNote.body).toBe('Valve replaced');
      expect(await count('work_order_note', wo.id)).toBe(1);
      expect(await count('work_order_part', wo.id)).toBe(1);
      expect(await count('work_order_time_entry', wo.id)).toBe(1);
      expect(await count('work_order_checklist_item', wo.id)).toBe(1);
      // Four changes, four versions: replays did not bump it.
      expect(await version(wo.id)).toBe(5);
    });

    it('should apply once when duplicated deliveries race each other', async () => {
      const wo = await job();
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          gql(h, tech.actor, ADD_NOTE, { workOrderId: wo.id, body: 'Raced', key }),
        ),
      );
      for (const r of results) expect(r.error).toBeNull();
      expect(new Set(results.map((r) => r.data.addWorkOrderNote.id)).size).toBe(1);
      expect(await count('work_order_note', wo.id)).toBe(1);
    });

    it('should not undo a later change when an earlier tick is replayed', async () => {
      const wo = await job();
      const item = (await gql(h, tech.actor, ADD_ITEM, { workOrderId: wo.id, label: 'Isolate' }))
        .data.addChecklistItem;
      const tick = randomUUID();
      await gql(h, tech.actor, SET_DONE, { id: item.id, done: true, key: tick });
      // Ticking an already-ticked item changes nothing, yet its key is remembered.
      const noop = randomUUID();
      await gql(h, tech.actor, SET_DONE, { id: item.id, done: true, key: noop });
      await gql(h, tech.actor, SET_DONE, { id: item.id, done: false, key: randomUUID() });
      const replays = await Promise.all([
        gql(h, tech.actor, SET_DONE, { id: item.id, done: true, key: tick }),
        gql(h, tech.actor, SET_DONE, { id: item.id, done: true, key: noop }),
      ]);
      expect(replays.map((r) => r.data.setChecklistItemDone.done)).toEqual([false, false]);
    });

    it('should replay a status change after the job moved on, without applying it again', async () => {
      const wo = await job({ status: 'ARRIVED' });
      const key = randomUUID();
      const first = await gql(h, tech.actor, CHANGE_STATUS, {
        input: { id: wo.id, status: 'IN_PROGRESS', idempotencyKey: key },
      });
      expect(first.data.changeWorkOrderStatus.status).toBe('IN_PROGRESS');
      await gql(h, tech.actor, CHANGE_STATUS, { input: { id: wo.id, status: 'COMPLETED' } });
      const replay = await gql(h, tech.actor, CHANGE_STATUS, {
        input: { id: wo.id, status: 'IN_PROGRESS', idempotencyKey: key },
      });
      expect(replay.error).toBeNull();
      expect(replay.data.changeWorkOrderStatus.status).toBe('COMPLETED');
      const statusEvents = await h.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM operations.outbox WHERE "entityId" = $1::uuid AND type = 'WorkOrderStatusChanged'`,
        wo.id,
      );
      expect(Number(statusEvents[0]!.n)).toBe(2);
    });

    it('should start and stop a timer at the device times, once each', async () => {
      const wo = await job();
      const startedAt = new Date(Date.now() - 40 * 60_000).toISOString();
      const stoppedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const [startKey, stopKey] = [randomUUID(), randomUUID()];
      for (let i = 0; i < 2; i++) {
        const start = await gql(h, tech.actor, START, { id: wo.id, key: startKey, at: startedAt });
        expect(start.data.startTimer.startedAt).toBe(startedAt);
      }
      for (let i = 0; i < 2; i++) {
        const stop = await gql(h, tech.actor, STOP, { id: wo.id, key: stopKey, at: stoppedAt });
        expect(stop.error).toBeNull();
        expect(stop.data.stopTimer).toMatchObject({ endedAt: stoppedAt, minutes: 30 });
      }
      expect(await count('work_order_time_entry', wo.id)).toBe(1);
      const future = await gql(h, tech.actor, START, {
        id: wo.id,
        at: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(future.error?.code).toBe('BAD_USER_INPUT');
    });

    it('should store a signature with its signer once, and refuse one without a signer', async () => {
      const wo = await job();
      const signedAt = new Date(Date.now() - 60_000).toISOString();
      const input = {
        workOrderId: wo.id,
        kind: 'SIGNATURE',
        fileName: 'signature.png',
        contentType: 'image/png',
        dataBase64: PNG,
        clientId: randomUUID(),
        signerName: ' Ada Customer ',
        signedAt,
      };
      const [a, b] = [
        await gql(h, tech.actor, ATTACH, { input }),
        await gql(h, tech.actor, ATTACH, { input }),
      ];
      expect(a.data.addWorkOrderAttachment).toMatchObject({ signerName: 'Ada Customer', signedAt });
      expect(b.data.addWorkOrderAttachment.id).toBe(a.data.addWorkOrderAttachment.id);
      expect(await count('work_order_attachment', wo.id)).toBe(1);
      const unsigned = await gql(h, tech.actor, ATTACH, {
        input: { ...input, clientId: randomUUID(), signerName: '  ' },
      });
      expect(unsigned.error).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(unsigned.error?.message).toMatch(/name of the person who signed/);
    });

    it('should refuse a key reused for another operation or by another user', async () => {
      const wo = await job();
      const key = randomUUID();
      await gql(h, tech.actor, ADD_NOTE, { workOrderId: wo.id, body: 'First', key });
      const other = await gql(h, tech.actor, ADD_PART, {
        input: { workOrderId: wo.id, description: 'Valve', quantity: 1, idempotencyKey: key },
      });
      expect(other.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
      const someoneElse = await gql(h, dispatcher, ADD_NOTE, {
        workOrderId: wo.id,
        body: 'First',
        key,
      });
      expect(someoneElse.error?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await count('work_order_part', wo.id)).toBe(0);
      expect(await count('work_order_note', wo.id)).toBe(1);
    });
  });

  it('should forget keys after 30 days, and only those', async () => {
    const wo = await job();
    const [old, recent] = [randomUUID(), randomUUID()];
    await gql(h, tech.actor, ADD_NOTE, { workOrderId: wo.id, body: 'Old', key: old });
    await gql(h, tech.actor, ADD_NOTE, { workOrderId: wo.id, body: 'Recent', key: recent });
    await h.db.idempotencyKey.updateMany({
      where: { organizationId: org, key: old },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect(await pruneKeys(h.db)).toBeGreaterThanOrEqual(1);
    const left = await h.db.idempotencyKey.findMany({
      where: { organizationId: org, key: { in: [old, recent] } },
    });
    expect(left.map((k) => k.key)).toEqual([recent]);
  });

  describe('field-level merge', () => {
    it("should merge a technician's stale status change with dispatch's priority change", async () => {
      const wo = await job({ status: 'DISPATCHED' });
      const seen = await version(wo.id);
      const moved = await gql(h, dispatcher, UPDATE_WORK_ORDER, {
        id: wo.id,
        input: { priority: 'HIGH' },
        expectedVersion: seen,
      });
      expect(moved.error).toBeNull();
      const stale = await gql(h, tech.actor, CHANGE_STATUS, {
        input: { id: wo.id, status: 'EN_ROUTE', expectedVersion: seen },
      });
      expect(stale.error).toBeNull();
      const row = await h.db.workOrder.findFirstOrThrow({
        where: { organizationId: org, id: wo.id },
      });
      expect({ status: row.status, priority: row.priority }).toEqual({
        status: 'EN_ROUTE',
        priority: 'HIGH',
      });
      // The technician is shown what changed since their version.
      const changes = await gql(h, tech.actor, CHANGES, { id: wo.id, version: seen });
      expect(changes.data.workOrder.changesSince).toEqual([
        { version: seen + 1, fields: ['priority'] },
        { version: seen + 2, fields: ['status'] },
      ]);
    });

    it('should keep dispatch’s cancellation over a technician’s stale move (server wins), with the current status', async () => {
      const wo = await job({ status: 'DISPATCHED' });
      const seen = await version(wo.id);
      await gql(h, dispatcher, CHANGE_STATUS, {
        input: { id: wo.id, status: 'CANCELLED', reason: 'Customer called off' },
      });
      const stale = await gql(h, tech.actor, CHANGE_STATUS, {
        input: { id: wo.id, status: 'EN_ROUTE', expectedVersion: seen },
      });
      expect(stale.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_STATUS_TRANSITION',
      });
      const row = await h.db.workOrder.findFirstOrThrow({
        where: { organizationId: org, id: wo.id },
      });
      expect(row.status).toBe('CANCELLED');
    });

    it("should merge a dispatcher's stale edit when the technician only added details, and refuse an overlapping one", async () => {
      const wo = await job({ status: 'SCHEDULED' });
      const seen = await version(wo.id);
      await gql(h, tech.actor, ADD_NOTE, { workOrderId: wo.id, body: 'Bring a ladder' });
      const merged = await gql(h, dispatcher, UPDATE_WORK_ORDER, {
        id: wo.id,
        input: { title: 'Replace the valve (ladder)' },
        expectedVersion: seen,
      });
      expect(merged.error).toBeNull();
      const overlapping = await gql(h, dispatcher, UPDATE_WORK_ORDER, {
        id: wo.id,
        input: { title: 'Another title' },
        expectedVersion: seen,
      });
      expect(overlapping.error).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
      expect(overlapping.error?.message).toMatch(/title/);
      const row = await h.db.workOrder.findFirstOrThrow({
        where: { organizationId: org, id: wo.id },
      });
      expect(row.title).toBe('Replace the valve (ladder)');
    });

    it('should let a technician tick a checklist item dispatch unticked meanwhile (technician wins)', async () => {
      const wo = await job();
      const item = (await gql(h, tech.actor, ADD_ITEM, { workOrderId: wo.id, label: 'Test' })).data
        .addChecklistItem;
      await gql(h, dispatcher, SET_DONE, { id: item.id, done: false });
      const ticked = await gql(h, tech.actor, SET_DONE, {
        id: item.id,
        done: true,
        key: randomUUID(),
      });
      expect(ticked.data.setChecklistItemDone.done).toBe(true);
    });
  });

  describe('a job handed to someone else while the technician was offline', () => {
    it('should keep their evidence on the job, refuse their status change as REASSIGNED, and hide the job', async () => {
      const wo = await job({ status: 'IN_PROGRESS' });
      const other = await createTechnician(h.db, org, 'Olly Other');
      // Dispatch puts it on hold and hands it on (a job under way is not reassigned in passing).
      await gql(h, dispatcher, CHANGE_STATUS, {
        input: { id: wo.id, status: 'ON_HOLD', reason: 'Swap' },
      });
      const handed = await gql(h, dispatcher, UPDATE_WORK_ORDER, {
        id: wo.id,
        input: { technicianId: other.id },
      });
      expect(handed.error).toBeNull();
      const row = await h.db.workOrder.findFirstOrThrow({
        where: { organizationId: org, id: wo.id },
      });
      expect(row.previousTechnicianId).toBe(tech.technician.id);
      expect(row.reassignedAt).toBeInstanceOf(Date);

      const note = await gql(h, tech.actor, ADD_NOTE, {
        workOrderId: wo.id,
        body: 'Done offline',
        key: randomUUID(),
      });
      expect(note.error).toBeNull();
      const photo = await gql(h, tech.actor, ATTACH, {
        input: {
          workOrderId: wo.id,
          kind: 'PHOTO',
          fileName: 'p.png',
          contentType: 'image/png',
          dataBase64: PNG,
          clientId: randomUUID(),
        },
      });
      expect(photo.error).toBeNull();
      const status = await gql(h, tech.actor, CHANGE_STATUS, {
        input: { id: wo.id, status: 'IN_PROGRESS', idempotencyKey: randomUUID() },
      });
      expect(status.error).toMatchObject({ code: 'CONFLICT', reason: 'REASSIGNED' });
      expect(status.error?.message).toMatch(/handed to someone else/);
      const read = await gql(h, tech.actor, `query ($id: ID!) { workOrder(id: $id) { id } }`, {
        id: wo.id,
      });
      expect(read.error?.code).toBe('NOT_FOUND');

      // A technician who never had the job still cannot write on it.
      const stranger = await createTechnicianUser(h.db, org, 'Sam Stranger');
      const refused = await gql(h, stranger.actor, ADD_NOTE, { workOrderId: wo.id, body: 'x' });
      expect(refused.error?.code).toBe('NOT_FOUND');
      expect(await count('work_order_note', wo.id)).toBe(1);
    });
  });
});
