import { loadEmailConfig } from './email.config';

describe('email configuration', () => {
  it('should use SMTP_URL when it is set, and the sender address of EMAIL_FROM', () => {
    const c = loadEmailConfig({
      SMTP_URL: 'smtp://user:pw@smtp.example.com:587',
      EMAIL_FROM: 'Hotel Aurora <Reservations@Aurora.example>',
      PUBLIC_BASE_URL: 'https://attendant.example.com/',
    });
    expect(c.smtp).toEqual({ url: 'smtp://user:pw@smtp.example.com:587' });
    expect(c.fromAddress).toBe('reservations@aurora.example');
    expect(c.publicBaseUrl).toBe('https://attendant.example.com');
    expect(c.sinkUrl).toBeNull();
  });

  it('should build the server from SMTP_HOST and its parts, 465 by default when secure', () => {
    expect(
      loadEmailConfig({ SMTP_HOST: 'smtp.example.com', SMTP_SECURE: 'true', SMTP_USER: 'u' }).smtp,
    ).toEqual({ host: 'smtp.example.com', port: 465, secure: true, user: 'u', pass: null });
    expect(loadEmailConfig({ SMTP_HOST: 'smtp.example.com' }).smtp).toMatchObject({
      port: 587,
      secure: false,
    });
  });

  it('should leave email off without a server, with links to the local gateway', () => {
    const c = loadEmailConfig({ GATEWAY_PORT: '4100' });
    expect(c.smtp).toBeNull();
    expect(c.publicBaseUrl).toBe('http://localhost:4100');
  });

  it('should name every invalid variable when the configuration is wrong', () => {
    expect(() =>
      loadEmailConfig({ SMTP_URL: 'mail.example.com', EMAIL_FROM: 'nobody', MAIL_SINK_URL: 'x' }),
    ).toThrow(/SMTP_URL[\s\S]*EMAIL_FROM[\s\S]*MAIL_SINK_URL/);
  });
});
