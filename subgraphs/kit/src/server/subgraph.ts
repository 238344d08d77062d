import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ACTOR_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER, verifyActor } from '../auth/actor';
import { loadConfig, type KitConfig } from '../config';
import { createDb, type Db } from '../db/prisma';
import { createEventBus, type EventBus } from '../events/bus';
import type { DomainSchema } from '../events/event';
import { busSink, OutboxRelay } from '../events/relay';
import { Jobs, type EventConsumer } from '../jobs/jobs';
import { createLogger, type Logger } from '../logger';
import type { SubgraphContext } from './context';
import { formatError } from './format-error';

export interface SubgraphDeps {
  db: Db;
  config: KitConfig;
  logger: Logger;
  /** The job queue; absent when a schema is built without running (e.g. composing). */
  jobs?: Jobs;
}

/** Stops what `background` started. */
export type StopBackground = () => Promise<void>;

/** What a subgraph package exports; the runner, the composer and the tests all use it. */
export interface SubgraphDefinition {
  name: DomainSchema;
  buildSchema(deps: SubgraphDeps): Promise<GraphQLSchema>;
  consumers?(deps: SubgraphDeps): EventConsumer[];
  /** Extra internal HTTP routes, callable by the gateway only (signed). */
  internalRoutes?(deps: SubgraphDeps, router: express.Router): void;
  /** Workers, timers and sockets of the process; started after the server listens. */
  background?(deps: Required<SubgraphDeps>): Promise<StopBackground>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  db: Db;
  jobs: Jobs;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

/** Starts one subgraph process: HTTP server, outbox relay, job consumers. */
export async function startSubgraph(
  def: SubgraphDefinition,
  config: KitConfig,
  opts: { port: number; host?: string; onQuery?: ((sql: string) => void) | undefined },
): Promise<RunningSubgraph> {
  const logger = createLogger(`subgraph-${def.name}`, config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL, config.DB_POOL_SIZE, opts.onQuery);
  const jobs = new Jobs(config.DATABASE_URL, def.name, db, logger);
  await jobs.start();
  const deps: Required<SubgraphDeps> = { db, config, logger, jobs };
  const schema = await def.buildSchema(deps);

  const bus: EventBus = createEventBus({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    logger,
  });
  for (const consumer of def.consumers?.(deps) ?? []) await jobs.consume(consumer);
  const relay = new OutboxRelay(def.name, config.DATABASE_URL, [busSink(bus), jobs.sink], logger);
  await relay.start();

  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    // The gateway asks for no traces; never spend time recording them.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: formatError(logger),
    introspection: true,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: def.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await db.$queryRawUnsafe('SELECT 1');
      res.json({ status: 'ready', service: def.name });
    } catch (err) {
      logger.warn({ err }, 'not ready');
      res.status(503).json({ status: 'unavailable', service: def.name });
    }
  });

  // Only the gateway may call a subgraph: every other route needs its signature.
  const requireGateway: express.RequestHandler = (req, res, next) => {
    const actor = verifyActor(
      req.header(ACTOR_HEADER),
      req.header(SIGNATURE_HEADER),
      config.ACTOR_SIGNING_SECRET,
    );
    if (!actor) {
      res.status(401).json({
        errors: [
          {
            message: 'Requests must come through the gateway',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
      return;
    }
    res.locals['actor'] = actor;
    next();
  };

  if (def.internalRoutes) {
    const router = express.Router();
    router.use(express.json({ limit: '256kb' }));
    def.internalRoutes(deps, router);
    // A body that is not JSON (or too large) answers in JSON like every other refusal here, not
    // with Express's HTML page: the gateway passes it on to the caller as it is.
    router.use(
      (
        err: { status?: number },
        _req: express.Request,
        res: express.Response,
        next: express.NextFunction,
      ): void => {
        if (res.headersSent) return next(err);
        const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
        res.status(status).json({
          code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL',
          message:
            status === 413
              ? 'The body is too large'
              : status < 500
                ? 'The body is not valid JSON'
                : 'Something went wrong',
        });
      },
    );
    app.use('/internal', requireGateway, router);
  }

  app.use(
    '/graphql',
    requireGateway,
    // The gateway admits up to 8 MB from signed-in callers (attachment uploads).
    express.json({ limit: '8mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = req.header(REQUEST_ID_HEADER) ?? randomUUID();
        return {
          actor: res.locals['actor'],
          requestId,
          logger: logger.child({ requestId }),
          loaders: new Map(),
        };
      },
    }),
  );

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, 'subgraph listening');
  const stopBackground = def.background ? await def.background(deps) : null;

  return {
    name: def.name,
    url,
    db,
    jobs,
    relay,
    async stop() {
      jobs.beginStop();
      relay.beginStop();
      await stopBackground?.();
      bus.beginClose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      await relay.stop();
      await jobs.stop();
      await bus.close();
      await db.$disconnect();
    },
  };
}

/** Entry point of a subgraph process: reads the environment, starts, stops on a signal. */
export async function runSubgraphProcess(
  def: SubgraphDefinition,
  portVar: string,
  defaultPort: number,
): Promise<void> {
  const config = loadConfig();
  const port = Number(process.env[portVar] ?? process.env['PORT'] ?? defaultPort);
  const running = await startSubgraph(def, config, {
    port,
    host: process.env['HOST'] ?? '127.0.0.1',
  });
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
  // Started by `npm start` with an IPC channel: when the starter goes, so do we.
  if (process.send) process.once('disconnect', () => void shutdown());
}
