import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  startStack,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';

/*
 * A dispatcher's morning through the public API (gateway + subgraphs over HTTP): the catalog
 * and SLA policy shape a new job, the board shows it unassigned, a technician without the skill
 * is refused with the reason, the qualified one gets it, a double booking is refused, and a
 * photo larger than the anonymous body limit is attached.
 */

const DAY = 86_400_000;

describe('Operations end to end: catalog, SLA, dispatch board and conflicts', () => {
  let database: TestDatabase;
  let stack: Stack;
  let tenant: TenantFixture;
  let rival: TenantFixture;
  let token: string;
  let rivalToken: string;
  const day = new Date(Date.now() + DAY).toISOString().slice(0, 10); // tomorrow (UTC tenant)
  const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;

  const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(stack.gateway, query, variables, token);

  const ok = async <T = Record<string, any>>(query: string, vars: Record<string, unknown> = {}) => {
    const res = await api<T>(query, vars);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as T;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    tenant = await createTenant(stack.subgraphs['operations']!, 'Leaky Pipes Ltd');
    rival = await createTenant(stack.subgraphs['operations']!, 'Rival Plumbing');
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    rivalToken = await login(stack.gateway, rival.adminEmail, rival.password);
  });

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  let workOrderId: string;
  let workOrderNumber: number;
  let ana: string;
  let bob: string;

  it('should shape a new job from the service catalog and the SLA policy', async () => {
    const { createSkill } = await ok(`mutation { createSkill(name: "Plumbing") { id } }`);
    const { createServiceType } = await ok(
      `mutation ($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`,
      {
        input: {
          name: 'Leak repair',
          kind: 'FIELD_JOB',
          defaultMinutes: 90,
          priceMinor: 12_000,
          currency: 'EUR',
          checklist: ['Shut off water', 'Replace seal', 'Pressure test'],
          requiredSkills: [{ skillId: createSkill.id, minLevel: 2 }],
        },
      },
    );
    await ok(`mutation ($input: CreateSlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`, {
      input: { name: 'Standard', responseMinutes: 60, resolutionMinutes: 240 },
    });
    const tech = async (name: string, level: number | null) => {
      const { createTechnician } = await ok(
        `mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`,
        { input: { name, workDays: [1, 2, 3, 4, 5, 6, 7], shiftStartMin: 480, shiftEndMin: 1020 } },
      );
      if (level)
        await ok(
          `mutation ($id: ID!, $skills: [TechnicianSkillInput!]!) {
             setTechnicianSkills(id: $id, skills: $skills) { id }
           }`,
          { id: createTechnician.id, skills: [{ skillId: createSkill.id, level }] },
        );
      return createTechnician.id as string;
    };
    ana = await tech('Ana Novak', 3);
    bob = await tech('Bob Brown', null);

    const { createWorkOrder } = await ok(
      `mutation ($input: CreateWorkOrderInput!) {
         createWorkOrder(input: $input) {
           id number estimatedMinutes
           price { amountMinor currency }
           serviceType { name requiredSkills { skill { name } minLevel } }
           checklist { label done }
           sla { state resolutionDueAt responseDueAt policyName }
         }
       }`,
      {
        input: {
          kind: 'FIELD_JOB',
          title: 'Kitchen sink leaking',
          serviceTypeId: createServiceType.id,
          priority: 'HIGH',
        },
      },
    );
    workOrderId = createWorkOrder.id;
    workOrderNumber = createWorkOrder.number;
    expect(createWorkOrder).toMatchObject({
      estimatedMinutes: 90,
      price: { amountMinor: 12_000, currency: 'EUR' },
      serviceType: { name: 'Leak repair', requiredSkills: [{ skill: { name: 'Plumbing' } }] },
      checklist: [
        { label: 'Shut off water', done: false },
        { label: 'Replace seal', done: false },
        { label: 'Pressure test', done: false },
      ],
      sla: { state: 'ON_TRACK', policyName: 'Standard' },
    });
    const due = new Date(createWorkOrder.sla.resolutionDueAt).getTime() - Date.now();
    expect(due).toBeGreaterThan(235 * 60_000);
    expect(due).toBeLessThanOrEqual(240 * 60_000);
  });

  it('should show the job in the unassigned queue of the board', async () => {
    const { dispatchBoard } = await ok(
      `query ($day: String!) {
         dispatchBoard(day: $day) {
           day
           technicians { technician { name } working shiftStart shiftEnd }
           unassigned { id number }
         }
       }`,
      { day },
    );
    expect(dispatchBoard.unassigned.map((w: { id: string }) => w.id)).toContain(workOrderId);
    const lanes = new Map(dispatchBoard.technicians.map((l: any) => [l.technician.name, l]));
    expect(lanes.get('Ana Novak')).toMatchObject({ working: true, shiftStart: at('08:00') });
    expect(lanes.get('Bob Brown')).toMatchObject({ working: true, shiftEnd: at('17:00') });
  });

  const schedule = (workOrder: string, technicianId: string, start: string) =>
    api(
      `mutation ($input: ScheduleWorkOrderInput!) {
         scheduleWorkOrder(input: $input) { id status technician { name } scheduledStart }
       }`,
      { input: { workOrderId: workOrder, technicianId, start } },
    );

  it('should refuse a technician without the required skill, with the reason', async () => {
    const res = await schedule(workOrderId, bob, at('10:00'));
    const error = res.body.errors?.[0];
    expect(error?.extensions?.code).toBe('CONFLICT');
    expect(error?.message).toMatch(/Plumbing/);
    expect(error?.extensions?.['conflicts']).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'MISSING_SKILL', blocking: true })]),
    );
    const { workOrder } = await ok(
      `query ($id: ID!) { workOrder(id: $id) { status technician { id } } }`,
      {
        id: workOrderId,
      },
    );
    expect(workOrder).toEqual({ status: 'NEW', technician: null });
  });

  it('should schedule the qualified technician and refuse a double booking', async () => {
    const res = await schedule(workOrderId, ana, at('10:00'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.scheduleWorkOrder).toMatchObject({
      status: 'SCHEDULED',
      technician: { name: 'Ana Novak' },
      scheduledStart: at('10:00'),
    });

    const { createWorkOrder: second } = await ok(
      `mutation { createWorkOrder(input: { kind: FIELD_JOB, title: "Dripping tap", estimatedMinutes: 60 }) { id } }`,
    );
    const clash = await schedule(second.id, ana, at('10:30'));
    expect(clash.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(clash.body.errors?.[0]?.message).toContain(`WO-${workOrderNumber}`);

    const { dispatchBoard } = await ok(
      `query ($day: String!) {
         dispatchBoard(day: $day) { technicians { technician { id } jobs { id } } unassigned { id } }
       }`,
      { day },
    );
    const lane = dispatchBoard.technicians.find((l: any) => l.technician.id === ana);
    expect(lane.jobs.map((j: { id: string }) => j.id)).toEqual([workOrderId]);
    expect(dispatchBoard.unassigned.map((w: { id: string }) => w.id)).toEqual([second.id]);
  });

  it('should attach a photo larger than the anonymous body limit for a signed-in caller', async () => {
    // A 1.5 MB JPEG (header bytes + padding): about 2 MB once base64-encoded.
    const bytes = Buffer.alloc(1_500_000, 7);
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const { addWorkOrderAttachment } = await ok(
      `mutation ($input: AddWorkOrderAttachmentInput!) {
         addWorkOrderAttachment(input: $input) { id fileName sizeBytes }
       }`,
      {
        input: {
          workOrderId,
          kind: 'PHOTO',
          fileName: 'leak.jpg',
          contentType: 'image/jpeg',
          dataBase64: bytes.toString('base64'),
          clientId: 'photo-1',
        },
      },
    );
    expect(addWorkOrderAttachment).toMatchObject({ fileName: 'leak.jpg', sizeBytes: 1_500_000 });

    const anonymous = await fetch(`${stack.gateway.url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(300_000) }),
    });
    expect(anonymous.status).toBe(413);
    // A made-up credential does not buy the larger limit: it is refused before the body is read.
    const forged = await fetch(`${stack.gateway.url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer forged' },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(3_000_000) }),
    });
    expect(forged.status).toBe(401);
  });

  it('should serve a full dispatch board screen within the query cost limit', async () => {
    const res = await api(
      `query ($day: String!) {
         dispatchBoard(day: $day) {
           day timezone start end
           technicians {
             technician { id name homeLat homeLng team { name } skills { level skill { name } } }
             shiftStart shiftEnd working utilization
             timeOff { startsAt endsAt reason }
             jobs {
               id number title priority status version scheduledStart scheduledEnd estimatedMinutes
               serviceType { name }
               sla { state resolutionDueAt minutesRemaining }
               conflicts { kind message blocking }
             }
           }
           unassigned {
             id number title priority status version estimatedMinutes windowStart windowEnd
             serviceType { name requiredSkills { skill { name } minLevel } }
             sla { state resolutionDueAt minutesRemaining percentUsed }
           }
           conflicts { kind message blocking workOrderId }
           locations { workOrderId lat lng }
         }
       }`,
      { day },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.dispatchBoard.unassigned.length).toBeGreaterThan(0);
  });

  it('should answer NOT_FOUND to another organization', async () => {
    const res = await gql(
      stack.gateway,
      `query ($id: ID!) { workOrder(id: $id) { id } }`,
      { id: workOrderId },
      rivalToken,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const board = await gql(
      stack.gateway,
      `query ($day: String!) { dispatchBoard(day: $day) { unassigned { id } technicians { technician { id } } } }`,
      { day },
      rivalToken,
    );
    const rivalBoard = board.body.data?.dispatchBoard;
    expect(rivalBoard.unassigned).toEqual([]);
    const ids = rivalBoard.technicians.map((l: any) => l.technician.id);
    expect(ids).not.toContain(ana);
    expect(ids).not.toContain(bob);
  });
});
