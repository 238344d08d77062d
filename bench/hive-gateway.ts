/*
 * Hive Gateway on our supergraph, for the benchmark only. It cannot verify our credentials, so
 * the benchmark client sends the signed actor headers itself and Hive forwards them unchanged.
 * Env: PORT, DEDUPE=true|false, SUPERGRAPH_PATH, <NAME>_URL for each subgraph.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createServer } from 'node:http';

const FORWARDED = ['x-attendant-actor', 'x-attendant-signature', 'x-request-id'];
const names = ['guests', 'operations', 'finance', 'communications', 'analytics'];
const dedupe = process.env['DEDUPE'] !== 'false';

const gateway = createGatewayRuntime({
  supergraph: process.env['SUPERGRAPH_PATH']!,
  logging: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) =>
      Object.fromEntries(FORWARDED.map((h) => [h, request.headers.get(h)]).filter(([, v]) => v)),
  },
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: dedupe } as Record<string, unknown> },
    ...Object.fromEntries(
      names
        .filter((n) => process.env[`${n.toUpperCase()}_URL`])
        .map((n) => [n, { location: process.env[`${n.toUpperCase()}_URL`] }]),
    ),
  },
});

const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.send?.('ready'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
if (process.send) process.once('disconnect', () => process.exit(0));
