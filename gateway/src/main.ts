import 'reflect-metadata';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

async function main(): Promise<void> {
  const running = await startGateway(loadGatewayConfig());
  // A terminal's Ctrl-C reaches us and `npm start` (which then sends SIGTERM): stop once.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  if (process.send) process.once('disconnect', () => void shutdown());
}

void main();
