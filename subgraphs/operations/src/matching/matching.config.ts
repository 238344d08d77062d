import { z } from 'zod';

/**
 * Technicians have no price; to weigh them against vendors, matching assumes a flat internal cost
 * per hour, in minor units of the organization's currency (4500 = 45.00 an hour), from
 * OPERATIONS_TECHNICIAN_HOURLY_COST_MINOR.
 */
export const DEFAULT_TECHNICIAN_HOURLY_COST_MINOR = 4500;

const schema = z.object({
  OPERATIONS_TECHNICIAN_HOURLY_COST_MINOR: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(0).max(10_000_000).default(DEFAULT_TECHNICIAN_HOURLY_COST_MINOR),
  ),
});

export function technicianHourlyCostMinor(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      'OPERATIONS_TECHNICIAN_HOURLY_COST_MINOR must be a whole number of minor units (e.g. 4500)',
    );
  }
  return parsed.data.OPERATIONS_TECHNICIAN_HOURLY_COST_MINOR;
}
