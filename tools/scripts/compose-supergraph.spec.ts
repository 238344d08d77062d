import { readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './compose-supergraph';

describe('committed supergraph', () => {
  it('should equal a fresh composition of the subgraphs when the schemas have not changed', async () => {
    const fresh = await composeSupergraph();
    const committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
    if (fresh !== committed) {
      throw new Error(
        'gateway/supergraph.graphql is stale: run `npm run compose` and commit the result',
      );
    }
  });
});
