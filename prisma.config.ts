import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/pg-adapter';

// Prisma 7's CLI downloads a native schema engine, which cannot run offline; 6.19's js engine
// runs the bundled wasm schema engine through our pg driver adapter instead.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: migrationAdapter,
  schema: path.join('prisma', 'schema'),
  migrations: { path: path.join('prisma', 'migrations') },
});
