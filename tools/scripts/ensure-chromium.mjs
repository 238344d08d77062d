// Browser journeys run in Debian's Chromium. Installs it (as root, with apt) when it is missing;
// otherwise says how to. CHROMIUM_PATH points at another Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(
    `Chromium is missing at ${path}: run \`sudo apt-get install -y chromium\` or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
console.log('installing Debian chromium (browser journeys need it)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
]) {
  const res = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (res.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${res.status})`);
    process.exit(1);
  }
}
if (!existsSync(path)) {
  console.error(`chromium was installed but ${path} does not exist`);
  process.exit(1);
}
