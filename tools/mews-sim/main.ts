import { startMewsSim } from './server';

/*
 * Runs the simulator standalone: MEWS_SIM_PORT (default 4010), MEWS_SIM_SEED, MEWS_SIM_WEBHOOK_URL,
 * MEWS_SIM_CLIENT_TOKEN / MEWS_SIM_ACCESS_TOKEN (simulator-only tokens, not Mews secrets).
 */
async function main(): Promise<void> {
  const sim = await startMewsSim({
    port: Number(process.env['MEWS_SIM_PORT'] ?? 4010),
    seed: Number(process.env['MEWS_SIM_SEED'] ?? 42),
    webhookUrl: process.env['MEWS_SIM_WEBHOOK_URL'] || undefined,
    tokens: {
      ClientToken: process.env['MEWS_SIM_CLIENT_TOKEN'] ?? 'sim-client-token',
      AccessToken: process.env['MEWS_SIM_ACCESS_TOKEN'] ?? 'sim-access-token',
    },
  });
  process.stdout.write(
    [
      `Mews simulator listening on ${sim.url}`,
      `  API:        ${sim.url}/api/connector/v1/{resource}/{operation}`,
      `  WebSocket:  ${sim.wsUrl}`,
      `  ClientToken ${sim.tokens.ClientToken}`,
      `  AccessToken ${sim.tokens.AccessToken}`,
      `  Faults:     POST ${sim.url}/_sim/faults · reset: POST ${sim.url}/_sim/reset`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
