import { API_VERSION } from './delivery';
import { DELIVERY_ERRORS } from './errors';
import type { SimMessage } from './types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** RFC 2822 the way Twilio writes it: `Wed, 05 Mar 2025 14:03:07 +0000`. */
export function rfc2822(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

export const messagesPath = (accountSid: string): string =>
  `/${API_VERSION}/Accounts/${accountSid}/Messages.json`;

const messagePath = (m: SimMessage): string =>
  `/${API_VERSION}/Accounts/${m.accountSid}/Messages/${m.sid}`;

// What Twilio charges per segment in the US, to give `price` a realistic value once sent.
const PRICE_PER_SEGMENT = 0.0079;

/** The Message resource as Twilio's REST API returns it. */
export function messageResource(m: SimMessage): Record<string, unknown> {
  const charged = m.direction !== 'inbound' && m.sentMs !== null;
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: rfc2822(m.createdMs),
    date_sent: m.sentMs === null ? null : rfc2822(m.sentMs),
    date_updated: rfc2822(m.updatedMs),
    direction: m.direction,
    error_code: m.errorCode,
    error_message: m.errorCode === null ? null : (DELIVERY_ERRORS[m.errorCode] ?? null),
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: String(m.mediaUrls.length),
    num_segments: String(m.numSegments),
    price: charged ? (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5) : null,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: {
      media: `${messagePath(m)}/Media.json`,
      feedback: `${messagePath(m)}/Feedback.json`,
    },
    to: m.to,
    uri: `${messagePath(m)}.json`,
  };
}
