import { staffActor } from '@attendant/testing';
import {
  createOrganization,
  createTechnicianUser,
  eventsOf,
  gql,
  insertWorkOrder,
  startHarness,
  type Harness,
} from '../work-order/work-order.fixtures';
import { WorkOrderService } from '../work-order/work-order.service';
import { MAX_ATTACHMENT_BYTES } from './attachment.file';
import { AttachmentService } from './attachment.service';

// A real 1×1 PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString(
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString(
  'base64',
);
/** An image of `size` bytes that starts like a PNG. */
const pngOfSize = (size: number) => {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from(PNG, 'base64').subarray(0, 8).copy(bytes);
  return bytes.toString('base64');
};

const ADD = /* GraphQL */ `
  mutation ($input: AddWorkOrderAttachmentInput!) {
    addWorkOrderAttachment(input: $input) {
      id
      kind
      fileName
      contentType
      sizeBytes
      clientId
      createdAt
      workOrder {
        version
      }
    }
  }
`;
const REMOVE = `mutation ($id: ID!) { removeWorkOrderAttachment(id: $id) { id version attachments { id } } }`;

describe('work order attachments', () => {
  let h: Harness;
  let sql: string[] = [];
  let org: string;
  let otherOrg: string;
  let admin: ReturnType<typeof staffActor>;

  beforeAll(async () => {
    h = await startHarness((q) => sql.push(q));
    org = await createOrganization(h.db);
    otherOrg = await createOrganization(h.db);
    admin = staffActor(org, ['DISPATCHER']);
  });
  afterAll(() => h.stop());

  const job = (extra = {}) => insertWorkOrder(h.db, org, { status: 'IN_PROGRESS', ...extra });
  const upload = (input: Record<string, unknown>, actor = admin) =>
    gql(h, actor, ADD, {
      input: {
        kind: 'PHOTO',
        fileName: 'leak.png',
        contentType: 'image/png',
        dataBase64: PNG,
        ...input,
      },
    });
  const stored = (workOrderId: string) =>
    h.db.workOrderAttachment.findMany({ where: { organizationId: org, workOrderId } });

  it('should store a photo, bump the version, write an event and serve it back as a data URL', async () => {
    const wo = await job();
    const { data, error } = await upload({
      workOrderId: wo.id,
      fileName: 'C:\\phone\\DCIM\\leak.png',
    });
    expect(error).toBeNull();
    expect(data.addWorkOrderAttachment).toMatchObject({
      kind: 'PHOTO',
      fileName: 'leak.png',
      contentType: 'image/png',
      sizeBytes: Buffer.from(PNG, 'base64').length,
      clientId: null,
      workOrder: { version: 2 },
    });
    const read = await gql(
      h,
      admin,
      'query ($id: ID!) { workOrder(id: $id) { attachments { id dataUrl } } }',
      { id: wo.id },
    );
    expect(read.data.workOrder.attachments).toEqual([
      { id: data.addWorkOrderAttachment.id, dataUrl: `data:image/png;base64,${PNG}` },
    ]);
    const events = await eventsOf(h.db, wo.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'WorkOrderUpdated',
      payload: { change: 'attachment', action: 'added', kind: 'PHOTO', version: 2 },
    });
  });

  it('should load the file bytes only when dataUrl is selected', async () => {
    const wo = await job();
    await upload({ workOrderId: wo.id });
    const readsData = () => sql.filter((q) => q.includes('"work_order_attachment"."data"'));
    const q = (fields: string) =>
      gql(h, admin, `query ($id: ID!) { workOrder(id: $id) { attachments { ${fields} } } }`, {
        id: wo.id,
      });
    sql = [];
    await q('id fileName sizeBytes');
    expect(readsData()).toHaveLength(0);
    sql = [];
    await q('id dataUrl');
    expect(readsData()).toHaveLength(1);
  });

  it('should accept a PDF document and a file of several hundred kilobytes', async () => {
    const wo = await job();
    const pdf = await upload({
      workOrderId: wo.id,
      kind: 'DOCUMENT',
      fileName: 'report.pdf',
      contentType: 'application/pdf',
      dataBase64: PDF,
    });
    expect(pdf.error).toBeNull();
    const big = await upload({ workOrderId: wo.id, dataBase64: pngOfSize(600 * 1024) });
    expect(big.error).toBeNull();
    expect(big.data.addWorkOrderAttachment.sizeBytes).toBe(600 * 1024);
  });

  describe('idempotent upload', () => {
    it('should return the stored attachment and write nothing when the same clientId comes again', async () => {
      const wo = await job();
      const first = await upload({ workOrderId: wo.id, clientId: 'photo-1' });
      const retry = await upload({ workOrderId: wo.id, clientId: 'photo-1' });
      expect(retry.error).toBeNull();
      expect(retry.data.addWorkOrderAttachment.id).toBe(first.data.addWorkOrderAttachment.id);
      expect(retry.data.addWorkOrderAttachment).toMatchObject({
        clientId: 'photo-1',
        workOrder: { version: 2 },
      });
      expect(await stored(wo.id)).toHaveLength(1);
      expect(await eventsOf(h.db, wo.id)).toHaveLength(1);
    });

    it('should store one attachment when retries with one clientId arrive at the same time', async () => {
      const wo = await job();
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => upload({ workOrderId: wo.id, clientId: 'burst' })),
      );
      for (const r of results) expect(r.error).toBeNull();
      const ids = new Set(results.map((r) => r.data.addWorkOrderAttachment.id));
      expect(ids.size).toBe(1);
      expect(await stored(wo.id)).toHaveLength(1);
      expect(await eventsOf(h.db, wo.id)).toHaveLength(1);
      expect(
        (await h.db.workOrder.findFirstOrThrow({ where: { organizationId: org, id: wo.id } }))
          .version,
      ).toBe(2);
    });

    it('should answer a retry with the stored attachment after the job was completed', async () => {
      const wo = await job();
      const first = await upload({ workOrderId: wo.id, clientId: 'before-close' });
      await h.db.workOrder.updateMany({
        where: { organizationId: org, id: wo.id },
        data: { status: 'COMPLETED' },
      });
      const retry = await upload({ workOrderId: wo.id, clientId: 'before-close' });
      expect(retry.data.addWorkOrderAttachment.id).toBe(first.data.addWorkOrderAttachment.id);
      const fresh = await upload({ workOrderId: wo.id, clientId: 'after-close' });
      expect(fresh.error).toMatchObject({ code: 'CONFLICT', reason: 'WORK_ORDER_CLOSED' });
    });

    it('should keep clientIds apart per work order', async () => {
      const a = await job();
      const b = await job();
      const onA = await upload({ workOrderId: a.id, clientId: 'same' });
      const onB = await upload({ workOrderId: b.id, clientId: 'same' });
      expect(onB.data.addWorkOrderAttachment.id).not.toBe(onA.data.addWorkOrderAttachment.id);
    });
  });

  describe('validation', () => {
    it.each([
      ['a type that is not accepted', { contentType: 'text/plain' }, undefined],
      [
        'a photo that is a PDF',
        { contentType: 'application/pdf', dataBase64: PDF },
        'INVALID_ATTACHMENT',
      ],
      ['content that is not the declared type', { dataBase64: JPEG }, 'INVALID_ATTACHMENT'],
      ['data that is not base64', { dataBase64: 'not*base64!' }, 'INVALID_ATTACHMENT'],
      ['an empty file', { dataBase64: '' }, 'INVALID_ATTACHMENT'],
      ['an empty file name', { fileName: '' }, undefined],
    ])('should answer BAD_USER_INPUT and store nothing for %s', async (_what, input, reason) => {
      const wo = await job();
      const { error } = await upload({ workOrderId: wo.id, ...input });
      expect(error?.code).toBe('BAD_USER_INPUT');
      if (reason) expect(error?.reason).toBe(reason);
      expect(await stored(wo.id)).toHaveLength(0);
      expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
    });

    it('should accept a JPEG declared as one', async () => {
      const wo = await job();
      const { error } = await upload({
        workOrderId: wo.id,
        contentType: 'image/jpeg',
        dataBase64: JPEG,
        fileName: 'a.jpg',
      });
      expect(error).toBeNull();
    });

    it('should refuse a file over 5 MB and store one of exactly 5 MB', async () => {
      // Straight to the service: the HTTP body limit is for the transport to set.
      const service = new AttachmentService(h.db, new WorkOrderService(h.db));
      const wo = await job();
      const input = {
        workOrderId: wo.id,
        kind: 'PHOTO' as const,
        fileName: 'huge.png',
        contentType: 'image/png',
      };
      await expect(
        service.add(admin, { ...input, dataBase64: pngOfSize(MAX_ATTACHMENT_BYTES + 1) }),
      ).rejects.toMatchObject({
        code: 'ATTACHMENT_TOO_LARGE',
        message: expect.stringMatching(/5 MB/),
      });
      const row = await service.add(admin, {
        ...input,
        dataBase64: pngOfSize(MAX_ATTACHMENT_BYTES),
      });
      expect(row.sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
    });
  });

  it('should remove an attachment and refuse removals once the job is closed', async () => {
    const wo = await job();
    const a = (await upload({ workOrderId: wo.id })).data.addWorkOrderAttachment;
    const b = (await upload({ workOrderId: wo.id })).data.addWorkOrderAttachment;
    const { data } = await gql(h, admin, REMOVE, { id: a.id });
    expect(data.removeWorkOrderAttachment).toMatchObject({
      version: 4,
      attachments: [{ id: b.id }],
    });
    await h.db.workOrder.updateMany({
      where: { organizationId: org, id: wo.id },
      data: { status: 'CANCELLED' },
    });
    const closed = await gql(h, admin, REMOVE, { id: b.id });
    expect(closed.error).toMatchObject({ code: 'CONFLICT', reason: 'WORK_ORDER_CLOSED' });
  });

  it("should answer NOT_FOUND for another organization's or another technician's work order", async () => {
    const theirs = await insertWorkOrder(h.db, otherOrg, { status: 'IN_PROGRESS' });
    const foreign = await upload({ workOrderId: theirs.id, clientId: 'probe' });
    expect(foreign.error?.code).toBe('NOT_FOUND');
    const theirFile = await h.db.workOrderAttachment.create({
      data: {
        organizationId: otherOrg,
        workOrderId: theirs.id,
        kind: 'PHOTO',
        fileName: 'x.png',
        contentType: 'image/png',
        sizeBytes: 1,
        data: new Uint8Array([1]),
      },
    });
    expect((await gql(h, admin, REMOVE, { id: theirFile.id })).error?.code).toBe('NOT_FOUND');

    const tech = await createTechnicianUser(h.db, org);
    const own = await job({ technicianId: tech.technician.id });
    const notOwn = await job();
    expect((await upload({ workOrderId: own.id, clientId: 'c1' }, tech.actor)).error).toBeNull();
    const refused = await upload({ workOrderId: notOwn.id, clientId: 'c1' }, tech.actor);
    expect(refused.error?.code).toBe('NOT_FOUND');
    expect(await stored(notOwn.id)).toHaveLength(0);
  });
});

