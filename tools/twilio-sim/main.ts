import { startTwilioSim } from './server';

/*
 * Runs the simulator standalone: TWILIO_SIM_PORT (default 4011), TWILIO_SIM_ACCOUNT_SID and
 * TWILIO_SIM_AUTH_TOKEN (simulator-only credentials, not Twilio secrets; fixed development values
 * when unset), TWILIO_SIM_NUMBERS (comma-separated senders, default +15550100000 and
 * whatsapp:+15550100000), TWILIO_SIM_INBOUND_URL (where inbound messages to those numbers are
 * POSTed), TWILIO_SIM_STATE_FILE (keep the data in this JSON file between runs),
 * TWILIO_SIM_QUIET=1 (no banner).
 */
async function main(): Promise<void> {
  const env = process.env;
  const stateFile = env['TWILIO_SIM_STATE_FILE'] || undefined;
  const inboundUrl = env['TWILIO_SIM_INBOUND_URL'] || null;
  const numbers = (env['TWILIO_SIM_NUMBERS'] || '+15550100000,whatsapp:+15550100000')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((phoneNumber) => ({ phoneNumber, smsUrl: inboundUrl }));
  const sim = await startTwilioSim({
    port: Number(env['TWILIO_SIM_PORT'] ?? 4011),
    accountSid: env['TWILIO_SIM_ACCOUNT_SID'] || 'AC00000000000000000000000000000000',
    authToken: env['TWILIO_SIM_AUTH_TOKEN'] || 'twilio-sim-auth-token',
    numbers,
    stateFile,
  });
  if (!env['TWILIO_SIM_QUIET']) {
    process.stdout.write(
      [
        `Twilio simulator listening on ${sim.url}`,
        `  API:        ${sim.url}/2010-04-01/Accounts/${sim.accountSid}/Messages.json`,
        `  AccountSid  ${sim.accountSid}`,
        `  AuthToken   ${sim.authToken}`,
        `  Numbers:    ${sim.state.numbers.map((n) => n.phoneNumber).join(', ')}`,
        `  Data:       ${stateFile ?? 'in memory'}`,
        `  Phone:      POST ${sim.url}/_sim/inbound {from, to, body} · messages: GET ${sim.url}/_sim/messages`,
        `  Faults:     POST ${sim.url}/_sim/faults · reset: POST ${sim.url}/_sim/reset`,
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
  process.stderr.write(`[twilio-sim] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
