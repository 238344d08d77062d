import { z } from 'zod';

/** An empty variable (`NAME=` in a .env file) counts as unset, so its default applies. */
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

const schema = z.object({
  MEWS_CLIENT_NAME: z.preprocess(unsetIfEmpty, z.string().min(1).default('Attendant 1.0.0')),
  MEWS_RATE_LIMIT_REQUESTS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(200)),
  MEWS_RATE_LIMIT_WINDOW_MS: z.preprocess(
    unsetIfEmpty,
    z.coerce.number().int().min(1).default(30_000),
  ),
  // Entities per getAll page (Mews allows 1..1000).
  MEWS_PAGE_SIZE: z.preprocess(
    unsetIfEmpty,
    z.coerce.number().int().min(1).max(1000).default(1000),
  ),
  // How often a worker looks for due polls and orphaned runs, and how long a run's lease lasts.
  MEWS_WORKER_TICK_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(50).default(2000)),
  MEWS_LEASE_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(500).default(20_000)),
  // First retry backoff step after a 5xx or timeout (doubles per attempt, with jitter).
  MEWS_BACKOFF_BASE_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(500)),
  MEWS_POLL_OVERLAP_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).default(300_000)),
  MEWS_WEBHOOK_BASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .url({ message: 'MEWS_WEBHOOK_BASE_URL must be an http(s) URL' })
      .refine((u) => /^https?:\/\//i.test(u), 'MEWS_WEBHOOK_BASE_URL must be an http(s) URL')
      .default('http://127.0.0.1:4000'),
  ),
});

export type MewsConfig = z.infer<typeof schema>;

/** Reads and validates the Mews settings of the guests subgraph; a bad value throws. */
export function loadMewsConfig(env: NodeJS.ProcessEnv = process.env): MewsConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid Mews configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
