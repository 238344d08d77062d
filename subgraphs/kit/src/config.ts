import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  REDIS_URL: z.string().url().optional(),
  ACTOR_SIGNING_SECRET: z.string().min(32, 'ACTOR_SIGNING_SECRET must be at least 32 characters'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  // Encrypts secrets at rest (PMS tokens). Development derives one from the signing secret.
  DATA_ENCRYPTION_KEY: z
    .string()
    .min(32, 'DATA_ENCRYPTION_KEY must be at least 32 characters')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
});

export type KitConfig = z.infer<typeof schema>;

/** Reads and validates the environment once per process; a bad value stops the process. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KitConfig {
  const parsed = schema
    .refine((c) => c.NODE_ENV !== 'production' || c.DATA_ENCRYPTION_KEY, {
      message: 'DATA_ENCRYPTION_KEY is required in production',
      path: ['DATA_ENCRYPTION_KEY'],
    })
    .safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/**
 * Where customers reach the gateway, for links in texts and emails (tracking, payment,
 * unsubscribe): `PUBLIC_BASE_URL`, else the local gateway (`http://localhost:<GATEWAY_PORT>`,
 * default port 4000). Without a trailing slash; anything but an http(s) URL throws.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env['PUBLIC_BASE_URL'] || `http://localhost:${env['GATEWAY_PORT'] || 4000}`;
  if (!/^https?:\/\/[^/\s]+/i.test(raw) || !URL.canParse(raw))
    throw new Error(`Invalid configuration: PUBLIC_BASE_URL must be an http(s) URL, not ${raw}`);
  return raw.replace(/\/+$/, '');
}
