import type { SubgraphDefinition } from '@attendant/kit';
import { analyticsSubgraph } from '@attendant/analytics';
import { communicationsSubgraph } from '@attendant/communications';
import { financeSubgraph } from '@attendant/finance';
import { guestsSubgraph } from '@attendant/guests';
import { operationsSubgraph } from '@attendant/operations';

/** Every subgraph with its default port (each overridable with <NAME>_PORT / <NAME>_URL). */
export const SUBGRAPHS: { def: SubgraphDefinition; port: number }[] = [
  { def: guestsSubgraph, port: 4001 },
  { def: operationsSubgraph, port: 4002 },
  { def: financeSubgraph, port: 4003 },
  { def: communicationsSubgraph, port: 4004 },
  { def: analyticsSubgraph, port: 4005 },
];

export const GATEWAY_PORT = 4000;
