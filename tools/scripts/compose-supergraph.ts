import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createDb, createLogger, loadConfig } from '@attendant/kit';
import { parse, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '@attendant/runtime/subgraphs';

export const SUPERGRAPH_FILE = path.resolve(
  __dirname,
  '..',
  '..',
  ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []),
  'gateway',
  'supergraph.graphql',
);

export const API_SCHEMA_FILE = SUPERGRAPH_FILE.replace('supergraph.graphql', 'schema.graphql');

/**
 * Composes the supergraph from the subgraphs' own schemas (built in process; nothing runs).
 * Returns the supergraph the gateway serves and the public API schema clients see.
 */
export async function composeSupergraph(): Promise<{ supergraph: string; api: string }> {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://compose@127.0.0.1:1/unused',
    ACTOR_SIGNING_SECRET: 'x'.repeat(32),
    JWT_SECRET: 'x'.repeat(32),
    LOG_LEVEL: 'silent',
  });
  const db = createDb(config.DATABASE_URL, 1);
  const logger = createLogger('compose', 'silent');
  const services = [];
  for (const { def, port } of SUBGRAPHS) {
    const schema = await def.buildSchema({ db, config, logger });
    services.push({
      name: def.name,
      url: `http://127.0.0.1:${port}/graphql`,
      typeDefs: parse(printSubgraphSchema(schema)),
    });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(
      `Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  const api = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { supergraph: `${result.supergraphSdl.trim()}\n`, api: `${api.trim()}\n` };
}

if (require.main === module) {
  composeSupergraph()
    .then(({ supergraph, api }) => {
      writeFileSync(SUPERGRAPH_FILE, supergraph);
      writeFileSync(API_SCHEMA_FILE, api);
      const names = [SUPERGRAPH_FILE, API_SCHEMA_FILE].map((f) => path.relative(process.cwd(), f));
      console.log(`wrote ${names.join(' and ')} (${SUBGRAPHS.length} subgraphs)`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
