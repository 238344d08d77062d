import { existsSync } from 'node:fs';
import { readSeedData } from './persistence';
import { startMewsSim } from './server';

/*
 * Runs the simulator standalone: MEWS_SIM_PORT (default 4010), MEWS_SIM_SEED, MEWS_SIM_WEBHOOK_URL,
 * MEWS_SIM_CLIENT_TOKEN / MEWS_SIM_ACCESS_TOKEN (simulator-only tokens, not Mews secrets),
 * MEWS_SIM_STATE_FILE (keep the data in this JSON file between runs), MEWS_SIM_INITIAL_STATE (a
 * JSON hotel to start from while the state file does not exist yet, e.g. the platform's demo
 * hotel; also what /_sim/reset goes back to), MEWS_SIM_QUIET=1 (no banner).
 */
async function main(): Promise<void> {
  const stateFile = process.env['MEWS_SIM_STATE_FILE'] || undefined;
  const initialFile = process.env['MEWS_SIM_INITIAL_STATE'] || undefined;
  // Needed to start when there is no saved state yet; otherwise only for /_sim/reset.
  const needInitial = !stateFile || !existsSync(stateFile);
  const initialState =
    initialFile && (needInitial || existsSync(initialFile)) ? readSeedData(initialFile) : undefined;
  const sim = await startMewsSim({
    port: Number(process.env['MEWS_SIM_PORT'] ?? 4010),
    seed: Number(process.env['MEWS_SIM_SEED'] ?? 42),
    webhookUrl: process.env['MEWS_SIM_WEBHOOK_URL'] || undefined,
    tokens: {
      ClientToken: process.env['MEWS_SIM_CLIENT_TOKEN'] ?? 'sim-client-token',
      AccessToken: process.env['MEWS_SIM_ACCESS_TOKEN'] ?? 'sim-access-token',
    },
    stateFile,
    initialState,
  });
  if (!process.env['MEWS_SIM_QUIET']) {
    process.stdout.write(
      [
        `Mews simulator listening on ${sim.url}`,
        `  API:        ${sim.url}/api/connector/v1/{resource}/{operation}`,
        `  WebSocket:  ${sim.wsUrl}`,
        `  ClientToken ${sim.tokens.ClientToken}`,
        `  AccessToken ${sim.tokens.AccessToken}`,
        `  Data:       ${stateFile ?? 'in memory'}`,
        `  Faults:     POST ${sim.url}/_sim/faults · reset: POST ${sim.url}/_sim/reset`,
        `  Changes:    POST ${sim.url}/_sim/reservations/:id · /_sim/resources/:id/state · /_sim/customers/:id`,
        '',
      ].join('\n'),
    );
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by `npm start` with an IPC channel: stop (and save) when the parent goes away.
  if (process.send) process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`[mews-sim] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
