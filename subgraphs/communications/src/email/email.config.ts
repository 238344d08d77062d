import { publicBaseUrl } from '@attendant/kit';
import { z } from 'zod';
import type { SmtpConfig } from './smtp-client';

/*
 * Configuration of email. SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS) or
 * SMTP_HOST with SMTP_PORT/SMTP_USER/SMTP_PASS/SMTP_SECURE say where mail goes; without either,
 * email is off and sending it is refused. EMAIL_FROM is the sender. MAIL_SINK_URL is the HTTP API
 * of the local mail sink (`npm start` and the tests): only then does the admin show its outbox.
 * Unsubscribe links point at PUBLIC_BASE_URL (the gateway's public origin; see kit's
 * `publicBaseUrl`).
 */

const optionalUrl = (name: string) =>
  z
    .string()
    .url(`${name} must be a URL`)
    .refine((u) => /^https?:\/\//i.test(u), `${name} must be an http(s) URL`)
    .optional();

const schema = z.object({
  SMTP_URL: z
    .string()
    .refine((u) => /^smtps?:\/\/[^/]+/i.test(u), 'SMTP_URL must look like smtp://host:port')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  EMAIL_FROM: z
    .string()
    .refine(
      (v) => /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(v.trim()),
      'EMAIL_FROM must be an address, like "Attendant <no-reply@example.com>"',
    )
    .default('Attendant <no-reply@attendant.localhost>'),
  MAIL_SINK_URL: optionalUrl('MAIL_SINK_URL'),
});

export interface EmailConfig {
  smtp: SmtpConfig | null;
  /** The From header, e.g. "Attendant <no-reply@example.com>". */
  from: string;
  /** The bare sender address of `from`. */
  fromAddress: string;
  sinkUrl: string | null;
  publicBaseUrl: string;
}

export function loadEmailConfig(env: NodeJS.ProcessEnv = process.env): EmailConfig {
  const pick = (name: string) => env[name] || undefined;
  const parsed = schema.safeParse(
    Object.fromEntries(Object.keys(schema.shape).map((k) => [k, pick(k)])),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid email configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  const secure = c.SMTP_SECURE === 'true';
  const smtp: SmtpConfig | null = c.SMTP_URL
    ? { url: c.SMTP_URL }
    : c.SMTP_HOST
      ? {
          host: c.SMTP_HOST,
          port: c.SMTP_PORT ?? (secure ? 465 : 587),
          secure,
          user: c.SMTP_USER ?? null,
          pass: c.SMTP_PASS ?? null,
        }
      : null;
  const from = c.EMAIL_FROM.trim();
  return {
    smtp,
    from,
    fromAddress: (/<([^>]+)>$/.exec(from)?.[1] ?? from).toLowerCase(),
    sinkUrl: c.MAIL_SINK_URL ? c.MAIL_SINK_URL.replace(/\/+$/, '') : null,
    publicBaseUrl: publicBaseUrl(env),
  };
}

/** Read once, on first use: tests learn the sink's and the gateway's ports after start. */
export function lazyEmailConfig(
  load: () => EmailConfig = () => loadEmailConfig(),
): () => EmailConfig {
  let config: EmailConfig | null = null;
  return () => (config ??= load());
}
