import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createDb, createLogger, loadConfig } from '@attendant/kit';
import { parse } from 'graphql';
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

/** Composes the supergraph from the subgraphs' own schemas (built in process; nothing runs). */
export async function composeSupergraph(): Promise<string> {
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
  return `${result.supergraphSdl.trim()}\n`;
}

if (require.main === module) {
  composeSupergraph()
    .then((sdl) => {
      writeFileSync(SUPERGRAPH_FILE, sdl);
      console.log(
        `wrote ${path.relative(process.cwd(), SUPERGRAPH_FILE)} (${SUBGRAPHS.length} subgraphs)`,
      );
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
