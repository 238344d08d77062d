// Generates the Prisma client after every install. The js engine needs a DATABASE_URL to read
// the schema's datasource, even though generating never connects.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost/unused',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  },
);
