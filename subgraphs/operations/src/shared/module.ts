import type { EventConsumer, StopBackground, SubgraphDeps } from '@attendant/kit';
import type { Router } from 'express';

/**
 * One feature area of the operations subgraph: its resolvers (built with their services), its
 * entity references, event consumers and background work. `index.ts` puts the modules together,
 * so each area is wired in its own file.
 */
export interface OperationsModule {
  /** Resolver instances; their classes are registered with the schema. */
  resolvers: object[];
  references?: Record<string, { __resolveReference: (...args: never[]) => unknown }>;
  consumers?: EventConsumer[];
  background?(deps: Required<SubgraphDeps>): Promise<StopBackground>;
  /** Routes behind the subgraph's signed `/internal` (callable by the gateway only). */
  internalRoutes?(router: Router): void;
}

export type ModuleFactory = (deps: SubgraphDeps) => OperationsModule;

/** Starts every module's background work; the returned function stops all of it. */
export async function startAll(
  modules: OperationsModule[],
  deps: Required<SubgraphDeps>,
): Promise<StopBackground> {
  const stops: StopBackground[] = [];
  for (const m of modules) if (m.background) stops.push(await m.background(deps));
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
