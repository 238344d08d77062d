import { z } from 'zod';

/** An empty variable (`NAME=` in a .env file) counts as unset, so its default applies. */
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

const schema = z.object({
  // How often the breach monitor scans open work orders for SLA warnings and breaches.
  SLA_MONITOR_INTERVAL_MS: z.preprocess(
    unsetIfEmpty,
    z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  ),
});

export type SlaConfig = z.infer<typeof schema>;

/** Reads and validates the SLA settings once per process; a bad value throws. */
export function loadSlaConfig(env: NodeJS.ProcessEnv = process.env): SlaConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid SLA configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
