import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SimState } from './state';

export const WS_PATH = '/ws/connector';

function parseCookie(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The Connector WebSocket: authenticated by the `Cookie: ClientToken=...;AccessToken=...` header,
 * it pushes `{"Events":[...]}` carrying ids only whenever a reservation or a resource changes.
 */
export function attachWebSocket(
  server: Server,
  state: SimState,
  tokens: { ClientToken: string; AccessToken: string },
): { dropAll(): void; close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cookie = parseCookie(req.headers.cookie);
    if (url.pathname !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (
      cookie['ClientToken'] !== tokens.ClientToken ||
      cookie['AccessToken'] !== tokens.AccessToken
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  const broadcast = (event: Record<string, unknown>): void => {
    const message = JSON.stringify({ Events: [event] });
    wss.clients.forEach((ws: WebSocket) => {
      if (ws.readyState === ws.OPEN) ws.send(message);
    });
  };
  state.on('reservation', (r) =>
    broadcast({
      Type: 'Reservation',
      Id: r.Id,
      State: r.State,
      StartUtc: r.ScheduledStartUtc,
      EndUtc: r.ScheduledEndUtc,
      AssignedResourceId: r.AssignedResourceId,
    }),
  );
  state.on('resource', (r) => broadcast({ Type: 'Resource', Id: r.Id, State: r.State }));

  return {
    dropAll: () => wss.clients.forEach((ws) => ws.terminate()),
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        wss.clients.forEach((ws) => ws.terminate());
        wss.close(() => resolve());
      }),
  };
}

/**
 * General webhooks: `{EnterpriseId, IntegrationId, Events:[{Discriminator, Value:{Id}}]}` for
 * customers (CustomerAdded/CustomerUpdated), resources (ResourceUpdated) and reservations
 * (ServiceOrderUpdated). Faults may duplicate a delivery or lose it.
 */
export function attachWebhooks(
  state: SimState,
  webhookUrl: string,
  faults: { duplicate: () => boolean; lose: () => boolean },
): void {
  const post = (discriminator: string, id: string): void => {
    const body = JSON.stringify({
      EnterpriseId: state.enterpriseId,
      IntegrationId: state.integrationId,
      Events: [{ Discriminator: discriminator, Value: { Id: id } }],
    });
    const times = faults.duplicate() ? 2 : 1;
    for (let i = 0; i < times; i++) {
      if (faults.lose()) continue; // lost on the way: the receiver never hears of it
      fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined); // Mews would retry later; the simulator just drops it.
    }
  };
  state.on('customer', ({ customer, added }) =>
    post(added ? 'CustomerAdded' : 'CustomerUpdated', customer.Id),
  );
  state.on('resource', (r) => post('ResourceUpdated', r.Id));
  // Reservations are service orders in Mews.
  state.on('reservation', (r) => post('ServiceOrderUpdated', r.Id));
}
