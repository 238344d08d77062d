import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  ACTOR_SIGNING_SECRET: z.string().min(32, 'ACTOR_SIGNING_SECRET must be at least 32 characters'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  // gateway/src → gateway/supergraph.graphql, also when running from dist/gateway/src.
  SUPERGRAPH_PATH: z
    .string()
    .default(
      path.resolve(
        __dirname.replace(`${path.sep}dist${path.sep}`, path.sep),
        '..',
        'supergraph.graphql',
      ),
    ),
  // Built web apps served from the same origin: <APPS_DIR>/admin → /admin/, <APPS_DIR>/mobile → /app/.
  APPS_DIR: z
    .string()
    .default(
      path.resolve(
        __dirname.replace(`${path.sep}dist${path.sep}`, path.sep),
        '..',
        '..',
        'dist',
        'apps',
      ),
    ),
  GUESTS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  OPERATIONS_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
  FINANCE_URL: z.string().url().default('http://127.0.0.1:4003/graphql'),
  COMMUNICATIONS_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
  ANALYTICS_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:4200,http://localhost:8100,http://127.0.0.1:4000')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(12),
  MAX_QUERY_COST: z.coerce.number().int().min(10).default(20_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  // Loads of one customer tracking page (/track/<token>) per minute, per link.
  TRACKING_PAGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  DEDUPLICATE_SUBGRAPH_REQUESTS: bool.default('true'),
  EXPLORER: bool.optional(),
});

export type GatewayConfig = z.infer<typeof schema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid gateway configuration:\n  ${problems.join('\n  ')}`);
  }
  if (!parsed.data.DATABASE_URL && !parsed.data.REDIS_URL) {
    throw new Error(
      'Invalid gateway configuration: set DATABASE_URL (Postgres event bus) or REDIS_URL',
    );
  }
  return parsed.data;
}

export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    guests: config.GUESTS_URL,
    operations: config.OPERATIONS_URL,
    finance: config.FINANCE_URL,
    communications: config.COMMUNICATIONS_URL,
    analytics: config.ANALYTICS_URL,
  };
}
