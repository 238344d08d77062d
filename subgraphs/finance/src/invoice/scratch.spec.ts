import { createTestDatabase, callSubgraph, staffActor, startTestSubgraph } from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { financeSubgraph } from '../index';
it('race', async () => {
  const database = await createTestDatabase();
  const sub = await startTestSubgraph(financeSubgraph, database);
  const a = staffActor(randomUUID());
  const rs = await Promise.all([1,2,3,4,5].map(() => callSubgraph(sub.url, a, `mutation { createInvoiceDraft(input: {currency: "EUR", lines: [{description: "x", unitPriceMinor: 1}]}) { number } }`)));
  console.log(JSON.stringify(rs.map(r => r.body)));
  await sub.stop(); await database.drop();
});
