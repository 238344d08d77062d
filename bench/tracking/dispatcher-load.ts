/*
 * Load generator, dispatcher side (its own process, forked by tracking-bench.ts): each
 * dispatcher opens a graphql-ws connection to the gateway and subscribes to the live map's
 * `technicianLocationChanged` with the admin console's own selection (admin/src/app/live-map).
 * For the first delivery of each (dispatcher, technician, recordedAt) it records the latency
 * from the ping's recordedAt (set to the moment the phone sent it) to the message's arrival.
 */
import { createClient, type Client } from 'graphql-ws';
import { readFileSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import {
  DELIVERY_FIELDS,
  type DispatcherCommand,
  type DispatcherFixture,
  type DispatcherMessage,
} from './tracking-protocol';

const SUBSCRIPTION = `subscription LiveMapLocationChanged($filter: TechnicianLocationFilter) {
  technicianLocationChanged(filter: $filter) { ...LiveMapPosition } }
fragment LiveMapPosition on TechnicianPosition {
  id lat lng accuracyM speedMps headingDeg recordedAt stale travelSeconds distanceM etaAt
  technician { id name team { id name } }
  nextWorkOrder { id number title status }
}`;

interface Position {
  id: string;
  recordedAt: string;
}

const send = (msg: DispatcherMessage) => process.send?.(msg);

async function main(): Promise<void> {
  const fx = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as DispatcherFixture;
  const techIndex = new Map(fx.technicianIds.map((id, i) => [id, i]));
  // Per dispatcher, the newest recordedAt seen per technician (deliveries keep event order).
  const lastSeen = fx.tokens.map(() => new Float64Array(fx.technicianIds.length));
  const deliveries: number[] = [];
  let duplicates = 0;
  let outOfOrder = 0;
  let unknown = 0;
  let closed = 0;
  let stopping = false;
  const errors: string[] = [];
  const note = (e: string) => {
    if (errors.length < 20) errors.push(e);
  };

  const clients: Client[] = [];
  await Promise.all(
    fx.tokens.map((token, d) => {
      const client = createClient({
        url: fx.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      client.on('closed', () => {
        if (!stopping) closed++;
      });
      return new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', (err) => reject(err instanceof Error ? err : new Error(String(err))));
        client.subscribe<{ technicianLocationChanged: Position }>(
          { query: SUBSCRIPTION, variables: { filter: null } },
          {
            next: (msg) => {
              const arrived = Date.now();
              const p = msg.data?.technicianLocationChanged;
              if (!p) {
                note(`message without position: ${JSON.stringify(msg).slice(0, 300)}`);
                return;
              }
              const t = techIndex.get(p.id);
              const at = Date.parse(p.recordedAt);
              if (t === undefined) {
                unknown++; // a seeded technician, not one of the fleet
                return;
              }
              const seen = lastSeen[d]!;
              if (at === seen[t]) duplicates++;
              else if (at < seen[t]!) outOfOrder++;
              else {
                seen[t] = at;
                deliveries.push(at, arrived - at, d, t);
              }
            },
            error: (err) => note(`subscription error: ${JSON.stringify(err).slice(0, 300)}`),
            complete: () => undefined,
          },
        );
      });
    }),
  );
  send({ type: 'ready', connected: clients.length });

  await new Promise<void>((resolve) =>
    process.on('message', (cmd: DispatcherCommand) => {
      if (cmd.type === 'stop') resolve();
    }),
  );
  stopping = true;
  await Promise.all(clients.map((c) => c.dispose()));
  const out = new Float64Array(deliveries);
  writeFileSync(fx.outFile, Buffer.from(out.buffer));
  send({
    type: 'done',
    deliveries: deliveries.length / DELIVERY_FIELDS,
    duplicates,
    outOfOrder,
    unknown,
    closed,
    errors,
  });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
});
