import { publicBaseUrl } from '@attendant/kit';
import { z } from 'zod';

const schema = z.object({
  // Connections of the GPS ingest's own pool (prepared statements); 0 sends fixes through Prisma.
  TRACKING_DB_POOL_SIZE: z.coerce
    .number({ message: 'TRACKING_DB_POOL_SIZE must be a number' })
    .int()
    .min(0)
    .max(50)
    .default(4),
});

export type TrackingConfig = z.infer<typeof schema> & {
  /** Where customers reach the gateway; tracking links are <PUBLIC_BASE_URL>/track/<token>. */
  PUBLIC_BASE_URL: string;
};

/** Reads and validates the tracking settings of the operations subgraph; a bad value throws. */
export function loadTrackingConfig(env: NodeJS.ProcessEnv = process.env): TrackingConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid tracking configuration:\n  ${problems.join('\n  ')}`);
  }
  return { ...parsed.data, PUBLIC_BASE_URL: publicBaseUrl(env) };
}
