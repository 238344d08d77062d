import {
  addStaff,
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
 * The messaging settings API through the gateway: managers write templates, triggers, SMS
 * settings and consent; dispatchers only read (FORBIDDEN otherwise); refusals carry the field;
 * nothing of another organization is visible or changeable.
 */
describe('messaging settings API end to end', () => {
  let database: TestDatabase;
  let stack: Stack;
  let home: TenantFixture;
  let other: TenantFixture;
  const tokens: Record<'manager' | 'dispatcher' | 'otherAdmin', string> = {
    manager: '',
    dispatcher: '',
    otherAdmin: '',
  };

  const call = (who: keyof typeof tokens, query: string, variables: Record<string, unknown> = {}) =>
    gql(stack.gateway, query, variables, tokens[who]).then((r) => r.body);
  const ok = async (who: keyof typeof tokens, query: string, variables = {}) => {
    const body = await call(who, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data as Record<string, any>;
  };
  const codeOf = async (who: keyof typeof tokens, query: string, variables = {}) =>
    (await call(who, query, variables)).errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    const ops = stack.subgraphs['operations']!;
    home = await createTenant(ops, 'Settings API Home');
    other = await createTenant(ops, 'Settings API Other');
    const domain = home.adminEmail.split('@')[1];
    for (const role of ['MANAGER', 'DISPATCHER'] as const)
      await addStaff(ops, home, { name: role, role });
    tokens.manager = await login(stack.gateway, `manager@${domain}`, home.password);
    tokens.dispatcher = await login(stack.gateway, `dispatcher@${domain}`, home.password);
    tokens.otherAdmin = await login(stack.gateway, other.adminEmail, other.password);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('should let managers write and dispatchers read, within the organization only', async () => {
    const created = await ok(
      'manager',
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
      { input: { name: 'Arrived', channel: 'SMS', body: '{{technician.firstName}} is here' } },
    );
    const templateId = created['createTemplate'].id;
    const trigger = await ok(
      'manager',
      `mutation ($input: CreateTriggerInput!) { createTrigger(input: $input) { id template { name } } }`,
      { input: { event: 'ARRIVED', channel: 'SMS', templateId } },
    );
    const triggerId = trigger['createTrigger'].id;
    expect(trigger['createTrigger'].template.name).toBe('Arrived');

    // Dispatchers read the page, the trigger and its (empty) sends, but write nothing.
    const read = await ok(
      'dispatcher',
      `query ($id: ID!) {
        templatePage(filter: { channel: SMS }) { totalCount nodes { name triggerCount } }
        trigger(id: $id) { firings(first: 5) { totalCount nodes { id } } }
        messagingSettings { timeZone }
      }`,
      { id: triggerId },
    );
    expect(read['templatePage']).toEqual({
      totalCount: 1,
      nodes: [{ name: 'Arrived', triggerCount: 1 }],
    });
    expect(read['trigger'].firings).toEqual({ totalCount: 0, nodes: [] });
    for (const q of [
      `mutation { updateMessagingSettings(input: { senderName: "x" }) { senderName } }`,
      `mutation { recordConsent(input: { channel: SMS, address: "+15557770123", source: "front desk" }) { id } }`,
      `mutation { updateTrigger(id: "${triggerId}", input: { enabled: false }) { id } }`,
      `mutation { deleteTemplate(id: "${templateId}") }`,
    ])
      expect(await codeOf('dispatcher', q)).toBe('FORBIDDEN');

    // Another organization sees none of it.
    expect(await codeOf('otherAdmin', `{ trigger(id: "${triggerId}") { id } }`)).toBe('NOT_FOUND');
    expect(await codeOf('otherAdmin', `mutation { deleteTemplate(id: "${templateId}") }`)).toBe(
      'NOT_FOUND',
    );
    const theirs = await ok('otherAdmin', `{ templatePage { totalCount } triggers { id } }`);
    expect(theirs).toEqual({ templatePage: { totalCount: 0 }, triggers: [] });
  });

  it('should refuse bad settings and consent with the field, and keep consent once', async () => {
    const refused = await call(
      'manager',
      `mutation { updateMessagingSettings(input: { quietHoursStart: 1320 }) { quietHoursStart } }`,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Give quiet hours both a start and an end, or clear both',
      extensions: { code: 'BAD_USER_INPUT', field: 'quietHoursEnd' },
    });
    const saved = await ok(
      'manager',
      `mutation { updateMessagingSettings(input: { quietHoursStart: 1320, quietHoursEnd: 420, timeZone: "Europe/Prague", fromNumber: "+1 555 010 0000" }) { quietHoursStart quietHoursEnd timeZone fromNumber } }`,
    );
    expect(saved['updateMessagingSettings']).toEqual({
      quietHoursStart: 1320,
      quietHoursEnd: 420,
      timeZone: 'Europe/Prague',
      fromNumber: '+15550100000',
    });
    expect(
      (await ok('otherAdmin', `{ messagingSettings { fromNumber timeZone } }`))[
        'messagingSettings'
      ],
    ).toEqual({ fromNumber: null, timeZone: 'UTC' });

    const record = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id status source } }`;
    const input = {
      channel: 'SMS',
      address: '+15557770123',
      source: 'verbal consent at front desk',
    };
    const first = await ok('manager', record, { input });
    const again = await ok('manager', record, { input });
    expect(again['recordConsent'].id).toBe(first['recordConsent'].id);
    const bad = await call('manager', record, { input: { ...input, address: '0123' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'address' });
    const ledger = await ok(
      'dispatcher',
      `{ consentHistory(channel: SMS, address: "+1 555 777 0123") { status source } }`,
    );
    expect(ledger['consentHistory']).toEqual([
      { status: 'OPTED_IN', source: 'verbal consent at front desk' },
    ]);
    expect(
      (await ok('otherAdmin', `{ consentHistory(channel: SMS, address: "+15557770123") { id } }`))[
        'consentHistory'
      ],
    ).toEqual([]);
  });
});
