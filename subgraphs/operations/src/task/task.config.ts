import { z } from 'zod';

const schema = z.object({
  // How often (ms) the escalation job looks for overdue staff tasks.
  TASK_ESCALATION_INTERVAL_MS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number()
      .int()
      .min(1000, 'TASK_ESCALATION_INTERVAL_MS must be at least 1000')
      .default(30_000),
  ),
});

export type TaskConfig = z.infer<typeof schema>;

/** Reads and validates the staff task settings; a bad value throws. */
export function loadTaskConfig(env: NodeJS.ProcessEnv = process.env): TaskConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid staff task configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
