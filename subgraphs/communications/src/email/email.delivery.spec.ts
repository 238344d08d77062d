import type { MessageRow } from '../message/message.repository';
import { loadEmailConfig } from './email.config';
import { EmailDelivery } from './email.delivery';
import { verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const config = loadEmailConfig({
  SMTP_URL: 'smtp://127.0.0.1:2525',
  EMAIL_FROM: 'Attendant <no-reply@attendant.example>',
  PUBLIC_BASE_URL: 'https://attendant.example',
});
const delivery = new EmailDelivery(
  () => config,
  () => SECRET,
);

const message = (patch: Partial<MessageRow> = {}) =>
  ({
    id: '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
    organizationId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    toAddress: 'ann@example.com',
    subject: 'Hello',
    body: 'Plain text',
    html: '<!doctype html><html><body><p>Hi</p></body></html>',
    purpose: 'TRANSACTIONAL',
    ...patch,
  }) as MessageRow;

describe('EmailDelivery', () => {
  it('should send transactional mail from the configured address without unsubscribe headers', () => {
    const mail = delivery.compose(message(), null);
    expect(mail.from).toEqual({ name: 'Attendant', address: 'no-reply@attendant.example' });
    expect(mail.headers).toEqual({
      'X-Attendant-Organization': '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      'X-Attendant-Message': '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
    });
    expect(mail.text).toBe('Plain text');
  });

  it("should use the organization's sender name when it has one", () => {
    expect(delivery.compose(message(), 'Hotel Aurora').from.name).toBe('Hotel Aurora');
  });

  it('should give marketing mail a signed one-click unsubscribe link in the headers and both parts', () => {
    const mail = delivery.compose(message({ purpose: 'MARKETING' }), null);
    const url = /^<(.+)>$/.exec(mail.headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(url).toMatch(/^https:\/\/attendant\.example\/email\/unsubscribe\//);
    expect(verifyUnsubscribeToken(SECRET, url.split('/').at(-1)!)).toBe(message().id);
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`Unsubscribe: ${url}`);
    expect(mail.html).toMatch(/<p>Hi<\/p><p[^>]*>.*Unsubscribe<\/a>.*<\/p>\n<\/body>/s);
  });
});
