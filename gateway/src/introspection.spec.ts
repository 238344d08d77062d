import { signAccessToken } from '@attendant/kit';
import { createTestDatabase, TEST_SECRETS, type TestDatabase } from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { loadGatewayConfig } from './config';
import { startGateway, type RunningGateway } from './server';

describe('gateway in production', () => {
  let database: TestDatabase;
  let gateway: RunningGateway;

  beforeAll(async () => {
    database = await createTestDatabase();
    gateway = await startGateway(
      loadGatewayConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        GATEWAY_PORT: '0',
        DATABASE_URL: database.url,
        ...TEST_SECRETS,
      }),
    );
  });
  afterAll(async () => {
    await gateway.stop();
    await database.drop();
  });

  const introspect = (headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });

  it('should refuse introspection when the caller is not signed in', async () => {
    const res = await introspect();
    expect(res.status).toBe(401);
  });

  it('should answer introspection when a staff member is signed in', async () => {
    const { token } = await signAccessToken(
      { userId: randomUUID(), organizationId: randomUUID(), roles: ['ANALYST'] },
      TEST_SECRETS.JWT_SECRET,
    );
    const res = await introspect({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.__schema.queryType.name).toBe('Query');
  });
});
