import twilio from 'twilio';
import { z } from 'zod';
import { parseDeliveryStatus, type DeliveryStatus } from './status';
import { SmsError, SmsErrorCode } from './sms.errors';

/*
 * The Twilio SDK, made from configuration. Production talks to api.twilio.com; development and
 * tests set TWILIO_API_BASE_URL to the simulator (tools/twilio-sim), which the unchanged SDK then
 * calls instead (the SDK builds every Messaging URL from `client.api.baseUrl`).
 */

const schema = z.object({
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits'),
  TWILIO_AUTH_TOKEN: z.string().min(1, 'TWILIO_AUTH_TOKEN is required with TWILIO_ACCOUNT_SID'),
  TWILIO_API_BASE_URL: z
    .string()
    .url('TWILIO_API_BASE_URL must be a URL, like http://127.0.0.1:4011')
    .optional(),
});

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Where the REST API is (the simulator); api.twilio.com when unset. */
  apiBaseUrl?: string;
}

/** Twilio settings from the environment, or null when SMS is not configured at all. */
export function loadTwilioConfig(env: NodeJS.ProcessEnv = process.env): TwilioConfig | null {
  const pick = (name: string) => env[name] || undefined;
  const values = {
    TWILIO_ACCOUNT_SID: pick('TWILIO_ACCOUNT_SID'),
    TWILIO_AUTH_TOKEN: pick('TWILIO_AUTH_TOKEN'),
    TWILIO_API_BASE_URL: pick('TWILIO_API_BASE_URL'),
  };
  if (!values.TWILIO_ACCOUNT_SID && !values.TWILIO_AUTH_TOKEN) return null;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid Twilio configuration:\n  ${problems.join('\n  ')}`);
  }
  return {
    accountSid: parsed.data.TWILIO_ACCOUNT_SID,
    authToken: parsed.data.TWILIO_AUTH_TOKEN,
    apiBaseUrl: parsed.data.TWILIO_API_BASE_URL,
  };
}

export type TwilioClient = twilio.Twilio;

/** A request to Twilio gives up after this; a send claimed longer ago cannot still be in flight. */
export const TWILIO_TIMEOUT_MS = 15_000;

export function createTwilioClient(config: TwilioConfig): TwilioClient {
  const client = twilio(config.accountSid, config.authToken, { timeout: TWILIO_TIMEOUT_MS });
  if (config.apiBaseUrl) client.api.baseUrl = config.apiBaseUrl;
  return client;
}

export type SendSmsInput = {
  to: string;
  /** The text; left out when an approved template (contentSid) is sent instead. */
  body?: string;
  /** Where Twilio POSTs the delivery status (signed). */
  statusCallback?: string;
  /** An approved WhatsApp template (Content API), needed outside the 24-hour session. */
  contentSid?: string;
  /** The template's variables as JSON, like `{"1":"Ana"}`. */
  contentVariables?: string;
} & ({ from: string; messagingServiceSid?: never } | { messagingServiceSid: string; from?: never });

export interface SentSms {
  sid: string;
  status: DeliveryStatus;
  to: string;
  from: string | null;
  segments: number;
}

/** Twilio error codes → what went wrong, for the sender to act on. */
const BY_TWILIO_CODE: Record<number, { code: SmsErrorCode; message: (to: string) => string }> = {
  21610: {
    code: SmsErrorCode.RecipientOptedOut,
    message: (to) => `${to} has opted out of SMS from this sender (replied STOP)`,
  },
  21211: {
    code: SmsErrorCode.InvalidRecipient,
    message: (to) => `${to} is not a valid phone number`,
  },
  21614: {
    code: SmsErrorCode.InvalidRecipient,
    message: (to) => `${to} is not a mobile number and cannot receive SMS`,
  },
  21604: { code: SmsErrorCode.InvalidRecipient, message: () => 'A recipient number is required' },
  21266: {
    code: SmsErrorCode.InvalidRecipient,
    message: (to) => `${to} is the sender's own number`,
  },
  21603: { code: SmsErrorCode.InvalidSender, message: () => 'A sender number is required' },
  21606: {
    code: SmsErrorCode.InvalidSender,
    message: () => 'The sender is not an SMS-capable number of this Twilio account',
  },
  21705: {
    code: SmsErrorCode.InvalidSender,
    message: () => 'The messaging service does not exist in this Twilio account',
  },
  21910: {
    code: SmsErrorCode.InvalidSender,
    message: () => 'Sender and recipient must be on the same channel (SMS or WhatsApp)',
  },
  21602: { code: SmsErrorCode.InvalidMessage, message: () => 'The message is empty' },
  21617: {
    code: SmsErrorCode.InvalidMessage,
    message: () => 'The message is longer than 1600 characters',
  },
  21609: {
    code: SmsErrorCode.InvalidMessage,
    message: () => 'The status callback URL is not valid',
  },
  20003: {
    code: SmsErrorCode.ProviderAuthFailed,
    message: () => 'Twilio refused the account SID or auth token',
  },
  20429: {
    code: SmsErrorCode.RateLimited,
    message: () => 'Twilio is rate limiting this account; try again shortly',
  },
};

