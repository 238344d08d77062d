import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TestDatabase,
} from '@attendant/testing';
import { Redis } from 'ioredis';

const REDIS_URL = process.env['ATTENDANT_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('subscriptions fan out through Redis across gateway replicas', () => {
  let database: TestDatabase;
  let stack: Stack;

  beforeAll(async () => {
    const probe = new Redis(REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    await probe.connect().catch((err: Error) => {
      throw new Error(
        `Redis is needed at ${REDIS_URL} (set ATTENDANT_TEST_REDIS_URL): ${err.message}`,
      );
    });
    probe.disconnect();
    database = await createTestDatabase();
    stack = await startStack(database, { gateways: 2, redisUrl: REDIS_URL });
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('should deliver an event to a subscriber on gateway B when the mutation goes through gateway A', async () => {
    const [a, b] = stack.gateways as [typeof stack.gateway, typeof stack.gateway];
    const tenant = await createTenant(stack.subgraphs['operations']!, 'Fanout Co');
    const token = await login(a, tenant.adminEmail, tenant.password);
    const created = await gql(
      a,
      `mutation { createWorkOrder(input: { kind: FIELD_JOB, title: "Inspect roof" }) { id } }`,
      {},
      token,
    );
    const id = created.body.data!.createWorkOrder.id as string;

    const client = wsClient(b, token);
    try {
      const sub = nextEvent<{ workOrderChanged: { id: string; title: string; status: string } }>(
        b,
        client,
        `subscription ($id: ID) { workOrderChanged(filter: { id: $id }) { id title status } }`,
        { id },
        10_000,
        (d) => d.workOrderChanged.title === 'Inspect roof and gutters',
      );
      await sub.ready;
      await gql(
        a,
        `mutation ($id: ID!) { updateWorkOrder(id: $id, input: { title: "Inspect roof and gutters" }) { id } }`,
        { id },
        token,
      );
      await expect(sub.result).resolves.toEqual({
        workOrderChanged: { id, title: 'Inspect roof and gutters', status: 'NEW' },
      });
    } finally {
      await client.dispose();
    }
  });
});
