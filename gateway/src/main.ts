import 'reflect-metadata';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

async function main(): Promise<void> {
  const running = await startGateway(loadGatewayConfig());
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  if (process.send) process.once('disconnect', () => void shutdown());
}

void main();
