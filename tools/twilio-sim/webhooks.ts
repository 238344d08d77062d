import { createHmac } from 'node:crypto';
import type { TwilioSimState } from './state';
import type { SimWebhookRecord } from './types';

/**
 * Twilio's request signature: base64(HMAC-SHA1(AuthToken, URL + every POST parameter's name and
 * value, sorted by name)). Written from the documented algorithm rather than with the SDK, so the
 * tests that check it with the SDK's `validateRequest` prove the two agree.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

// Twilio gives up on a webhook after 15 seconds.
const TIMEOUT_MS = 15_000;

export interface WebhookResult {
  status: number | null;
  text: string;
}

/** POSTs a signed, form-encoded webhook the way Twilio does and logs it in the state. */
export async function postWebhook(
  state: TwilioSimState,
  authToken: string,
  kind: SimWebhookRecord['kind'],
  url: string,
  params: Record<string, string>,
): Promise<WebhookResult> {
  const signature = twilioSignature(authToken, url, params);
  let result: WebhookResult = { status: null, text: '' };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': signature,
        'User-Agent': 'TwilioProxy/1.1',
      },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    result = { status: res.status, text: await res.text() };
  } catch {
    // Unreachable or timed out: Twilio logs it (debugger) and moves on.
  }
  state.recordWebhook({
    kind,
    url,
    params,
    signature,
    responseStatus: result.status,
    atMs: state.now(),
  });
  return result;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The `<Message>` texts of a TwiML answer (`<Message>text</Message>` or with a `<Body>`). */
export function twimlMessages(twiml: string): string[] {
  const bodies: string[] = [];
  for (const match of twiml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)) {
    const inner = match[1]!;
    const body = /<Body>([\s\S]*?)<\/Body>/.exec(inner)?.[1] ?? inner.replace(/<[^>]+>/g, '');
    bodies.push(body.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name]!));
  }
  return bodies;
}
