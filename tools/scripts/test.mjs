// `npm test`: the whole suite, in the order that fails fastest: types, lint, format, build, tests
// (unit, medium on real PostgreSQL, contract, API end to end, Redis fan-out).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.CI ? '0' : '1',
};

const REPORT = path.join(root, 'test-artifacts', 'jest.json');
mkdirSync(path.dirname(REPORT), { recursive: true });

const steps = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['project graph', bin('nx'), ['show', 'projects']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['build', process.execPath, ['tools/scripts/build.mjs']],
  ['tests', bin('jest'), ['--ci', '--json', `--outputFile=${REPORT}`, ...process.argv.slice(2)]],
];

for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const res = spawnSync(cmd, args, {
    cwd: root,
    env,
    stdio: name === 'project graph' ? 'ignore' : 'inherit',
  });
  if (res.status !== 0) {
    console.error(`✖ ${name} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// The plain closing line CI reads: every test counted, whatever runner printed it.
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
console.log(
  `\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
);
