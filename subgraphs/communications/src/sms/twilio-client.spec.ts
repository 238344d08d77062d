import twilio from 'twilio';
import { SmsError, SmsErrorCode } from './sms.errors';
import { createTwilioClient, loadTwilioConfig, toSmsError } from './twilio-client';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TO = '+15557654321';

/** A RestException as the SDK builds it from a Twilio error answer. */
const restError = (status: number, body: Record<string, unknown> | null) =>
  new twilio.RestException({ statusCode: status, body: body === null ? '' : JSON.stringify(body) });

describe('loadTwilioConfig', () => {
  it('should answer null when Twilio is not configured', () => {
    expect(loadTwilioConfig({})).toBeNull();
    expect(loadTwilioConfig({ TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '' })).toBeNull();
  });

  it('should read the account, the token and the simulator URL', () => {
    expect(
      loadTwilioConfig({
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_AUTH_TOKEN: 'secret',
        TWILIO_API_BASE_URL: 'http://127.0.0.1:4011',
      }),
    ).toEqual({ accountSid: SID, authToken: 'secret', apiBaseUrl: 'http://127.0.0.1:4011' });
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: 'SK123', TWILIO_AUTH_TOKEN: 'x' }, /AC followed by 32 hex digits/],
    [{ TWILIO_ACCOUNT_SID: SID }, /TWILIO_AUTH_TOKEN/],
    [{ TWILIO_AUTH_TOKEN: 'x' }, /TWILIO_ACCOUNT_SID/],
    [
      { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'x', TWILIO_API_BASE_URL: 'localhost' },
      /TWILIO_API_BASE_URL must be a URL/,
    ],
  ])('should refuse %j with a clear message', (env, message) => {
    expect(() => loadTwilioConfig(env)).toThrow(message);
  });
});

describe('createTwilioClient', () => {
  it('should point the SDK’s Messaging URLs at the configured base URL', () => {
    const client = createTwilioClient({
      accountSid: SID,
      authToken: 'x',
      apiBaseUrl: 'http://127.0.0.1:4011',
    });
    expect(client.api.absoluteUrl('/2010-04-01/Accounts.json')).toBe(
      'http://127.0.0.1:4011/2010-04-01/Accounts.json',
    );
    const real = createTwilioClient({ accountSid: SID, authToken: 'x' });
    expect(real.api.absoluteUrl('/2010-04-01/Accounts.json')).toBe(
      'https://api.twilio.com/2010-04-01/Accounts.json',
    );
  });
});

describe('toSmsError', () => {
  it.each([
    [400, 21610, SmsErrorCode.RecipientOptedOut, /opted out/],
    [400, 21211, SmsErrorCode.InvalidRecipient, /not a valid phone number/],
    [400, 21614, SmsErrorCode.InvalidRecipient, /not a mobile number/],
    [400, 21606, SmsErrorCode.InvalidSender, /not an SMS-capable number/],
    [400, 21617, SmsErrorCode.InvalidMessage, /1600/],
    [401, 20003, SmsErrorCode.ProviderAuthFailed, /account SID or auth token/],
    [429, 20429, SmsErrorCode.RateLimited, /rate limiting/],
    [503, 20503, SmsErrorCode.ProviderUnavailable, /unavailable \(HTTP 503\)/],
    [400, 30410, SmsErrorCode.Rejected, /Twilio refused the message: .* \(error 30410\)/],
  ])('should map HTTP %i with Twilio code %i to %s', (status, code, expected, message) => {
    const error = toSmsError(restError(status, { code, message: 'From Twilio', status }), TO);
    expect(error).toBeInstanceOf(SmsError);
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ twilioCode: code, httpStatus: status });
  });

  it('should map a 429 without a Twilio body to a retryable rate limit', () => {
    const error = toSmsError(restError(429, null), TO);
    expect(error.code).toBe(SmsErrorCode.RateLimited);
    expect(error.retryable).toBe(true);
  });

  it('should treat a network failure as a retryable unavailable provider', () => {
    const error = toSmsError(new Error('connect ECONNREFUSED 127.0.0.1:4011'), TO);
    expect(error).toMatchObject({ code: SmsErrorCode.ProviderUnavailable, retryable: true });
    expect(error.message).toMatch(/could not be reached: connect ECONNREFUSED/);
  });

  it('should not retry refusals about the recipient, and show them to the user', () => {
    const error = toSmsError(restError(400, { code: 21610, status: 400 }), TO);
    expect(error.retryable).toBe(false);
    expect(error.transportCode).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`${TO} has opted out of SMS from this sender (replied STOP)`);
  });
});
