import type { MewsConnection } from '@attendant/db';
import type { Logger } from '@attendant/kit';
import WebSocket from 'ws';
import { z } from 'zod';
import type { MewsConnections } from './mews-connections';

const message = z.object({
  Events: z.array(z.object({ Type: z.string(), Id: z.string().min(1) }).passthrough()),
});

interface Handlers {
  onEvent(
    organizationId: string,
    entityType: 'Reservation' | 'Resource',
    id: string,
  ): Promise<void>;
  onReconnect(organizationId: string): Promise<void>;
}

interface Socket {
  key: string;
  ws: WebSocket | null;
  timer: NodeJS.Timeout | null;
  attempts: number;
  closed: boolean;
}

/**
 * One Connector WebSocket per connection, authenticated by the token cookie. Events carry ids
 * only: each becomes a targeted fetch. A dropped socket reconnects with backoff and asks for a
 * poll, because events sent while it was down are gone.
 */
export class MewsSockets {
  private readonly sockets = new Map<string, Socket>();

  constructor(
    private readonly connections: MewsConnections,
    private readonly logger: Logger,
    private readonly handlers: Handlers,
  ) {}

  reconcile(connections: MewsConnection[]): void {
    const wanted = new Map(
      connections
        .filter((c) => c.status === 'CONNECTED' && c.webSocketUrl && c.importedAt)
        .map((c) => [c.organizationId, c]),
    );
    for (const [organizationId, socket] of this.sockets) {
      const c = wanted.get(organizationId);
      if (!c || socket.key !== keyOf(c)) this.close(organizationId);
    }
    for (const [organizationId, c] of wanted) {
      if (!this.sockets.has(organizationId)) this.open(c);
    }
  }

  closeAll(): void {
    for (const organizationId of [...this.sockets.keys()]) this.close(organizationId);
  }

  private open(connection: MewsConnection, socket?: Socket): void {
    const state: Socket = socket ?? {
      key: keyOf(connection),
      ws: null,
      timer: null,
      attempts: 0,
      closed: false,
    };
    this.sockets.set(connection.organizationId, state);
    const { clientToken, accessToken } = this.connections.tokens(connection);
    const url = `${connection.webSocketUrl!.replace(/\/$/, '')}/ws/connector`;
    const ws = new WebSocket(url, {
      headers: { Cookie: `ClientToken=${clientToken};AccessToken=${accessToken}` },
    });
    state.ws = ws;
    const log = this.logger.child({ organizationId: connection.organizationId });
    ws.on('open', () => {
      log.info({ url }, 'mews websocket connected');
      if (state.attempts > 0) void this.handlers.onReconnect(connection.organizationId);
      state.attempts = 0;
    });
    ws.on('message', (data) => {
      let parsed;
      try {
        parsed = message.parse(JSON.parse(data.toString()));
      } catch {
        log.warn('mews websocket sent an unreadable message');
        return;
      }
      void this.connections.markEvent(connection.organizationId);
      for (const event of parsed.Events) {
        if (event.Type === 'Reservation' || event.Type === 'Resource') {
          this.handlers
            .onEvent(connection.organizationId, event.Type, event.Id)
            .catch((err: unknown) => log.warn({ err }, 'could not queue a mews event'));
        }
      }
    });
    ws.on('error', (err) => log.warn({ err: err.message }, 'mews websocket error'));
    ws.on('close', () => {
      if (state.closed) return;
      state.attempts++;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(state.attempts, 6));
      log.warn({ delay }, 'mews websocket closed; reconnecting');
      state.timer = setTimeout(() => {
        if (!state.closed) this.open(connection, state);
      }, delay);
    });
  }

  private close(organizationId: string): void {
    const socket = this.sockets.get(organizationId);
    if (!socket) return;
    socket.closed = true;
    if (socket.timer) clearTimeout(socket.timer);
    socket.ws?.terminate();
    this.sockets.delete(organizationId);
  }
}

const keyOf = (c: MewsConnection) => `${c.webSocketUrl}|${c.accessTokenEnc}|${c.clientTokenEnc}`;
