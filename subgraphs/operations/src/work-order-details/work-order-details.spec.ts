import { staffActor } from '@attendant/testing';
import {
  CHANGE_STATUS,
  createOrganization,
  createServiceType,
  createTechnicianUser,
  createUser,
  eventsOf,
  gql,
  insertWorkOrder,
  startHarness,
  type Harness,
} from '../work-order/work-order.fixtures';

const DETAILS = /* GraphQL */ `
  query ($id: ID!) {
    workOrder(id: $id) {
      id
      version
      customerRating
      customerFeedback
      checklist {
        id
        label
        position
        done
        doneAt
      }
      notes {
        id
        authorName
        body
        createdAt
      }
      parts {
        id
        description
        sku
        quantity
        unitPrice {
          amountMinor
          currency
        }
        lineTotal {
          amountMinor
          currency
        }
      }
      timeEntries {
        id
        technicianId
        startedAt
        endedAt
        minutes
        note
      }
      totalMinutesLogged
      reworkOf {
        id
        number
      }
    }
  }
`;
const ADD_ITEM = `mutation ($workOrderId: ID!, $label: String!) {
  addChecklistItem(workOrderId: $workOrderId, label: $label) { id label position done workOrder { id version } } }`;
const SET_DONE = `mutation ($id: ID!, $done: Boolean!) {
  setChecklistItemDone(id: $id, done: $done) { id done doneAt workOrder { version } } }`;
const REMOVE_ITEM = `mutation ($id: ID!) { removeChecklistItem(id: $id) { id version checklist { id } } }`;
const ADD_NOTE = `mutation ($workOrderId: ID!, $body: String!) {
  addWorkOrderNote(workOrderId: $workOrderId, body: $body) { id authorName body workOrder { version } } }`;
const ADD_PART = `mutation ($input: AddWorkOrderPartInput!) {
  addWorkOrderPart(input: $input) { id description sku quantity
    unitPrice { amountMinor currency } lineTotal { amountMinor currency } } }`;
const REMOVE_PART = `mutation ($id: ID!) { removeWorkOrderPart(id: $id) { id parts { id } } }`;
const LOG_TIME = `mutation ($input: LogTimeInput!) {
  logTime(input: $input) { id technicianId startedAt endedAt minutes note } }`;
const START = `mutation ($id: ID!) { startTimer(workOrderId: $id) { id endedAt minutes } }`;
const STOP = `mutation ($id: ID!) { stopTimer(workOrderId: $id) { id endedAt minutes } }`;
const RATE = `mutation ($id: ID!, $rating: Int!, $feedback: String) {
  rateWorkOrder(id: $id, rating: $rating, feedback: $feedback) { id version customerRating customerFeedback } }`;