function fromHttpStatus(status: number): { code: SmsErrorCode; message: string } | null {
  if (status === 401)
    return {
      code: SmsErrorCode.ProviderAuthFailed,
      message: 'Twilio refused the account SID or auth token',
    };
  if (status === 429)
    return {
      code: SmsErrorCode.RateLimited,
      message: 'Twilio is rate limiting this account; try again shortly',
    };
  if (status >= 500)
    return {
      code: SmsErrorCode.ProviderUnavailable,
      message: `Twilio is unavailable (HTTP ${status}); try again shortly`,
    };
  return null;
}

/** A domain error for whatever the SDK threw while sending to `to`. */
export function toSmsError(error: unknown, to: string): SmsError {
  if (error instanceof twilio.RestException) {
    const details = { twilioCode: error.code, httpStatus: error.status, moreInfo: error.moreInfo };
    const known = error.code === undefined ? undefined : BY_TWILIO_CODE[error.code];
    if (known) return new SmsError(known.code, known.message(to), details);
    const byStatus = fromHttpStatus(error.status);
    if (byStatus) return new SmsError(byStatus.code, byStatus.message, details);
    return new SmsError(
      SmsErrorCode.Rejected,
      `Twilio refused the message: ${error.message} (error ${error.code ?? error.status})`,
      details,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new SmsError(SmsErrorCode.ProviderUnavailable, `Twilio could not be reached: ${reason}`);
}

/** Sends one SMS (or WhatsApp message) and answers what Twilio accepted; throws SmsError. */
export async function sendSms(client: TwilioClient, input: SendSmsInput): Promise<SentSms> {
  try {
    const message = await client.messages.create({
      to: input.to,
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.from ? { from: input.from } : { messagingServiceSid: input.messagingServiceSid }),
      ...(input.statusCallback ? { statusCallback: input.statusCallback } : {}),
      ...(input.contentSid ? { contentSid: input.contentSid } : {}),
      ...(input.contentVariables ? { contentVariables: input.contentVariables } : {}),
    });
    return {
      sid: message.sid,
      status: parseDeliveryStatus(message.status) ?? 'queued',
      to: message.to,
      from: message.from ?? null,
      segments: Number(message.numSegments),
    };
  } catch (error) {
    throw toSmsError(error, input.to);
  }
}

/** A message in Twilio's log, as the recovery of an interrupted send compares it. */
export interface ProviderMessage {
  sid: string;
  from: string | null;
  body: string;
  status: string;
  segments: number;
  createdAt: Date;
}

/** The newest outbound messages Twilio has for a recipient (Twilio's list, newest first). */
export async function recentMessagesTo(
  client: TwilioClient,
  to: string,
  limit = 50,
): Promise<ProviderMessage[]> {
  try {
    const list = await client.messages.list({ to, limit, pageSize: limit });
    return list
      .filter((m) => m.direction !== 'inbound')
      .map((m) => ({
        sid: m.sid,
        from: m.from ?? null,
        body: m.body ?? '',
        status: m.status,
        segments: Number(m.numSegments),
        createdAt: m.dateCreated,
      }));
  } catch (error) {
    throw toSmsError(error, to);
  }
}
