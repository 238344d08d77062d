import type { Actor, DomainEvent, EventBus } from '@attendant/kit';
import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { pino } from 'pino';
import { SubscriptionHub } from './hub';

/*
 * The hub's coalescing of superseding events (technician positions): the positions of a whole
 * fleet arriving within the window are resolved by one query with one alias per technician, each
 * subscriber receives each technician's current state once, and filters still apply. The
 * executor is the hub's injected dependency; the whole path through a real gateway is covered by
 * e2e/tracking.spec.ts and the live map journey.
 */

const schema = buildSchema(`
  type Query { technicianPosition(id: ID!): Position }
  type Position { id: ID! lat: Float! }
  input TechnicianLocationFilter { technicianId: ID teamId: ID }
  type Subscription { technicianLocationChanged(filter: TechnicianLocationFilter): Position! }
`);

const dispatcher: Actor = {
  kind: 'user',
  organizationId: 'org-1',
  userId: 'user-1',
  apiKeyId: null,
  roles: ['DISPATCHER'],
  scopes: [],
};

const event = (technicianId: string, n: number): DomainEvent =>
  ({
    id: `event-${technicianId}-${n}`,
    type: 'TechnicianLocationChanged',
    entityType: 'TechnicianPosition',
    entityId: technicianId,
    organizationId: 'org-1',
    occurredAt: new Date().toISOString(),
    payload: { technicianId, teamId: 'team-1' },
  }) as unknown as DomainEvent;

const bus: EventBus = { subscribe: async () => async () => undefined } as unknown as EventBus;

describe('SubscriptionHub: coalesced positions', () => {
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  let version = 0;
  const hub = new SubscriptionHub(
    bus,
    async (query, variables) => {
      calls.push({ query, variables });
      version += 1;
      const data: Record<string, unknown> = {};
      for (const [name, id] of Object.entries(variables)) {
        if (/^e\d+$/.test(name)) data[name] = { id, lat: version };
      }
      return { data };
    },
    pino({ level: 'silent' }),
  );

  const subscribe = (filter?: Record<string, unknown>) =>
    hub.subscribe(
      {
        schema,
        document: parse(
          `subscription ($f: TechnicianLocationFilter) { technicianLocationChanged(filter: $f) { id lat } }`,
        ),
        variableValues: { f: filter ?? null },
      },
      dispatcher,
    );
  const take = async (it: AsyncIterableIterator<ExecutionResult>, n: number) => {
    const out: unknown[] = [];
    while (out.length < n) out.push((await it.next()).value.data.technicianLocationChanged);
    return out;
  };

  afterAll(() => hub.stop());

  it('should resolve a burst of pings with one query and deliver each technician once', async () => {
    const everyone = subscribe();
    const onlyT3 = subscribe({ technicianId: 't3' });
    calls.length = 0;
    for (let n = 0; n < 3; n++) for (let t = 0; t < 10; t++) hub.dispatch(event(`t${t}`, n));

    const all = await take(everyone, 10);
    expect(new Set(all.map((p) => (p as { id: string }).id)).size).toBe(10);
    expect(await take(onlyT3, 1)).toEqual([{ id: 't3', lat: expect.any(Number) }]);
    // Both subscribers share one query (same selection and identity), with ten aliases.
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query.match(/technicianPosition\(id: \$e\d+\)/g)).toHaveLength(10);
    await everyone.return?.();
    await onlyT3.return?.();
  });

  it('should split a large fleet into several queries within the cost limit', async () => {
    const everyone = subscribe();
    calls.length = 0;
    for (let t = 0; t < 120; t++) hub.dispatch(event(`big-${t}`, 0));
    expect(await take(everyone, 120)).toHaveLength(120);
    expect(
      calls.map((c) => Object.keys(c.variables).filter((k) => /^e\d+$/.test(k)).length),
    ).toEqual([50, 50, 20]);
    await everyone.return?.();
  });

  it('should deliver pings after the window again as a new batch', async () => {
    const everyone = subscribe({ technicianId: 't1' });
    calls.length = 0;
    hub.dispatch(event('t1', 10));
    const [first] = (await take(everyone, 1)) as { lat: number }[];
    hub.dispatch(event('t1', 11));
    const [second] = (await take(everyone, 1)) as { lat: number }[];
    expect(second!.lat).toBeGreaterThan(first!.lat);
    expect(calls).toHaveLength(2);
    await everyone.return?.();
  });
});

describe('SubscriptionHub: personal notifications', () => {
  const personal = buildSchema(`
    type Query { notification(id: ID!): Notification }
    type Notification { id: ID! title: String! }
    type Subscription { notificationReceived: Notification! }
  `);
  const executedAs: (string | null)[] = [];
  const hub = new SubscriptionHub(
    bus,
    async (_query, variables, actor) => {
      executedAs.push(actor.userId);
      return { data: { notification: { id: variables['__entityId'], title: 'Boiler offline' } } };
    },
    pino({ level: 'silent' }),
  );
  const manager = (userId: string): Actor => ({ ...dispatcher, userId, roles: ['MANAGER'] });
  const subscribe = (actor: Actor) =>
    hub.subscribe(
      {
        schema: personal,
        document: parse('subscription { notificationReceived { id title } }'),
        variableValues: {},
      },
      actor,
    );
  const created = (id: string, userId: string, type = 'NotificationCreated'): DomainEvent =>
    ({
      id: `event-${id}`,
      type,
      entityType: 'Notification',
      entityId: id,
      organizationId: 'org-1',
      occurredAt: new Date().toISOString(),
      payload: { userId },
    }) as unknown as DomainEvent;

  afterAll(() => hub.stop());

  it('should deliver a notification only to the user it names, resolved as that user', async () => {
    const ana = subscribe(manager('ana'));
    const ben = subscribe(manager('ben'));
    executedAs.length = 0;
    hub.dispatch(created('n1', 'ben'));
    hub.dispatch(created('n2', 'ana'));
    const forAna = await ana.next();
    const forBen = await ben.next();
    expect(forAna.value.data.notificationReceived.id).toBe('n2');
    expect(forBen.value.data.notificationReceived.id).toBe('n1');
    // Same selection and roles, but never one execution shared across users.
    expect(executedAs.sort()).toEqual(['ana', 'ben']);
    await ana.return?.();
    await ben.return?.();
  });

  it('should refuse the subscription to integrations and ignore events of another type', async () => {
    const integration: Actor = {
      ...dispatcher,
      kind: 'apiKey',
      userId: null,
      roles: ['INTEGRATOR'],
    };
    const doc = parse('subscription { notificationReceived { id } }');
    expect(SubscriptionHub.check(doc, null, integration)?.extensions['code']).toBe('FORBIDDEN');
    const ana = subscribe(manager('ana'));
    executedAs.length = 0;
    hub.dispatch(created('n3', 'ana', 'NotificationRead'));
    hub.dispatch(created('n4', 'ana'));
    expect((await ana.next()).value.data.notificationReceived.id).toBe('n4');
    expect(executedAs).toEqual(['ana']);
    await ana.return?.();
  });
});
