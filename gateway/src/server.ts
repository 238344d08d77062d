import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ANONYMOUS,
  createEventBus,
  createLogger,
  REQUEST_ID_HEADER,
  signActor,
  type Actor,
} from '@attendant/kit';
import cors from 'cors';
import express from 'express';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { AuthenticationError, Authenticator } from './authenticate';
import { subgraphUrls, type GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { dedupingFetcher, SignedDataSource } from './data-source';
import { costLimitPlugin, depthRule, RateLimits } from './limits';
import { SubscriptionHub } from './subscriptions/hub';
import { trackingPageRouter } from './tracking-page/tracking-page';
import { paymentPageRouter } from './payment-page';
import { locationsProxy } from './locations-proxy';
import { uploadsProxy } from './uploads-proxy';
import { unsubscribeRouter } from './unsubscribe-route';

export interface RunningGateway {
  url: string;
  /** http://host:port, where /admin/ and /app/ are served when built. */
  origin: string;
  wsUrl: string;
  server: Server;
  hub: SubscriptionHub;
  stop(): Promise<void>;
}

const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;

const unauthenticated = (message: string) => ({
  errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }],
});

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const urls = subgraphUrls(config);
  const fetcher = dedupingFetcher(config.DEDUPLICATE_SUBGRAPH_REQUESTS);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new SignedDataSource(urls[name] ?? url!, config.ACTOR_SIGNING_SECRET, fetcher),
  });
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: s }) => {
    apiSchema = s;
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = createServer(app);
  const explorer = config.EXPLORER ?? config.NODE_ENV !== 'production';

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Introspection only for signed-in staff in production (checked in the context below).
    introspection: true,
    csrfPrevention: true,
    validationRules: [depthRule(config.MAX_QUERY_DEPTH)],
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      costLimitPlugin(config.MAX_QUERY_COST),
      ...(explorer ? [] : [ApolloServerPluginLandingPageDisabled()]),
      {
        async requestDidStart({ contextValue, request }) {
          const started = performance.now();
          return {
            async willSendResponse({ response, errors }) {
              contextValue.logger.info(
                {
                  op: request.operationName,
                  ms: Math.round(performance.now() - started),
                  errors: errors?.length ?? 0,
                },
                'graphql request',
              );
              response.http.headers.set(REQUEST_ID_HEADER, contextValue.requestId);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 })
    : undefined;
  const limits = new RateLimits(
    config.RATE_LIMIT_PER_MINUTE,
    redis,
    config.TRACKING_PAGE_RATE_LIMIT_PER_MINUTE,
  );
  const auth = new Authenticator(
    config.JWT_SECRET,
    config.ACTOR_SIGNING_SECRET,
    urls['operations']!,
  );
  const bus = createEventBus({
    databaseUrl: config.DATABASE_URL ?? '',
    redisUrl: config.REDIS_URL,
    logger,
  });

  const hub = new SubscriptionHub(
    bus,
    async (query, variables, actor) => {
      const res = await apollo.executeOperation(
        { query, variables },
        { contextValue: { actor, requestId: randomUUID(), logger } },
      );
      return res.body.kind === 'single' ? res.body.singleResult : { data: null };
    },
    logger,
  );
  await hub.start();

  // The admin console and the technician app, same origin as the API (no CORS needed).
  const served: string[] = [];
  for (const [mount, name] of [
    ['/admin', 'admin'],
    ['/app', 'mobile'],
  ] as const) {
    const dir = path.join(config.APPS_DIR, name, 'browser');
    if (!existsSync(path.join(dir, 'index.html'))) continue;
    served.push(mount);
    app.use(mount, express.static(dir, { index: false, maxAge: '1h', immutable: false }));
    app.get([mount, `${mount}/*rest`], (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dir, 'index.html'));
    });
  }
  if (served.includes('/admin')) app.get('/', (_req, res) => res.redirect('/admin/'));

  // The customer's tracking page (public; it polls the public trackVisit query).
  app.use('/track', trackingPageRouter(limits));
  // The customer's invoice page behind a payment link (public; finance checks the token).
  app.use(
    '/pay',
    paymentPageRouter({
      limits,
      financeUrl: urls['finance']!,
      secret: config.ACTOR_SIGNING_SECRET,
      logger,
    }),
  );
  // GPS fixes of technicians, the lean way (see locations-proxy.ts).
  app.use(
    '/api/locations',
    locationsProxy({
      auth,
      limits,
      operationsUrl: urls['operations']!,
      secret: config.ACTOR_SIGNING_SECRET,
      logger,
    }),
  );
  app.use(
    '/uploads',
    uploadsProxy({
      auth,
      limits,
      operationsUrl: urls['operations']!,
      secret: config.ACTOR_SIGNING_SECRET,
      logger,
    }),
  );

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        try {
          const r = await fetch(url.replace(/\/graphql$/, '/ready'), {
            signal: AbortSignal.timeout(2000),
          });
          return [name, r.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const ok = apiSchema !== null && checks.every(([, up]) => up);
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
  });

  // Mews general webhooks: public, rate-limited, forwarded to the guests subgraph (which checks
  // the secret in the path). Answered well within the 5 s Mews allows.
  app.post('/webhooks/mews/:secret', express.json({ limit: '256kb' }), async (req, res) => {
    const wait = await limits.consumeWebhook(req.ip ?? 'unknown');
    if (wait !== null) {
      res.setHeader('Retry-After', String(wait));
      res.status(429).json({ message: `Too many requests; try again in ${wait} s` });
      return;
    }
    const secret = req.params['secret'] ?? '';
    if (!/^[A-Za-z0-9_-]{16,100}$/.test(secret) || !urls['guests']) {
      res.status(404).json({ message: 'Unknown webhook' });
      return;
    }
    try {
      const forwarded = await fetch(
        urls['guests'].replace(/\/graphql$/, `/internal/webhooks/mews/${secret}`),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signActor(ANONYMOUS, config.ACTOR_SIGNING_SECRET),
          },
          body: JSON.stringify(req.body ?? {}),
          signal: AbortSignal.timeout(4500),
        },
      );
      res.status(forwarded.status).json(await forwarded.json());
    } catch (err) {
      logger.warn({ err }, 'mews webhook could not be forwarded');
      res.status(503).json({ message: 'Try again later' });
    }
  });

  // Twilio webhooks (status callbacks, inbound messages): public, form-encoded, rate-limited,
  // forwarded with the raw parameters, the signature and the path Twilio called to the
  // communications subgraph, which checks the signature against the public URL (403 otherwise).
  app.post(
    '/webhooks/twilio/:token/:kind',
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res) => {
      const wait = await limits.consumeWebhook(req.ip ?? 'unknown');
      if (wait !== null) {
        res.setHeader('Retry-After', String(wait));
        res.status(429).json({ message: `Too many requests; try again in ${wait} s` });
        return;
      }
      const token = req.params['token'] ?? '';
      const kind = req.params['kind'] ?? '';
      if (
        !/^[A-Za-z0-9_-]{16,100}$/.test(token) ||
        (kind !== 'status' && kind !== 'inbound') ||
        !urls['communications']
      ) {
        res.status(404).json({ message: 'Unknown webhook' });
        return;
      }
      try {
        const forwarded = await fetch(
          urls['communications'].replace(
            /\/graphql$/,
            `/internal/webhooks/twilio/${token}/${kind}`,
          ),
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...signActor(ANONYMOUS, config.ACTOR_SIGNING_SECRET),
            },
            body: JSON.stringify({
              url: req.originalUrl,
              signature: req.header('x-twilio-signature'),
              params: req.body ?? {},
            }),
            // Twilio waits 15 s for an answer.
            signal: AbortSignal.timeout(14_000),
          },
        );
        res
          .status(forwarded.status)
          .type(forwarded.headers.get('content-type') ?? 'text/plain')
          .send(await forwarded.text());
      } catch (err) {
        logger.warn({ err }, 'twilio webhook could not be forwarded');
        res.status(503).json({ message: 'Try again later' });
      }
    },
  );

  // Unsubscribe links of marketing emails (public, token-validated, rate-limited).
  app.use(
    '/email/unsubscribe',
    unsubscribeRouter({
      limits,
      communicationsUrl: urls['communications'],
      secret: config.ACTOR_SIGNING_SECRET,
      logger,
    }),
  );

  const corsMiddleware = cors({
    origin: (origin, cb) => cb(null, !origin || config.CORS_ORIGINS.includes(origin)),
    credentials: false,
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-api-key',
      'apollo-require-preflight',
      REQUEST_ID_HEADER,
    ],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });

  // Requests are small, except attachment uploads (base64 photos and signatures of up to 5 MB):
  // the credential (headers only) is verified and rate-limited first, and only a verified
  // user or API key gets the larger body limit.
  const smallBody = express.json({ limit: '200kb' });
  const uploadBody = express.json({ limit: '8mb' });
  app.use(
    '/graphql',
    corsMiddleware,
    async (req, res, next) => {
      const requestId = req.header(REQUEST_ID_HEADER)?.slice(0, 100) || randomUUID();
      res.locals['requestId'] = requestId;
      try {
        const actor = await auth.fromHeaders(req.header('authorization'), req.header('x-api-key'));
        res.locals['actor'] = actor;
        const wait = await limits.consume(actor, req.ip ?? 'unknown');
        if (wait !== null) {
          res.setHeader('Retry-After', String(wait));
          res.status(429).json({
            errors: [
              {
                message: `Too many requests; try again in ${wait} s`,
                extensions: { code: 'RATE_LIMITED' },
              },
            ],
          });
          return;
        }
        next();
      } catch (err) {
        if (err instanceof AuthenticationError) {
          res.status(401).json(unauthenticated(err.message));
          return;
        }
        next(err);
      }
    },
    (req, res, next) =>
      ((res.locals['actor'] as Actor).kind === 'anonymous' ? smallBody : uploadBody)(
        req,
        res,
        next,
      ),
    (req, res, next) => {
      // In production the schema is explored by signed-in staff only.
      const query = typeof req.body?.query === 'string' ? req.body.query : '';
      if (
        config.NODE_ENV === 'production' &&
        (res.locals['actor'] as Actor).kind !== 'user' &&
        /\b__schema\b/.test(query)
      ) {
        res.status(401).json(unauthenticated('Sign in to explore the schema'));
        return;
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        actor: res.locals['actor'] as Actor,
        requestId: res.locals['requestId'] as string,
        logger: logger.child({ requestId: res.locals['requestId'] }),
      }),
    }),
  );

  // graphql-ws on the same path: authenticated once on connection_init, authorised per operation.
  const wsDepthRule = depthRule(config.MAX_QUERY_DEPTH);
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 64 * 1024 });
  const wsCleanup = useServer<Record<string, unknown>, { actor?: Actor; active?: Set<string> }>(
    {
      schema: () => apiSchema!,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        try {
          const authorization =
            typeof params['authorization'] === 'string' ? params['authorization'] : undefined;
          const apiKey = typeof params['apiKey'] === 'string' ? params['apiKey'] : undefined;
          const { actor, expiresAt } = await auth.identify(authorization, apiKey);
          if (actor.kind === 'anonymous') return false;
          ctx.extra.actor = actor;
          ctx.extra.active = new Set();
          // The socket ends when the token does (4401); clients reconnect with a fresh token.
          if (expiresAt) {
            const timer = setTimeout(
              () => ctx.extra.socket.close(4401, 'Access token expired'),
              Math.max(0, expiresAt.getTime() - Date.now()),
            );
            timer.unref();
            ctx.extra.socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch (err) {
          // An expired or invalid token closes with 4401 (as HTTP answers 401), so the client
          // refreshes it and reconnects; graphql-ws would otherwise answer 4403 Forbidden.
          if (err instanceof AuthenticationError)
            ctx.extra.socket.close(4401, 'Access token expired or not valid');
          return false;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const schema = apiSchema!;
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, wsDepthRule]);
        if (errors.length > 0) return errors;
        const denied = SubscriptionHub.check(document, payload.operationName, ctx.extra.actor!);
        if (denied) return [denied];
        // One connection holds a bounded number of live subscriptions.
        if (ctx.extra.active!.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(
              `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`,
            ),
          ];
        }
        ctx.extra.active!.add(id);
        return {
          schema,
          document,
          variableValues: payload.variables ?? {},
          operationName: payload.operationName ?? undefined,
          contextValue: { actor: ctx.extra.actor },
        };
      },
      onComplete: (ctx, id) => {
        ctx.extra.active?.delete(id);
      },
      subscribe: (args) => hub.subscribe(args, (args.contextValue as { actor: Actor }).actor),
    },
    wss,
  );

  await new Promise<void>((resolve) =>
    httpServer.listen(config.GATEWAY_PORT, config.HOST, resolve),
  );
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.GATEWAY_PORT;
  const url = `http://${config.HOST}:${port}/graphql`;
  logger.info({ url, apps: served }, 'gateway listening');

  return {
    url,
    origin: url.replace(/\/graphql$/, ''),
    wsUrl: url.replace(/^http/, 'ws'),
    server: httpServer,
    hub,
    async stop() {
      bus.beginClose();
      await hub.stop();
      await wsCleanup.dispose(); // also closes the WebSocket server
      await apollo.stop();
      await bus.close();
      redis?.disconnect();
    },
  };
}
