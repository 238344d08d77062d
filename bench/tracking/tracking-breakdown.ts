import { signActor, type Actor } from '@attendant/kit';
import { PG, type ProcSampler } from './proc-sampler';
import type { FleetTechnician } from './tracking-protocol';
import { percentiles } from './tracking-stats';

const RECORD = `mutation ($pings: [LocationPingInput!]!) {
  recordLocations(pings: $pings) { accepted duplicates position { id etaAt } } }`;
// What the gateway's subscription hub executes for every position event (the live map's selection).
const POSITION_MAP = `query ($id: ID!) { technicianPosition(id: $id) {
  id lat lng accuracyM speedMps headingDeg recordedAt stale travelSeconds distanceM etaAt
  technician { id name team { id name } } nextWorkOrder { id number title status } } }`;
const POSITION_MIN = `query ($id: ID!) { technicianPosition(id: $id) { id lat lng recordedAt } }`;
/** The hub's coalesced query: one alias per technician seen in the window (at most 50). */
const BATCH = 50;
const POSITIONS_MAP = `query (${Array.from({ length: BATCH }, (_, i) => `$e${i}: ID!`).join(', ')}) {
${Array.from({ length: BATCH }, (_, i) => `e${i}: technicianPosition(id: $e${i}) { id lat lng accuracyM speedMps headingDeg recordedAt stale travelSeconds distanceM etaAt technician { id name team { id name } } nextWorkOrder { id number title status } }`).join('\n')} }`;

const CALLS = 400;
const CONCURRENCY = 4;

interface Call {
  name: string;
  url: string;
  headers: (i: number) => Record<string, string>;
  /** A GraphQL request's body; absent for POST /api/locations (body: `variables`). */
  query?: string;
  variables: (i: number) => Record<string, unknown>;
  /** Costs are reported per entity when one call carries several (the hub's batch). */
  perCall?: number;
}

export interface BreakdownInput {
  gatewayUrl: string;
  operationsUrl: string;
  signingSecret: string;
  organizationId: string;
  technicians: (Omit<FleetTechnician, 'token'> & { token: string })[];
  dispatcher: { userId: string; token: string };
  sampler: ProcSampler;
}

/*
 * CPU cost of each call on the tracking path, one kind at a time (400 calls, 4 in flight), from
 * /proc deltas of the gateway, the operations subgraph and the PostgreSQL backends: what one
 * ping costs (recordLocations) and what one position event costs (the hub's technicianPosition
 * query), through the gateway and straight to operations (signed actor headers).
 */
export async function breakdown(b: BreakdownInput): Promise<string> {
  const techActor = (i: number): Actor => ({
    kind: 'user',
    organizationId: b.organizationId,
    userId: tech(i).userId,
    apiKeyId: null,
    roles: ['TECHNICIAN'],
    scopes: [],
  });
  const dispatcherActor: Actor = {
    kind: 'user',
    organizationId: b.organizationId,
    userId: b.dispatcher.userId,
    apiKeyId: null,
    roles: ['DISPATCHER'],
    scopes: [],
  };
  // 50 technicians take turns, so every credential is verified once in the warm-up (the gateway
  // caches verified tokens, as it does for a fleet pinging every few seconds).
  const crew = Math.min(BATCH, b.technicians.length);
  const tech = (i: number) => b.technicians[i % crew]!;
  let clock = Date.now();
  const fix = (i: number) => ({
    pings: [
      {
        recordedAt: new Date((clock += 1)).toISOString(),
        lat: tech(i).from.lat + i * 1e-5,
        lng: tech(i).from.lng,
        accuracyM: 8,
      },
    ],
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const calls: Call[] = [
    {
      name: 'POST /api/locations (1 fix), the phones’ path',
      url: b.gatewayUrl.replace(/\/graphql$/, '/api/locations'),
      headers: (i) => bearer(tech(i).token),
      variables: fix,
    },
    {
      name: 'recordLocations (1 fix), through the gateway',
      url: b.gatewayUrl,
      headers: (i) => bearer(tech(i).token),
      query: RECORD,
      variables: fix,
    },
    {
      name: 'recordLocations (1 fix), straight to operations',
      url: b.operationsUrl,
      headers: (i) => signActor(techActor(i), b.signingSecret),
      query: RECORD,
      variables: fix,
    },
    {
      name: 'technicianPosition, live map selection (per event), through the gateway',
      url: b.gatewayUrl,
      headers: () => bearer(b.dispatcher.token),
      query: POSITION_MAP,
      variables: (i) => ({ id: tech(i).technicianId }),
    },
    {
      name: 'technicianPosition, live map selection, straight to operations',
      url: b.operationsUrl,
      headers: () => signActor(dispatcherActor, b.signingSecret),
      query: POSITION_MAP,
      variables: (i) => ({ id: tech(i).technicianId }),
    },
    {
      name: 'technicianPosition { id lat lng recordedAt }, straight to operations',
      url: b.operationsUrl,
      headers: () => signActor(dispatcherActor, b.signingSecret),
      query: POSITION_MIN,
      variables: (i) => ({ id: tech(i).technicianId }),
    },
    {
      name: `technicianPosition × ${BATCH} aliases (the hub's coalesced query), through the gateway, per position`,
      url: b.gatewayUrl,
      headers: () => bearer(b.dispatcher.token),
      query: POSITIONS_MAP,
      variables: (i) =>
        Object.fromEntries(
          Array.from({ length: BATCH }, (_, k) => [`e${k}`, tech(i * BATCH + k).technicianId]),
        ),
      perCall: BATCH,
    },
  ];
  const names = ['gateway', 'operations', PG];
  const rows: string[] = [];
  for (const call of calls) {
    const one = async (i: number) => {
      const t0 = performance.now();
      const res = await fetch(call.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...call.headers(i) },
        body: JSON.stringify(
          call.query ? { query: call.query, variables: call.variables(i) } : call.variables(i),
        ),
      });
      const body = await res.text();
      if (res.status !== 200 || body.includes('"errors"') || body.includes('"code"'))
        throw new Error(`${call.name}: HTTP ${res.status} ${body.slice(0, 300)}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < crew; i++) await one(i); // warm-up
    const a = await b.sampler.sampleNow();
    const wall: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CALLS) wall.push(await one(next++));
      }),
    );
    const z = await b.sampler.sampleNow();
    const units = CALLS * (call.perCall ?? 1);
    const per = names.map((n) => (((z.cpuS[n] ?? 0) - (a.cpuS[n] ?? 0)) * 1000) / units);
    const sum = per.reduce((x, y) => x + y, 0);
    rows.push(
      `| ${call.name} | ${CALLS} | ${per.map((v) => v.toFixed(2)).join(' | ')} | ${sum.toFixed(2)} | ${percentiles(wall).p50.toFixed(1)} |`,
    );
  }
  return [
    `| call (${CONCURRENCY} in flight) | calls | gateway CPU ms/call | operations CPU ms/call | PostgreSQL backends CPU ms/call | total | wall p50 (ms) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
