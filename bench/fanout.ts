import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const CLIENTS = Number(process.env['BENCH_WS_CLIENTS'] ?? 1000);
const EVENTS = Number(process.env['BENCH_WS_EVENTS'] ?? 100);

/**
 * CLIENTS graphql-ws clients subscribe to one work order; EVENTS title changes go through the
 * gateway's HTTP API, one every 100 ms. Latency: from sending the mutation to each client
 * receiving the event carrying that title.
 */
export async function runFanout(wsUrl: string, httpUrl: string, token: string) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(httpUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const wo = (
    await post(
      'mutation { createWorkOrder(input: { kind: FIELD_JOB, title: "Fan-out 0" }) { id } }',
      {},
    )
  ).createWorkOrder.id as string;

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients: Client[] = [];
  let subscribed = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, () => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      return new Promise<void>((resolve, reject) => {
        client.on('connected', () => {
          subscribed++;
          resolve();
        });
        client.on('error', reject);
        client.subscribe(
          {
            query:
              'subscription ($id: ID) { workOrderChanged(filter: { id: $id }) { id title status technician { name } } }',
            variables: { id: wo },
          },
          {
            next: (msg) => {
              const title = (msg.data as { workOrderChanged: { title: string } } | undefined)
                ?.workOrderChanged.title;
              const t0 = title ? sentAt.get(title) : undefined;
              if (t0 !== undefined) latencies.push(performance.now() - t0);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  for (let i = 1; i <= EVENTS; i++) {
    const title = `Fan-out ${i}`;
    sentAt.set(title, performance.now());
    await post(
      'mutation ($id: ID!, $t: String!) { updateWorkOrder(id: $id, input: { title: $t }) { id } }',
      { id: wo, t: title },
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  const deadline = Date.now() + 15_000;
  while (latencies.length < CLIENTS * EVENTS && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  await Promise.all(clients.map((c) => c.dispose()));
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
  return {
    clients: subscribed,
    events: EVENTS,
    deliveries: latencies.length,
    p50: pct(50),
    p99: pct(99),
    max: Math.round(sorted.at(-1) ?? NaN),
  };
}
