import { z } from 'zod';
import { loadTwilioConfig, type TwilioConfig } from '../sms/twilio-client';

/*
 * Configuration of SMS and WhatsApp. TWILIO_WEBHOOK_BASE_URL is where Twilio reaches the gateway
 * (the public origin, behind any proxy): status callback URLs are built from it, and webhook
 * signatures are checked against it. It defaults to the gateway on this machine.
 */

const schema = z.object({
  TWILIO_WEBHOOK_BASE_URL: z
    .string()
    .url('TWILIO_WEBHOOK_BASE_URL must be a URL, like https://api.example.com')
    .optional(),
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
});

// After how long work left by a stopped worker is picked up again (see SendWorker.recover).
const recovery = z.coerce
  .number()
  .int()
  .min(20, 'MESSAGING_RECOVERY_SECONDS must be at least 20 (longer than a Twilio request)')
  .max(86_400)
  .default(120);

/** `MESSAGING_RECOVERY_SECONDS` in ms: sends and firings claimed longer ago are taken up again. */
export function loadRecoveryMs(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = recovery.safeParse(env['MESSAGING_RECOVERY_SECONDS'] || undefined);
  if (!parsed.success)
    throw new Error(
      `Invalid messaging configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  return parsed.data * 1000;
}

export interface MessagingConfig {
  twilio: TwilioConfig | null;
  webhookBaseUrl: string;
}

export function loadMessagingConfig(env: NodeJS.ProcessEnv = process.env): MessagingConfig {
  const parsed = schema.safeParse({
    TWILIO_WEBHOOK_BASE_URL: env['TWILIO_WEBHOOK_BASE_URL'] || undefined,
    GATEWAY_PORT: env['GATEWAY_PORT'] || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid messaging configuration:\n  ${problems.join('\n  ')}`);
  }
  return {
    twilio: loadTwilioConfig(env),
    webhookBaseUrl:
      parsed.data.TWILIO_WEBHOOK_BASE_URL ?? `http://127.0.0.1:${parsed.data.GATEWAY_PORT}`,
  };
}

/**
 * Read once, on first use rather than at import: a process (or a test) may learn where its
 * gateway listens only after the subgraphs have started.
 */
export function lazyMessagingConfig(
  load: () => MessagingConfig = () => loadMessagingConfig(),
): () => MessagingConfig {
  let config: MessagingConfig | null = null;
  return () => (config ??= load());
}

/** The path of an organization's Twilio webhooks at the gateway. */
export const twilioWebhookPath = (token: string, kind: 'status' | 'inbound'): string =>
  `/webhooks/twilio/${token}/${kind}`;
