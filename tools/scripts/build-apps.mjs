// Builds the web apps: typed GraphQL services from codegen, then the Angular production builds
// (dist/apps/admin, dist/apps/mobile), which the gateway serves at /admin/ and /app/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' };

// --if-stale: skip when both builds are newer than every source file of the apps (npm start).
if (process.argv.includes('--if-stale')) {
  const { statSync, readdirSync } = await import('node:fs');
  const newest = (dir) => {
    let max = 0;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) max = Math.max(max, statSync(path.join(e.parentPath, e.name)).mtimeMs);
    }
    return max;
  };
  const built = (app) => {
    try {
      return statSync(path.join(root, 'dist', 'apps', app, 'browser', 'index.html')).mtimeMs;
    } catch {
      return 0;
    }
  };
  const sources = Math.max(
    newest(path.join(root, 'admin', 'src')),
    newest(path.join(root, 'mobile', 'src')),
    statSync(path.join(root, 'gateway', 'schema.graphql')).mtimeMs,
  );
  if (Math.min(built('admin'), built('mobile')) > sources) process.exit(0);
}

const steps = [
  [bin('graphql-codegen'), ['--config', 'codegen.ts', '--silent']],
  [bin('ng'), ['build', 'admin']],
  [bin('ng'), ['build', 'mobile']],
];
for (const [cmd, args] of steps) {
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) {
    console.error(
      `apps: ${path.basename(cmd)} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`,
    );
    process.exit(res.status ?? 1);
  }
}
console.log('apps: built admin and mobile into dist/apps');
