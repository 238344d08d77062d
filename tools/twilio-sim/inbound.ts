import type { DeliveryScheduler } from './delivery';
import { API_VERSION } from './delivery';
import { numSegments } from './encoding';
import { AUTO_REPLIES, optOutType } from './keywords';
import { messageResource } from './resource';
import { isValidAddress } from './send';
import { isWhatsApp, newSid, WHATSAPP, type TwilioSimState } from './state';
import type { SimMessage } from './types';
import { postWebhook, twimlMessages } from './webhooks';

export class InboundError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface InboundInput {
  from: string;
  to: string;
  body: string;
  mediaUrls?: string[];
}

export interface InboundResult {
  message: Record<string, unknown>;
  webhook: { url: string; status: number | null } | null;
  /** Twilio's keyword answer and the `<Message>`s of the TwiML the webhook answered with. */
  replies: Record<string, unknown>[];
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  pdf: 'application/pdf',
};
const contentType = (url: string): string =>
  CONTENT_TYPES[url.split('?')[0]!.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';

/** The parameters of Twilio's incoming-message webhook. */
function inboundParams(message: SimMessage, optOut: string | null): Record<string, string> {
  const media: Record<string, string> = {};
  message.mediaUrls.forEach((url, i) => {
    media[`MediaUrl${i}`] = url;
    media[`MediaContentType${i}`] = contentType(url);
  });
  return {
    MessageSid: message.sid,
    SmsMessageSid: message.sid,
    SmsSid: message.sid,
    AccountSid: message.accountSid,
    From: message.from,
    To: message.to,
    Body: message.body,
    NumMedia: String(message.mediaUrls.length),
    NumSegments: String(message.numSegments),
    SmsStatus: 'received',
    ApiVersion: API_VERSION,
    ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
    ...media,
    ...(isWhatsApp(message.from) ? { WaId: message.from.slice(WHATSAPP.length + 1) } : {}),
    // Twilio adds OptOutType only for numbers in a messaging service (Advanced Opt-Out).
    ...(optOut && message.messagingServiceSid ? { OptOutType: optOut } : {}),
  };
}

/**
 * "A reply from a phone": stores the inbound message, applies Advanced Opt-Out keywords (SMS) or
 * opens the WhatsApp session, POSTs the signed webhook to the number's `smsUrl`, and sends
 * Twilio's keyword answer plus any TwiML `<Message>` the webhook answered with.
 */
export async function receive(
  state: TwilioSimState,
  delivery: DeliveryScheduler,
  auth: { accountSid: string; authToken: string },
  input: InboundInput,
): Promise<InboundResult> {
  const { from, to } = input;
  if (!isValidAddress(from))
    throw new InboundError(400, `from must be +E164 or whatsapp:+E164, got ${from}`);
  const number = state.number(to);
  if (!number)
    throw new InboundError(404, `${to} is not a simulator number; register it with /_sim/numbers`);
  if (isWhatsApp(from) !== isWhatsApp(to))
    throw new InboundError(400, 'from and to must be on the same channel (SMS or whatsapp:)');
  const now = state.now();
  const message = state.addMessage({
    sid: newSid(input.mediaUrls?.length ? 'MM' : 'SM'),
    accountSid: auth.accountSid,
    direction: 'inbound',
    from,
    to,
    body: input.body,
    mediaUrls: input.mediaUrls ?? [],
    messagingServiceSid: number.messagingServiceSid,
    contentSid: null,
    status: 'received',
    errorCode: null,
    numSegments: numSegments(input.body),
    createdMs: now,
    updatedMs: now,
    sentMs: now,
    statusCallback: null,
    outcome: null,
  });
  const keyword = isWhatsApp(to) ? null : optOutType(input.body);
  if (isWhatsApp(to)) state.recordSession(to, from);
  if (keyword === 'STOP') state.setOptOut(to, from, true);
  if (keyword === 'START') state.setOptOut(to, from, false);

  const texts = keyword ? [AUTO_REPLIES[keyword]] : [];
  let webhook: InboundResult['webhook'] = null;
  if (number.smsUrl) {
    const result = await postWebhook(
      state,
      auth.authToken,
      'inbound',
      number.smsUrl,
      inboundParams(message, keyword),
    );
    webhook = { url: number.smsUrl, status: result.status };
    // An opted-out recipient gets nothing more, not even the webhook's TwiML reply.
    if (result.status === 200 && !state.isOptedOut(to, from))
      texts.push(...twimlMessages(result.text));
  }
  const replies = texts.map((text) => reply(state, delivery, message, text));
  return { message: messageResource(message), webhook, replies: replies.map(messageResource) };
}

function reply(
  state: TwilioSimState,
  delivery: DeliveryScheduler,
  inbound: SimMessage,
  body: string,
): SimMessage {
  const now = state.now();
  const message = state.addMessage({
    ...inbound,
    sid: newSid('SM'),
    direction: 'outbound-reply',
    from: inbound.to,
    to: inbound.from,
    body,
    mediaUrls: [],
    status: 'queued',
    numSegments: numSegments(body),
    createdMs: now,
    updatedMs: now,
    sentMs: null,
    outcome: { status: 'delivered', errorCode: null },
  });
  delivery.start(message);
  return message;
}
