import { isValidTwilioSignature, publicWebhookUrl } from './signature';

// Twilio's documented example (docs "Webhooks security").
const VECTOR = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  },
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
};

describe('isValidTwilioSignature', () => {
  it('should accept Twilio’s documented signature vector', () => {
    expect(isValidTwilioSignature(VECTOR)).toBe(true);
  });

  it('should accept the vector when the URL carries the default port', () => {
    expect(
      isValidTwilioSignature({ ...VECTOR, url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' }),
    ).toBe(true);
  });

  it.each([
    ['a parameter was changed', { params: { ...VECTOR.params, Digits: '1235' } }],
    ['a parameter was added', { params: { ...VECTOR.params, Body: 'x' } }],
    ['the token is another account’s', { authToken: '54321' }],
    ['the URL is the internal one', { url: 'http://10.0.0.7:4004/myapp.php?foo=1&bar=2' }],
    ['the query string differs', { url: 'https://mycompany.com/myapp.php?foo=1&bar=3' }],
    ['the signature is missing', { signature: undefined }],
    ['the signature is empty', { signature: '' }],
  ])('should refuse the request when %s', (_label, change) => {
    expect(isValidTwilioSignature({ ...VECTOR, ...change })).toBe(false);
  });
});

describe('publicWebhookUrl', () => {
  it('should join the public base and the request path and query', () => {
    expect(publicWebhookUrl('https://app.example.com', '/webhooks/twilio/sms?org=1')).toBe(
      'https://app.example.com/webhooks/twilio/sms?org=1',
    );
    expect(publicWebhookUrl('https://example.com/attendant/', 'webhooks/x')).toBe(
      'https://example.com/attendant/webhooks/x',
    );
  });

  it('should rebuild the URL Twilio signed so a request seen behind a proxy validates', () => {
    const url = publicWebhookUrl('https://mycompany.com', '/myapp.php?foo=1&bar=2');
    expect(isValidTwilioSignature({ ...VECTOR, url })).toBe(true);
  });
});