describe('work order detail lists', () => {
  let h: Harness;
  let sql: string[] = [];
  let org: string;

  beforeAll(async () => {
    h = await startHarness((q) => sql.push(q));
    org = await createOrganization(h.db);
  });
  afterAll(() => h.stop());

  it('should load each detail list of a page of work orders with one query', async () => {
    const earlier = await insertWorkOrder(h.db, org, { status: 'COMPLETED' });
    for (let i = 0; i < 10; i++) {
      const wo = await insertWorkOrder(h.db, org, { title: `Batch ${i}`, reworkOfId: earlier.id });
      const base = { organizationId: org, workOrderId: wo.id };
      await h.db.workOrderChecklistItem.create({ data: { ...base, position: 0, label: 'a' } });
      await h.db.workOrderNote.create({ data: { ...base, authorName: 'A', body: 'b' } });
      await h.db.workOrderPart.create({ data: { ...base, description: 'p', quantity: 1 } });
      await h.db.workOrderTimeEntry.create({
        data: { ...base, startedAt: new Date(0), endedAt: new Date(60_000 * (i + 1)) },
      });
    }
    sql = [];
    const { data, error } = await gql(
      h,
      staffActor(org, ['MANAGER']),
      `{ workOrders(first: 10, filter: { search: "Batch" }) { nodes {
        checklist { id } notes { id } attachments { id } parts { id }
        timeEntries { id } totalMinutesLogged reworkOf { id } } } }`,
    );
    expect(error).toBeNull();
    const nodes = data.workOrders.nodes;
    expect(nodes).toHaveLength(10);
    expect(
      nodes
        .map((n: { totalMinutesLogged: number }) => n.totalMinutesLogged)
        .sort((a: number, b: number) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(nodes.every((n: { reworkOf: { id: string } }) => n.reworkOf.id === earlier.id)).toBe(
      true,
    );
    const count = (table: string) =>
      sql.filter((q) => q.includes(`FROM "operations"."${table}"`)).length;
    expect(count('work_order_checklist_item')).toBe(1);
    expect(count('work_order_note')).toBe(1);
    expect(count('work_order_attachment')).toBe(1);
    expect(count('work_order_part')).toBe(1);
    expect(count('work_order_time_entry')).toBe(1);
  });
});
