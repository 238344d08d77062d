import type { Prisma } from '@attendant/db';
import type { Actor, Db, RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

/*
 * Test data factories for work order specs (this file has no specs of its own). Rows are made
 * straight in the database; the behaviour under test goes through GraphQL.
 */

export const WORK_ORDER_FIELDS = /* GraphQL */ `
  id
  number
  status
  statusReason
  version
  estimatedMinutes
  slaDueAt
  price {
    amountMinor
    currency
  }
`;

export const CREATE_WORK_ORDER = /* GraphQL */ `
  mutation ($input: CreateWorkOrderInput!) {
    createWorkOrder(input: $input) { ${WORK_ORDER_FIELDS} }
  }
`;

export const CHANGE_STATUS = /* GraphQL */ `
  mutation ($input: ChangeWorkOrderStatusInput!) {
    changeWorkOrderStatus(input: $input) { ${WORK_ORDER_FIELDS} }
  }
`;

export const UPDATE_WORK_ORDER = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateWorkOrderInput!, $expectedVersion: Int) {
    updateWorkOrder(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ${WORK_ORDER_FIELDS}
    }
  }
`;

export interface Harness {
  database: TestDatabase;
  sub: RunningSubgraph;
  db: Db;
  stop(): Promise<void>;
}

export async function startHarness(onQuery?: (sql: string) => void): Promise<Harness> {
  const database = await createTestDatabase();
  const sub = await startTestSubgraph(operationsSubgraph, database, { onQuery });
  return {
    database,
    sub,
    db: sub.db,
    async stop() {
      await sub.stop();
      await database.drop();
    },
  };
}

/** GraphQL through the subgraph as the gateway would send it; `errors[0]` flattened for asserts. */
export async function gql<T = any>(
  h: Harness,
  actor: Actor,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; error: { message: string; code?: string; reason?: unknown } | null }> {
  const res = await callSubgraph(h.sub.url, actor, query, variables);
  const first = res.body.errors?.[0];
  return {
    data: (res.body.data ?? null) as T,
    error: first
      ? { message: first.message, code: first.extensions?.code, reason: first.extensions?.reason }
      : null,
  };
}

export async function createOrganization(
  db: Db,
  data: Partial<Prisma.OrganizationCreateInput> = {},
): Promise<string> {
  const id = randomUUID();
  await db.organization.create({
    data: { id, name: `Org ${id.slice(0, 6)}`, slug: `org-${id}`, kind: 'FIELD_SERVICE', ...data },
  });
  return id;
}

export async function createUser(db: Db, organizationId: string, name = 'Dana Dispatcher') {
  return db.user.create({
    data: {
      organizationId,
      name,
      email: `${randomUUID()}@example.test`,
      passwordHash: 'not-a-real-hash',
      roles: ['DISPATCHER'],
    },
  });
}

/** A technician with a login, and the actor that login gives. */
export async function createTechnicianUser(db: Db, organizationId: string, name = 'Tess Tech') {
  const user = await createUser(db, organizationId, name);
  const technician = await db.technician.create({
    data: { organizationId, name, userId: user.id },
  });
  return { technician, user, actor: staffActor(organizationId, ['TECHNICIAN'], user.id) };
}

export function createTechnician(db: Db, organizationId: string, name = 'Tom Tech') {
  return db.technician.create({ data: { organizationId, name } });
}

export function createVendor(db: Db, organizationId: string, name = `Vendor ${randomUUID()}`) {
  return db.vendor.create({ data: { organizationId, name } });
}

export function createTeam(db: Db, organizationId: string, name = `Team ${randomUUID()}`) {
  return db.team.create({ data: { organizationId, name } });
}

export function createServiceType(
  db: Db,
  organizationId: string,
  data: Partial<Omit<Prisma.ServiceTypeUncheckedCreateInput, 'organizationId'>> = {},
) {
  return db.serviceType.create({
    data: { organizationId, name: `Type ${randomUUID()}`, ...data },
  });
}

/** A work order row in any state, made directly (the status machine is not under test here). */
export async function insertWorkOrder(
  db: Db,
  organizationId: string,
  data: Partial<Omit<Prisma.WorkOrderUncheckedCreateInput, 'organizationId' | 'number'>> = {},
) {
  const counter = await db.workOrderCounter.upsert({
    where: { organizationId },
    create: { organizationId, last: 1 },
    update: { last: { increment: 1 } },
  });
  return db.workOrder.create({
    data: {
      organizationId,
      number: counter.last,
      kind: 'FIELD_JOB',
      title: 'Replace the valve',
      ...data,
    },
  });
}

export async function eventsOf(
  db: Db,
  entityId: string,
): Promise<{ type: string; payload: Record<string, any> }[]> {
  return db.$queryRawUnsafe(
    `SELECT type, payload FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt"`,
    entityId,
  );
}