describe('work order details: checklist, notes, parts, time and rating', () => {
  let h: Harness;
  let org: string;
  let otherOrg: string;
  let admin: ReturnType<typeof staffActor>;
  let dispatcherName: string;

  beforeAll(async () => {
    h = await startHarness();
    org = await createOrganization(h.db, { currency: 'GBP' });
    otherOrg = await createOrganization(h.db);
    const user = await createUser(h.db, org, 'Dana Dispatcher');
    dispatcherName = user.name;
    admin = staffActor(org, ['DISPATCHER'], user.id);
  });
  afterAll(() => h.stop());

  const job = (extra = {}) => insertWorkOrder(h.db, org, { status: 'IN_PROGRESS', ...extra });
  const details = async (id: string, actor = admin) =>
    (await gql(h, actor, DETAILS, { id })).data?.workOrder;
  const updates = async (id: string) =>
    (await eventsOf(h.db, id)).filter((e) => e.type === 'WorkOrderUpdated').map((e) => e.payload);

  describe('checklist', () => {
    it("should show the service type's checklist copied at creation, in order", async () => {
      const type = await createServiceType(h.db, org, { checklist: ['Isolate', 'Repair'] });
      const created = await gql(
        h,
        admin,
        'mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }',
        { input: { kind: 'FIELD_JOB', title: 'Leak', serviceTypeId: type.id } },
      );
      const wo = await details(created.data.createWorkOrder.id);
      expect(wo.checklist.map((i: { label: string }) => i.label)).toEqual(['Isolate', 'Repair']);
    });

    it('should append an item, bump the version and write a checklist event when one is added', async () => {
      const wo = await job({ version: 4 });
      const first = await gql(h, admin, ADD_ITEM, { workOrderId: wo.id, label: ' Check seals ' });
      const second = await gql(h, admin, ADD_ITEM, { workOrderId: wo.id, label: 'Sign off' });
      expect(first.data.addChecklistItem).toMatchObject({
        label: 'Check seals',
        position: 0,
        done: false,
        workOrder: { id: wo.id, version: 5 },
      });
      expect(second.data.addChecklistItem).toMatchObject({
        position: 1,
        workOrder: { version: 6 },
      });
      const events = await updates(wo.id);
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({
        change: 'checklist',
        action: 'added',
        number: wo.number,
        title: wo.title,
        status: 'IN_PROGRESS',
      });
      expect(events.map((e) => e['version']).sort()).toEqual([5, 6]);
    });

    it('should tick an item off with a time, untick it, and write nothing when it is already so', async () => {
      const wo = await job();
      const item = (await gql(h, admin, ADD_ITEM, { workOrderId: wo.id, label: 'Test' })).data
        .addChecklistItem;
      const done = await gql(h, admin, SET_DONE, { id: item.id, done: true });
      expect(done.data.setChecklistItemDone).toMatchObject({
        done: true,
        workOrder: { version: 3 },
      });
      expect(done.data.setChecklistItemDone.doneAt).not.toBeNull();
      const again = await gql(h, admin, SET_DONE, { id: item.id, done: true });
      expect(again.data.setChecklistItemDone.workOrder.version).toBe(3);
      const undone = await gql(h, admin, SET_DONE, { id: item.id, done: false });
      expect(undone.data.setChecklistItemDone).toMatchObject({ done: false, doneAt: null });
      expect((await updates(wo.id)).map((e) => e['action'])).toEqual(['added', 'done', 'undone']);
    });

    it('should remove an item and return the work order without it', async () => {
      const wo = await job();
      const item = (await gql(h, admin, ADD_ITEM, { workOrderId: wo.id, label: 'Gone' })).data
        .addChecklistItem;
      const { data } = await gql(h, admin, REMOVE_ITEM, { id: item.id });
      expect(data.removeChecklistItem).toMatchObject({ id: wo.id, version: 3, checklist: [] });
      const again = await gql(h, admin, REMOVE_ITEM, { id: item.id });
      expect(again.error).toMatchObject({ code: 'NOT_FOUND', reason: 'WORK_ORDER_ITEM_NOT_FOUND' });
    });

    it('should refuse a blank label', async () => {
      const wo = await job();
      const { error } = await gql(h, admin, ADD_ITEM, { workOrderId: wo.id, label: '   ' });
      expect(error?.code).toBe('BAD_USER_INPUT');
      expect(await updates(wo.id)).toHaveLength(0);
    });
  });

  describe('notes', () => {
    it("should sign a note with the author's name, oldest first", async () => {
      const wo = await job();
      await gql(h, admin, ADD_NOTE, { workOrderId: wo.id, body: 'Customer called' });
      await gql(h, admin, ADD_NOTE, { workOrderId: wo.id, body: 'Parts ordered' });
      const notes = (await details(wo.id)).notes;
      expect(notes.map((n: { body: string }) => n.body)).toEqual([
        'Customer called',
        'Parts ordered',
      ]);
      expect(notes[0].authorName).toBe(dispatcherName);
      expect((await updates(wo.id))[0]).toMatchObject({ change: 'note', action: 'added' });
    });

    it('should accept notes on a completed work order', async () => {
      const wo = await job({ status: 'COMPLETED' });
      const { data, error } = await gql(h, admin, ADD_NOTE, {
        workOrderId: wo.id,
        body: 'Follow-up: customer happy',
      });
      expect(error).toBeNull();
      expect(data.addWorkOrderNote.workOrder.version).toBe(2);
    });

    it('should refuse a note longer than 5000 characters', async () => {
      const wo = await job();
      const { error } = await gql(h, admin, ADD_NOTE, {
        workOrderId: wo.id,
        body: 'x'.repeat(5001),
      });
      expect(error?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('parts', () => {
    it("should price a line in the work order's currency, else the organization's", async () => {
      const priced = await job({ priceMinor: 100, currency: 'USD' });
      const plain = await job();
      const usd = await gql(h, admin, ADD_PART, {
        input: {
          workOrderId: priced.id,
          description: 'Valve',
          sku: 'V-12',
          quantity: 2.5,
          unitPriceMinor: 333,
        },
      });
      expect(usd.data.addWorkOrderPart).toMatchObject({
        description: 'Valve',
        sku: 'V-12',
        quantity: 2.5,
        unitPrice: { amountMinor: 333, currency: 'USD' },
        lineTotal: { amountMinor: 833, currency: 'USD' },
      });
      await gql(h, admin, ADD_PART, {
        input: { workOrderId: plain.id, description: 'Seal', quantity: 1, unitPriceMinor: 50 },
      });
      await gql(h, admin, ADD_PART, {
        input: { workOrderId: plain.id, description: 'Tape', quantity: 1 },
      });
      const parts = (await details(plain.id)).parts;
      expect(parts).toMatchObject([
        { description: 'Seal', unitPrice: { currency: 'GBP' }, lineTotal: { amountMinor: 50 } },
        { description: 'Tape', unitPrice: null, lineTotal: null },
      ]);
    });

    it('should remove a line and refuse a quantity of zero', async () => {
      const wo = await job();
      const zero = await gql(h, admin, ADD_PART, {
        input: { workOrderId: wo.id, description: 'Nothing', quantity: 0 },
      });
      expect(zero.error?.code).toBe('BAD_USER_INPUT');
      const part = (
        await gql(h, admin, ADD_PART, {
          input: { workOrderId: wo.id, description: 'Bolt', quantity: 4 },
        })
      ).data.addWorkOrderPart;
      const { data } = await gql(h, admin, REMOVE_PART, { id: part.id });
      expect(data.removeWorkOrderPart.parts).toEqual([]);
      expect((await updates(wo.id)).map((e) => [e['change'], e['action']])).toEqual([
        ['part', 'added'],
        ['part', 'removed'],
      ]);
    });
  });

  describe('time', () => {
    it('should log time with its minutes and add it to the total', async () => {
      const wo = await job();
      const start = new Date(Date.now() - 3 * 3600_000);
      const { data, error } = await gql(h, admin, LOG_TIME, {
        input: {
          workOrderId: wo.id,
          startedAt: start,
          endedAt: new Date(start.getTime() + 95 * 60_000),
          note: 'Diagnosis',
        },
      });
      expect(error).toBeNull();
      expect(data.logTime).toMatchObject({ minutes: 95, note: 'Diagnosis' });
      await gql(h, admin, LOG_TIME, {
        input: {
          workOrderId: wo.id,
          startedAt: start,
          endedAt: new Date(start.getTime() + 600_000),
        },
      });
      expect((await details(wo.id)).totalMinutesLogged).toBe(105);
    });

    it.each([
      ['ends before it starts', -60_000, 0],
      ['lasts more than a day', 25 * 3600_000, -26 * 3600_000],
      ['ends in the future', 3600_000, 3 * 3600_000],
    ])('should refuse an entry that %s', async (_what, span, offset) => {
      const wo = await job();
      const startedAt = new Date(Date.now() - 7200_000 + offset);
      const { error } = await gql(h, admin, LOG_TIME, {
        input: { workOrderId: wo.id, startedAt, endedAt: new Date(startedAt.getTime() + span) },
      });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TIME_RANGE' });
      expect(await updates(wo.id)).toHaveLength(0);
    });

    it("should book a technician's time to them and keep one running timer per user and job", async () => {
      const tech = await createTechnicianUser(h.db, org);
      const wo = await job({ technicianId: tech.technician.id });
      const [a, b] = await Promise.all([
        gql(h, tech.actor, START, { id: wo.id }),
        gql(h, tech.actor, START, { id: wo.id }),
      ]);
      expect(a.error).toBeNull();
      expect(b.data.startTimer.id).toBe(a.data.startTimer.id);
      expect(a.data.startTimer).toMatchObject({ endedAt: null, minutes: null });
      // Another user gets a timer of their own on the same job.
      const mine = await gql(h, admin, START, { id: wo.id });
      expect(mine.data.startTimer.id).not.toBe(a.data.startTimer.id);
      const entries = await h.db.workOrderTimeEntry.findMany({
        where: { organizationId: org, workOrderId: wo.id },
      });
      expect(entries).toHaveLength(2);
      expect(entries.find((e) => e.userId === tech.user.id)?.technicianId).toBe(tech.technician.id);
      expect((await updates(wo.id)).map((e) => e['action'])).toEqual([
        'timer-started',
        'timer-started',
      ]);
    });

    it('should stop the running timer and refuse to stop when none runs', async () => {
      const wo = await job();
      await h.db.workOrderTimeEntry.create({
        data: {
          organizationId: org,
          workOrderId: wo.id,
          userId: admin.userId,
          startedAt: new Date(Date.now() - 30 * 60_000),
        },
      });
      const stopped = await gql(h, admin, STOP, { id: wo.id });
      expect(stopped.data.stopTimer.minutes).toBe(30);
      const again = await gql(h, admin, STOP, { id: wo.id });
      expect(again.error).toMatchObject({ code: 'CONFLICT', reason: 'NO_RUNNING_TIMER' });
      expect((await details(wo.id)).totalMinutesLogged).toBe(30);
    });

    it('should refuse a timer to an API client without a user', async () => {
      const wo = await job();
      const { error } = await gql(h, staffActor(org, ['INTEGRATOR']), START, { id: wo.id });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TIMER_NEEDS_USER' });
    });
  });

  describe('rating', () => {
    it('should record a rating on a completed work order and write WorkOrderRated', async () => {
      const wo = await job({ status: 'COMPLETED' });
      const { data, error } = await gql(h, admin, RATE, {
        id: wo.id,
        rating: 4,
        feedback: ' Quick and tidy ',
      });
      expect(error).toBeNull();
      expect(data.rateWorkOrder).toMatchObject({
        customerRating: 4,
        customerFeedback: 'Quick and tidy',
        version: 2,
      });
      const events = await eventsOf(h.db, wo.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'WorkOrderRated',
        payload: {
          rating: 4,
          feedback: 'Quick and tidy',
          previousRating: null,
          status: 'COMPLETED',
        },
      });
    });

    it('should refuse to rate a work order that is not completed', async () => {
      for (const status of ['IN_PROGRESS', 'CANCELLED'] as const) {
        const wo = await job({ status });
        const { error } = await gql(h, admin, RATE, { id: wo.id, rating: 5 });
        expect(error).toMatchObject({ code: 'CONFLICT', reason: 'WORK_ORDER_NOT_COMPLETED' });
        expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
      }
    });

    it.each([[{ rating: 0 }], [{ rating: 6 }], [{ rating: 3, feedback: 'x'.repeat(2001) }]])(
      'should refuse %j',
      async (args) => {
        const wo = await job({ status: 'COMPLETED' });
        const { error } = await gql(h, admin, RATE, { id: wo.id, ...args });
        expect(error?.code).toBe('BAD_USER_INPUT');
      },
    );

    it('should not let a technician rate their own job', async () => {
      const tech = await createTechnicianUser(h.db, org);
      const wo = await job({ status: 'COMPLETED', technicianId: tech.technician.id });
      const { error } = await gql(h, tech.actor, RATE, { id: wo.id, rating: 5 });
      expect(error?.code).toBe('FORBIDDEN');
    });
  });

  describe('closed work orders', () => {
    it.each(['COMPLETED', 'CANCELLED'] as const)(
      'should refuse checklist, part and time changes on a %s work order and write nothing',
      async (status) => {
        const wo = await job({ status });
        const item = await h.db.workOrderChecklistItem.create({
          data: { organizationId: org, workOrderId: wo.id, position: 0, label: 'Done before' },
        });
        const attempts = [
          gql(h, admin, ADD_ITEM, { workOrderId: wo.id, label: 'Late' }),
          gql(h, admin, SET_DONE, { id: item.id, done: true }),
          gql(h, admin, REMOVE_ITEM, { id: item.id }),
          gql(h, admin, ADD_PART, { input: { workOrderId: wo.id, description: 'x', quantity: 1 } }),
          gql(h, admin, LOG_TIME, {
            input: {
              workOrderId: wo.id,
              startedAt: new Date(Date.now() - 7200_000),
              endedAt: new Date(Date.now() - 3600_000),
            },
          }),
          gql(h, admin, START, { id: wo.id }),
        ];
        for (const { error } of await Promise.all(attempts)) {
          expect(error).toMatchObject({ code: 'CONFLICT', reason: 'WORK_ORDER_CLOSED' });
        }
        expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
        expect(await details(wo.id)).toMatchObject({ version: 1, parts: [], timeEntries: [] });
      },
    );
  });

  describe('who may change what', () => {
    it("should let a technician work on their own job and answer NOT_FOUND for someone else's", async () => {
      const tech = await createTechnicianUser(h.db, org);
      const own = await job({ technicianId: tech.technician.id });
      const other = await job();
      const item = await h.db.workOrderChecklistItem.create({
        data: { organizationId: org, workOrderId: other.id, position: 0, label: 'Not yours' },
      });
      const ok = await gql(h, tech.actor, ADD_NOTE, { workOrderId: own.id, body: 'On site' });
      expect(ok.data.addWorkOrderNote.authorName).toBe('Tess Tech');
      const byOrder = await gql(h, tech.actor, ADD_NOTE, { workOrderId: other.id, body: 'Hi' });
      expect(byOrder.error?.code).toBe('NOT_FOUND');
      const byItem = await gql(h, tech.actor, SET_DONE, { id: item.id, done: true });
      expect(byItem.error).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'WORK_ORDER_ITEM_NOT_FOUND',
      });
      expect(await eventsOf(h.db, other.id)).toHaveLength(0);
    });

    it("should answer NOT_FOUND for another organization's work orders and items", async () => {
      const theirs = await insertWorkOrder(h.db, otherOrg, { status: 'IN_PROGRESS' });
      const item = await h.db.workOrderChecklistItem.create({
        data: { organizationId: otherOrg, workOrderId: theirs.id, position: 0, label: 'Theirs' },
      });
      const part = await h.db.workOrderPart.create({
        data: { organizationId: otherOrg, workOrderId: theirs.id, description: 'P', quantity: 1 },
      });
      const attempts = await Promise.all([
        gql(h, admin, ADD_ITEM, { workOrderId: theirs.id, label: 'Mine?' }),
        gql(h, admin, SET_DONE, { id: item.id, done: true }),
        gql(h, admin, REMOVE_ITEM, { id: item.id }),
        gql(h, admin, ADD_NOTE, { workOrderId: theirs.id, body: 'Hello' }),
        gql(h, admin, REMOVE_PART, { id: part.id }),
        gql(h, admin, START, { id: theirs.id }),
        gql(h, admin, RATE, { id: theirs.id, rating: 1 }),
      ]);
      for (const { error } of attempts) expect(error?.code).toBe('NOT_FOUND');
      expect(await eventsOf(h.db, theirs.id)).toHaveLength(0);
      expect(
        await h.db.workOrderChecklistItem.findFirst({
          where: { organizationId: otherOrg, id: item.id },
        }),
      ).toMatchObject({ done: false });
    });

    it('should refuse detail changes to analysts', async () => {
      const wo = await job();
      const { error } = await gql(h, staffActor(org, ['ANALYST']), ADD_NOTE, {
        workOrderId: wo.id,
        body: 'Hi',
      });
      expect(error?.code).toBe('FORBIDDEN');
    });
  });

  it('should merge a status change made on the version before a detail change (fields do not overlap)', async () => {
    const wo = await job({ status: 'ARRIVED' });
    await gql(h, admin, ADD_NOTE, { workOrderId: wo.id, body: 'Arrived, starting' });
    const { data, error } = await gql<{ changeWorkOrderStatus: { status: string } }>(
      h,
      admin,
      CHANGE_STATUS,
      { input: { id: wo.id, status: 'IN_PROGRESS', expectedVersion: 1 } },
    );
    expect(error).toBeNull();
    expect(data?.changeWorkOrderStatus.status).toBe('IN_PROGRESS');
  });

  it('should resolve the reworked order', async () => {
    const earlier = await job({ status: 'COMPLETED' });
    const redo = await job({ reworkOfId: earlier.id });
    expect((await details(redo.id)).reworkOf).toEqual({ id: earlier.id, number: earlier.number });
    expect((await details(earlier.id)).reworkOf).toBeNull();
  });
});
