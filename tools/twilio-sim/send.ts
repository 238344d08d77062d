import { CONTENT_SID, parseContentVariables, renderContent, type SimContent } from './content';
import { numSegments } from './encoding';
import { twilioError } from './errors';
import type { FaultInjector } from './faults';
import { isWhatsApp, newSid, WHATSAPP, type TwilioSimState } from './state';
import type { SimMessage, SimOutcome } from './types';

/** A form body as Express parses it (repeated names become arrays). */
export type FormBody = Record<string, string | string[] | undefined>;

const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_BODY = 1600;
// WhatsApp's customer service window: free-form messages only within 24 h of the user's last one.
export const WHATSAPP_SESSION_MS = 24 * 60 * 60 * 1000;

const one = (body: FormBody, name: string): string | undefined => {
  const value = body[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
};
const many = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/** Whether an address is a valid `+E164` or `whatsapp:+E164`. */
export const isValidAddress = (address: string): boolean =>
  E164.test(isWhatsApp(address) ? address.slice(WHATSAPP.length) : address);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The sender: `From`, or the first number of the messaging service on the `To` channel. */
function resolveSender(
  state: TwilioSimState,
  to: string,
  from: string | undefined,
  serviceSid: string | undefined,
): string {
  if (from) {
    if (!state.number(from))
      throw twilioError(
        21606,
        `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    if (isWhatsApp(from) !== isWhatsApp(to)) throw twilioError(21910);
    return from;
  }
  const pool = state.servicePool(serviceSid!);
  if (pool.length === 0)
    throw twilioError(21705, `The Messaging Service Sid ${serviceSid} is invalid.`);
  const sender = pool.find((n) => isWhatsApp(n.phoneNumber) === isWhatsApp(to));
  if (!sender)
    throw twilioError(
      21606,
      `The Messaging Service ${serviceSid} has no sender for the channel of ${to}.`,
    );
  return sender.phoneNumber;
}

/**
 * `POST /Messages.json`: validates like Twilio (in Twilio's order), refuses opted-out
 * recipients with 21610, and stores the accepted message with the outcome its delivery will
 * reach. Throws a TwilioApiError when refused.
 */
export function createMessage(
  state: TwilioSimState,
  faults: FaultInjector,
  accountSid: string,
  body: FormBody,
): SimMessage {
  const to = one(body, 'To');
  if (!to) throw twilioError(21604);
  const from = one(body, 'From');
  const serviceSid = one(body, 'MessagingServiceSid');
  if (!from && !serviceSid) throw twilioError(21603);
  if (!isValidAddress(to))
    throw twilioError(21211, `The 'To' number ${to} is not a valid phone number.`);
  const sender = resolveSender(state, to, from, serviceSid);
  if (sender === to) throw twilioError(21266);
  const mediaUrls = many(body, 'MediaUrl');
  const contentSid = one(body, 'ContentSid');
  if (!one(body, 'Body') && mediaUrls.length === 0 && !contentSid) throw twilioError(21602);
  if ((one(body, 'Body') ?? '').length > MAX_BODY) throw twilioError(21617);
  const content = contentSid ? contentOf(state, contentSid) : undefined;
  // With a ContentSid the message says what the template renders to with ContentVariables.
  const rendered = content
    ? renderContent(content, parseContentVariables(one(body, 'ContentVariables')))
    : undefined;
  const text = rendered?.body ?? one(body, 'Body') ?? '';
  const statusCallback = one(body, 'StatusCallback');
  if (statusCallback && !isHttpUrl(statusCallback)) throw twilioError(21609);
  // Advanced Opt-Out covers SMS; WhatsApp users block a business in WhatsApp itself.
  if (!isWhatsApp(to) && state.isOptedOut(sender, to)) throw twilioError(21610);
  const injected = faults.nextSendError();
  if (injected) throw injected;

  const now = state.now();
  const message: SimMessage = {
    sid: newSid(mediaUrls.length > 0 ? 'MM' : 'SM'),
    accountSid,
    direction: 'outbound-api',
    from: sender,
    to,
    body: text,
    mediaUrls,
    messagingServiceSid: serviceSid ?? state.number(sender)?.messagingServiceSid ?? null,
    contentSid: contentSid ?? null,
    // Messages sent through a messaging service are `accepted` first, then `queued`.
    status: !from && serviceSid ? 'accepted' : 'queued',
    errorCode: null,
    numSegments: numSegments(text),
    createdMs: now,
    updatedMs: now,
    sentMs: null,
    statusCallback: statusCallback ?? null,
    outcome: rendered?.missing.length
      ? { status: 'failed', errorCode: 63028 }
      : outcomeOf(state, faults, sender, to, content),
  };
  return state.addMessage(message);
}

/** A template of the account; Twilio answers 21655 for a malformed or unknown ContentSid. */
function contentOf(state: TwilioSimState, sid: string): SimContent {
  const content = CONTENT_SID.test(sid) ? state.content(sid) : undefined;
  if (!content) throw twilioError(21655, `The ContentSid ${sid} is Invalid.`);
  return content;
}

function outcomeOf(
  state: TwilioSimState,
  faults: FaultInjector,
  sender: string,
  to: string,
  content: SimContent | undefined,
): SimOutcome {
  if (isWhatsApp(to) && !content?.whatsappApproved) {
    const last = state.lastInbound(sender, to);
    // Twilio accepts the request and fails the message afterwards.
    if (last === undefined || state.now() - last > WHATSAPP_SESSION_MS)
      return { status: 'failed', errorCode: 63016 };
  }
  return faults.nextDeliveryFailure() ?? { status: 'delivered', errorCode: null };
}
