import {
  addStaff,
  createTenant,
  createTestDatabase,
  gql,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import { startTwilioSim, type TwilioSim } from '@attendant/twilio-sim';
import type { Client } from 'graphql-ws';
import { randomBytes, randomUUID } from 'node:crypto';

/*
 * Alerts end to end: a real delivery failure (the Twilio simulator ends an SMS `undelivered`)
 * raises an alert through the event pipeline, the routed manager's `notificationReceived`
 * subscription delivers it (and nobody else's), the manager reads and acknowledges it, and
 * another organization can neither see nor acknowledge it.
 */

const SENDER = '+15550100000';
const TWILIO_ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
] as const;

const NOTIFICATION_FIELDS = 'id title body severity entityType entityId alertId level readAt';
const RECEIVED = `subscription { notificationReceived { ${NOTIFICATION_FIELDS} } }`;
const SAVE_RULE = /* GraphQL */ `
  mutation ($input: AlertRuleInput!) {
    saveAlertRule(input: $input) {
      id
      kind
      recipientRoles
    }
  }
`;
const SEND = /* GraphQL */ `
  mutation ($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      status
    }
  }
`;
const ACK =
  'mutation ($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt nextEscalationAt } }';

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('alerts end to end: a failed SMS alerts the manager live', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let adminToken: string;
  let managerToken: string;
  let managerId: string;
  let otherToken: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startTwilioSim({ delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 } });
    process.env['TWILIO_ACCOUNT_SID'] = sim.accountSid;
    process.env['TWILIO_AUTH_TOKEN'] = sim.authToken;
    process.env['TWILIO_API_BASE_URL'] = sim.url;
    stack = await startStack(database);
    process.env['TWILIO_WEBHOOK_BASE_URL'] = stack.gateway.origin;
    const operations = stack.subgraphs['operations']!;
    tenant = await createTenant(operations, 'Alert Hotel');
    other = await createTenant(operations, 'Other Hotel');
    const manager = await addStaff(operations, tenant, { name: 'Maria Manager', role: 'MANAGER' });
    managerId = manager.id;
    adminToken = await login(stack.gateway, tenant.adminEmail, tenant.password);
    managerToken = await login(stack.gateway, manager.email, tenant.password);
    otherToken = await login(stack.gateway, other.adminEmail, other.password);
    const webhookToken = randomBytes(24).toString('base64url');
    await stack.subgraphs['communications']!.db.smsSettings.create({
      data: { organizationId: tenant.organizationId, fromNumber: SENDER, webhookToken },
    });
    sim.admin.addNumber({
      phoneNumber: SENDER,
      smsUrl: `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`,
    });
    // Communications learns who holds which role from the sign-in events.
    await until('the manager to be known to alert routing', () =>
      stack.subgraphs['communications']!.db.staffProjection.findFirst({
        where: { organizationId: tenant.organizationId, userId: managerId },
      }),
    );
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack.stop();
    await sim.stop();
    await database.drop();
    for (const name of TWILIO_ENV) delete process.env[name];
  });

  it('should raise one alert for an undelivered SMS, push it to the routed manager only, and let them read and acknowledge it', async () => {
    const rule = await gql(
      stack.gateway,
      SAVE_RULE,
      {
        input: {
          kind: 'MESSAGE_DELIVERY_FAILED',
          enabled: true,
          severity: 'CRITICAL',
          recipientRoles: ['MANAGER'],
          recipientUserIds: [],
          ackTimeoutMinutes: 30,
          escalationUserIds: [],
          escalateToManagers: false,
        },
      },
      adminToken,
    );
    expect(rule.body.errors).toBeUndefined();

    const managerWs = wsClient(stack.gateway, managerToken);
    const adminWs = wsClient(stack.gateway, adminToken);
    clients.push(managerWs, adminWs);
    const forManager = nextEvent(stack.gateway, managerWs, RECEIVED, {}, 25_000);
    await forManager.ready;
    // The admin is not routed: their subscription must stay silent.
    const forAdmin = nextEvent(stack.gateway, adminWs, RECEIVED, {}, 6_000);
    await forAdmin.ready;

    sim.admin.faults({ deliveryFailure: { count: 1, errorCode: 30003, status: 'undelivered' } });
    const guestId = randomUUID();
    const sent = await gql(
      stack.gateway,
      SEND,
      {
        input: {
          channel: 'SMS',
          purpose: 'TRANSACTIONAL',
          to: '+15557770001',
          body: 'Your room is ready',
          guestId,
        },
      },
      adminToken,
    );
    expect(sent.body.errors).toBeUndefined();

    const { notificationReceived: pushed } = await forManager.result;
    expect(pushed).toMatchObject({
      title: 'SMS undelivered',
      severity: 'CRITICAL',
      entityType: 'Guest',
      entityId: guestId,
      level: 0,
      readAt: null,
    });
    // What went wrong, from communications' own message record.
    expect(pushed.body).toMatch(/^To \+15557770001: error 30003/);
    await expect(forAdmin.result).rejects.toThrow(/no subscription event/);

    const mine = await gql(
      stack.gateway,
      `{ myNotifications(first: 10) { nodes { id alertId } totalCount } unreadNotificationCount }`,
      {},
      managerToken,
    );
    expect(mine.body.data).toEqual({
      myNotifications: { nodes: [{ id: pushed.id, alertId: pushed.alertId }], totalCount: 1 },
      unreadNotificationCount: 1,
    });
    // Exactly one alert, however many status callbacks came.
    const alerts = await gql(
      stack.gateway,
      `{ alerts(status: OPEN, kind: MESSAGE_DELIVERY_FAILED) { nodes { id severity escalationLevel } } }`,
      {},
      managerToken,
    );
    expect(alerts.body.data!.alerts.nodes).toEqual([
      { id: pushed.alertId, severity: 'CRITICAL', escalationLevel: 0 },
    ]);

    // Nobody else reads the manager's notification, not even their own admin.
    const peek = await gql(
      stack.gateway,
      'query ($id: ID!) { notification(id: $id) { id } }',
      { id: pushed.id },
      adminToken,
    );
    expect(peek.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const read = await gql(
      stack.gateway,
      'mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }',
      { id: pushed.id },
      managerToken,
    );
    expect(read.body.data!.markNotificationRead.readAt).toEqual(expect.any(String));
    const count = await gql(stack.gateway, '{ unreadNotificationCount }', {}, managerToken);
    expect(count.body.data!.unreadNotificationCount).toBe(0);

    // Another organization neither sees nor acknowledges it.
    const theirs = await gql(stack.gateway, '{ alerts { nodes { id } } }', {}, otherToken);
    expect(theirs.body.data!.alerts.nodes).toEqual([]);
    const foreignAck = await gql(stack.gateway, ACK, { id: pushed.alertId }, otherToken);
    expect(foreignAck.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const foreignRead = await gql(
      stack.gateway,
      'mutation ($id: ID!) { markNotificationRead(id: $id) { id } }',
      { id: pushed.id },
      otherToken,
    );
    expect(foreignRead.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const ack = await gql(stack.gateway, ACK, { id: pushed.alertId }, managerToken);
    expect(ack.body.errors).toBeUndefined();
    expect(ack.body.data!.acknowledgeAlert).toMatchObject({ nextEscalationAt: null });
    const again = await gql(stack.gateway, ACK, { id: pushed.alertId }, managerToken);
    expect(again.body.data!.acknowledgeAlert.acknowledgedAt).toBe(
      ack.body.data!.acknowledgeAlert.acknowledgedAt,
    );
    const open = await gql(
      stack.gateway,
      '{ alerts(status: OPEN) { totalCount } acked: alerts(status: ACKNOWLEDGED) { totalCount } }',
      {},
      managerToken,
    );
    expect(open.body.data).toEqual({ alerts: { totalCount: 0 }, acked: { totalCount: 1 } });
  }, 60_000);

  it('should refuse rule changes from a technician and bad rules with a clear message', async () => {
    const techToken = await login(stack.gateway, tenant.techEmail, tenant.password);
    const input = {
      kind: 'SLA_AT_RISK',
      enabled: true,
      severity: 'WARNING',
      recipientRoles: [],
      recipientUserIds: [],
      ackTimeoutMinutes: 10,
      escalationUserIds: [],
      escalateToManagers: true,
    };
    const tech = await gql(stack.gateway, SAVE_RULE, { input }, techToken);
    expect(tech.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // Technicians get what is routed to them, not the organization's alert list.
    const list = await gql(stack.gateway, '{ alerts { totalCount } }', {}, techToken);
    expect(list.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const own = await gql(stack.gateway, '{ unreadNotificationCount }', {}, techToken);
    expect(own.body.data).toEqual({ unreadNotificationCount: 0 });
    const empty = await gql(stack.gateway, SAVE_RULE, { input }, adminToken);
    expect(empty.body.errors?.[0]).toMatchObject({
      message: 'Route the alert to at least one role or person',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const zero = await gql(
      stack.gateway,
      SAVE_RULE,
      { input: { ...input, recipientRoles: ['MANAGER'], ackTimeoutMinutes: 0 } },
      adminToken,
    );
    expect(zero.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    // Someone of another organization cannot be put in the chain.
    const stranger = await stack.subgraphs['operations']!.db.user.findFirst({
      where: { organizationId: other.organizationId, email: other.adminEmail },
    });
    const foreign = await gql(
      stack.gateway,
      SAVE_RULE,
      { input: { ...input, recipientRoles: ['MANAGER'], escalationUserIds: [stranger!.id] } },
      adminToken,
    );
    expect(foreign.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/only to staff of this organization/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const chained = await gql(
      stack.gateway,
      SAVE_RULE,
      { input: { ...input, recipientRoles: ['MANAGER'], escalationUserIds: [managerId] } },
      adminToken,
    );
    expect(chained.body.errors).toBeUndefined();
    const rules = await gql(
      stack.gateway,
      '{ alertRules { kind escalationUserIds } alertStaff { userId name } }',
      {},
      managerToken,
    );
    expect(rules.body.data!.alertRules).toContainEqual({
      kind: 'SLA_AT_RISK',
      escalationUserIds: [managerId],
    });
    expect(rules.body.data!.alertStaff).toContainEqual({
      userId: managerId,
      name: 'Maria Manager',
    });
  });
});
