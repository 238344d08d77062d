import { randomUUID } from 'node:crypto';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('unsubscribe tokens', () => {
  it('should answer the message id when the token was made with the same secret', () => {
    const id = randomUUID();
    expect(verifyUnsubscribeToken(SECRET, unsubscribeToken(SECRET, id))).toBe(id);
  });

  it('should refuse a token made with another secret, for another message or malformed', () => {
    const id = randomUUID();
    const token = unsubscribeToken(SECRET, id);
    const signature = token.split('.')[1]!;
    expect(verifyUnsubscribeToken(`${SECRET}x`, token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${randomUUID()}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${id}.${signature.slice(0, -1)}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, id)).toBeNull();
  });
});
