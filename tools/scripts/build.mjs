// Compiles the server-side TypeScript (gateway, subgraphs, prisma, tools, bench) into dist/ with
// swc. Only files newer than their output are recompiled.
import { transformFile } from '@swc/core';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { root, options } = require('./swc-options.cjs');
const SOURCES = ['gateway', 'subgraphs', 'prisma', 'tools', 'bench'];
const SKIP = new Set(['node_modules', 'dist', 'admin', 'mobile', 'e2e']);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.d.ts') &&
      !entry.name.endsWith('.spec.ts')
    )
      yield full;
  }
}

const mtime = (p) =>
  stat(p).then(
    (s) => s.mtimeMs,
    () => 0,
  );

const started = Date.now();
let compiled = 0;
const jobs = [];
for (const dir of SOURCES) {
  const abs = path.join(root, dir);
  if (!(await mtime(abs))) continue;
  for await (const file of walk(abs)) {
    const out = path.join(root, 'dist', path.relative(root, file)).replace(/\.ts$/, '.js');
    jobs.push(
      (async () => {
        if ((await mtime(out)) >= (await mtime(file))) return;
        const { code, map } = await transformFile(file, {
          ...options,
          filename: file,
          sourceFileName: file,
        });
        await mkdir(path.dirname(out), { recursive: true });
        await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map`);
        if (map) await writeFile(`${out}.map`, map);
        compiled++;
      })(),
    );
  }
}
await Promise.all(jobs);
if (compiled > 0) console.log(`build: compiled ${compiled} files in ${Date.now() - started} ms`);
