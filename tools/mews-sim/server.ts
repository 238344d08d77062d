import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { attachAdminRoutes } from './admin';
import { FAULT_MESSAGES, FaultInjector } from './faults';
import { SlidingWindowCounter } from './limiter';
import { isObject, SimHttpError, type Body, type Operation } from './operations/common';
import { addCustomer, getAllCustomers, updateCustomer } from './operations/customers';
import {
  getAllCompanies,
  getAllResources,
  getAllServices,
  updateResources,
} from './operations/enterprise';
import { addOrder } from './operations/orders';
import { getAllReservations } from './operations/reservations';
import { readStateFile, StateSaver, writeStateFile } from './persistence';
import { attachWebhooks, attachWebSocket, WS_PATH } from './push';
import type { HotelSizes, SeedData } from './seed';
import { SimState } from './state';
import type { Faults } from './types';

export { SimState, type SimSnapshot } from './state';
export type { HotelSizes, SeedData } from './seed';
export type * from './types';

export const API_PREFIX = '/api/connector/v1/';

const OPERATIONS: Record<string, Operation> = {
  'reservations/getAll/2023-06-06': getAllReservations,
  'customers/getAll': getAllCustomers,
  'customers/add': addCustomer,
  'customers/update': updateCustomer,
  'companies/getAll': getAllCompanies,
  'services/getAll': getAllServices,
  'resources/getAll': getAllResources,
  'resources/update': updateResources,
  'orders/add': addOrder,
};

export interface MewsSimOptions {
  port?: number;
  seed?: number;
  rateLimit?: { requests: number; windowMs: number };
  /** General webhooks are POSTed here when set. */
  webhookUrl?: string;
  /** Fixed tokens (standalone runs); random per start otherwise. */
  tokens?: { ClientToken: string; AccessToken: string };
  /** Retry-After (seconds) sent with injected 429s. */
  retryAfterS?: number;
  /** The hotel to start from (and `/_sim/reset` to) instead of the seeded one. */
  initialState?: SeedData;
  /** Size of the seeded hotel (default: 60 rooms, 300 customers, 400 reservations, 7 companies). */
  sizes?: HotelSizes;
  /**
   * Keeps the data in this JSON file: loaded at start when it exists, saved atomically shortly
   * after every change and on stop.
   */
  stateFile?: string;
}

export interface MewsSim {
  url: string;
  wsUrl: string;
  tokens: { ClientToken: string; AccessToken: string };
  state: SimState;
  admin: { faults(f: Partial<Faults>): void; reset(): void };
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a stateful Mews Connector API on 127.0.0.1 (port 0 = any free port), in memory or kept in
 * `stateFile`.
 */
export async function startMewsSim(opts: MewsSimOptions = {}): Promise<MewsSim> {
  const tokens = opts.tokens ?? {
    ClientToken: `sim-client-${randomUUID()}`,
    AccessToken: `sim-access-${randomUUID()}`,
  };
  const saved = opts.stateFile ? readStateFile(opts.stateFile) : null;
  const state = new SimState(opts.seed ?? 42, Date.now, opts.initialState, opts.sizes);
  if (saved) state.load(saved);
  const saver = opts.stateFile ? new StateSaver(state, opts.stateFile) : null;
  if (opts.stateFile && !saved) writeStateFile(opts.stateFile, state);
  const limit = opts.rateLimit ?? { requests: 200, windowMs: 30_000 };
  const limiter = new SlidingWindowCounter(limit.requests, limit.windowMs);
  let dropSockets = (): void => undefined;
  const faults = new FaultInjector(() => dropSockets());
  const admin = {
    faults: (f: Partial<Faults>) => faults.set(f),
    reset: () => {
      faults.reset();
      limiter.reset();
      state.reset();
    },
  };

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.locals['requestId'] = randomUUID();
    res.setHeader('Request-Id', res.locals['requestId'] as string);
    next();
  });
  app.use(express.json({ limit: '5mb' }));
  const fail = (res: Response, status: number, message: string): void => {
    res.status(status).json({ Message: message, RequestId: res.locals['requestId'] });
  };

  app.post('/_sim/faults', (req, res) => {
    admin.faults(isObject(req.body) ? (req.body as Partial<Faults>) : {});
    res.json({});
  });
  app.post('/_sim/reset', (_req, res) => {
    admin.reset();
    res.json({});
  });
  app.get('/_sim/health', (_req, res) => {
    res.json({});
  });
  attachAdminRoutes(app, state);

  app.use(async (req: Request, res: Response) => {
    const path = req.originalUrl.split('?')[0]!;
    const operation = path.startsWith(API_PREFIX)
      ? OPERATIONS[path.slice(API_PREFIX.length)]
      : undefined;
    if (req.method !== 'POST' || !operation) return fail(res, 404, `Not found: ${path}`);
    const body: Body = isObject(req.body) ? req.body : {};
    res.on('finish', () => {
      state.requests.push({
        path,
        body,
        status: res.statusCode,
        requestId: res.locals['requestId'] as string,
      });
    });
    for (const name of ['ClientToken', 'AccessToken', 'Client'] as const) {
      if (typeof body[name] !== 'string' || body[name] === '') {
        return fail(res, 400, `Invalid ${name}: the ${name} is required.`);
      }
    }
    if (body['ClientToken'] !== tokens.ClientToken || body['AccessToken'] !== tokens.AccessToken) {
      return fail(res, 401, FAULT_MESSAGES[401]!);
    }
    const slot = limiter.hit(body['AccessToken']);
    if (!slot.allowed) {
      res.setHeader('Retry-After', String(slot.retryAfterS));
      return fail(res, 429, FAULT_MESSAGES[429]!);
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const injected = faults.nextFailure();
    if (injected !== null) {
      if (injected === 429) res.setHeader('Retry-After', String(opts.retryAfterS ?? 1));
      return fail(res, injected, FAULT_MESSAGES[injected] ?? 'Injected failure.');
    }
    try {
      res.json(operation(state, body));
    } catch (error) {
      if (error instanceof SimHttpError) return fail(res, error.status, error.message);
      return fail(res, 500, error instanceof Error ? error.message : 'Internal server error.');
    }
  });
  // Malformed JSON and other errors raised before the operation.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- Express spots error handlers by arity
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    fail(res, status, status === 400 ? 'Invalid JSON body.' : 'Internal server error.');
  });

  const server = createServer(app);
  const ws = attachWebSocket(server, state, tokens);
  dropSockets = ws.dropAll;
  if (opts.webhookUrl) {
    attachWebhooks(state, opts.webhookUrl, {
      duplicate: () => faults.duplicateWebhooks,
      lose: () => faults.loseWebhook(),
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}${WS_PATH}`,
    tokens,
    state,
    admin,
    stop: async () => {
      saver?.flush(true);
      state.removeAllListeners();
      await ws.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
