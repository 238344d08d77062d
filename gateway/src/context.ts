import type { Actor, Logger } from '@attendant/kit';

export interface GatewayContext {
  actor: Actor;
  requestId: string;
  logger: Logger;
}
