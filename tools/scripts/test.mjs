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
const BROWSER_REPORT = path.join(root, 'test-artifacts', 'jest-browser.json');
mkdirSync(path.dirname(REPORT), { recursive: true });

const steps = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['project graph', bin('nx'), ['show', 'projects']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['build', process.execPath, ['tools/scripts/build.mjs']],
  ['apps', process.execPath, ['tools/scripts/build-apps.mjs']],
  ['chromium', process.execPath, ['tools/scripts/ensure-chromium.mjs']],
  [
    'tests',
    bin('jest'),
    [
      '--ci',
      '--json',
      `--outputFile=${REPORT}`,
      '--testPathIgnorePatterns',
      'e2e/browser',
      ...process.argv.slice(2),
    ],
  ],
  // Browser journeys alone, so timing checks (live update within 2 s) do not race other suites.
  [
    'browser journeys',
    bin('jest'),
    ['--ci', '--json', `--outputFile=${BROWSER_REPORT}`, 'e2e/browser'],
  ],
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
const reports = [REPORT, BROWSER_REPORT].map((f) => JSON.parse(readFileSync(f, 'utf8')));
const sum = (key) => reports.reduce((n, r) => n + r[key], 0);
console.log(
  `\ntests: ${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests')} skipped`,
);
