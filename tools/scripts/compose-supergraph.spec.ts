import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from './compose-supergraph';

describe('committed supergraph and API schema', () => {
  it('should equal a fresh composition of the subgraphs when the schemas have not changed', async () => {
    const fresh = await composeSupergraph();
    const files = [
      [SUPERGRAPH_FILE, fresh.supergraph],
      [API_SCHEMA_FILE, fresh.api],
    ] as const;
    for (const [file, text] of files) {
      if (readFileSync(file, 'utf8') !== text) {
        throw new Error(`${file} is stale: run \`npm run compose\` and commit the result`);
      }
    }
  });
});
