import { startMailSink } from './server';

/*
 * Runs the SMTP sink standalone: MAIL_SINK_SMTP_PORT (default 4025), MAIL_SINK_HTTP_PORT (default
 * 4026), MAIL_SINK_STATE_FILE (keep the mails in this JSON file between runs), MAIL_SINK_QUIET=1
 * (no banner). Both listen on 127.0.0.1 only.
 */
async function main(): Promise<void> {
  const env = process.env;
  const stateFile = env['MAIL_SINK_STATE_FILE'] || undefined;
  const sink = await startMailSink({
    smtpPort: Number(env['MAIL_SINK_SMTP_PORT'] ?? 4025),
    httpPort: Number(env['MAIL_SINK_HTTP_PORT'] ?? 4026),
    stateFile,
  });
  if (!env['MAIL_SINK_QUIET']) {
    process.stdout.write(
      [
        `Mail sink: SMTP ${sink.smtpUrl} · API ${sink.url}/_sink/mails`,
        `  Data:    ${stateFile ?? 'in memory'}`,
        `  Faults:  POST ${sink.url}/_sink/faults {"rejectNext":1,"code":550} · clear: DELETE ${sink.url}/_sink/mails`,
        '',
      ].join('\n'),
    );
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sink.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by `npm start` with an IPC channel: stop (and save) when the parent goes away.
  if (process.send) process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`[mail-sink] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
