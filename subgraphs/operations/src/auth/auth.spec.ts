import { hashPassword, verifyAccessToken, type RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  TEST_SECRETS,
  type TestDatabase,
} from '@attendant/testing';
import { ANONYMOUS } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) {
  accessToken refreshToken user { email roles organization { name } } } }`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;

describe('operations subgraph: sessions and API keys', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const email = `ops-${org.slice(0, 8)}@example.com`;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.create({
      data: { id: org, name: 'Ops Co', slug: `ops-${org}`, kind: 'HOTEL' },
    });
    await sub.db.user.create({
      data: {
        organizationId: org,
        email,
        name: 'Olga',
        passwordHash: await hashPassword('s3cret-pass'),
        roles: ['MANAGER'],
      },
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const login = (password = 's3cret-pass', who = email) =>
    callSubgraph(sub.url, ANONYMOUS, LOGIN, { input: { email: who, password } });

  it('should issue an access token with the user roles and organization when the password is right', async () => {
    const res = await login();
    const payload = res.body.data!.login;
    expect(payload.user).toEqual({ email, roles: ['MANAGER'], organization: { name: 'Ops Co' } });
    const claims = await verifyAccessToken(payload.accessToken, TEST_SECRETS.JWT_SECRET);
    expect(claims).toMatchObject({ organizationId: org, roles: ['MANAGER'] });
  });

  it('should answer the same UNAUTHENTICATED message for a wrong password and an unknown email', async () => {
    const wrong = await login('nope');
    const unknown = await login('s3cret-pass', 'nobody@example.com');
    expect(wrong.body.errors?.[0]).toMatchObject({
      message: 'The email or password is not right',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
  });

  it('should rotate the refresh token and end every session when a used one comes back', async () => {
    const first = (await login()).body.data!.login.refreshToken as string;
    const rotated = await callSubgraph(sub.url, ANONYMOUS, REFRESH, { t: first });
    const second = rotated.body.data!.refreshSession.refreshToken as string;
    expect(second).not.toBe(first);
    // Replaying the first token is treated as theft: it fails and the second stops working too.
    const replay = await callSubgraph(sub.url, ANONYMOUS, REFRESH, { t: first });
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const afterReplay = await callSubgraph(sub.url, ANONYMOUS, REFRESH, { t: second });
    expect(afterReplay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should end the session when the user logs out', async () => {
    const token = (await login()).body.data!.login.refreshToken as string;
    const out = await callSubgraph(
      sub.url,
      ANONYMOUS,
      'mutation ($t: String!) { logout(refreshToken: $t) }',
      { t: token },
    );
    expect(out.body.data).toEqual({ logout: true });
    const again = await callSubgraph(sub.url, ANONYMOUS, REFRESH, { t: token });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse API key management to a manager and allow it to an admin', async () => {
    const create =
      'mutation { createApiKey(input: { name: "ERP", scopes: ["read", "write"] }) { secret apiKey { prefix scopes } } }';
    const manager = await callSubgraph(sub.url, staffActor(org, ['MANAGER']), create);
    expect(manager.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await callSubgraph(sub.url, staffActor(org, ['ADMIN']), create);
    const created = admin.body.data!.createApiKey;
    expect(created.secret.startsWith(`${created.apiKey.prefix}.`)).toBe(true);
    const stored = await sub.db.apiKey.findFirst({
      where: { organizationId: org, prefix: created.apiKey.prefix },
    });
    expect(stored?.keyHash).not.toContain(created.secret.split('.')[1]);
  });

  it('should refuse anonymous callers everything but signing in', async () => {
    const res = await callSubgraph(sub.url, ANONYMOUS, '{ me { email } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
