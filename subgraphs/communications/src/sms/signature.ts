import twilio from 'twilio';

/*
 * Webhooks from Twilio carry `X-Twilio-Signature`, an HMAC of the URL Twilio called and the POST
 * parameters. Behind a proxy or load balancer the URL this process sees differs from the one
 * Twilio called (scheme, host, port), so the signature is checked against the public URL: the
 * configured public base plus the path and query of the request.
 */

export type WebhookParams = Record<string, string | string[]>;

/** The URL Twilio called: `publicBaseUrl` (scheme, host, optional path prefix) + the request's path and query. */
export function publicWebhookUrl(publicBaseUrl: string, originalUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${originalUrl.replace(/^\/+/, '')}`;
}

/** Whether the request was signed by Twilio with this account's auth token. */
export function isValidTwilioSignature(input: {
  authToken: string;
  signature: string | undefined;
  url: string;
  params: WebhookParams;
}): boolean {
  if (!input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}
