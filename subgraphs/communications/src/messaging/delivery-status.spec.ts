import { foldStatuses, toTwilioStatus } from './delivery-status';

describe('foldStatuses', () => {
  it('should move forward when callbacks arrive in order', () => {
    expect(foldStatuses('SENDING', ['queued', 'sending', 'sent', 'delivered'])).toBe('DELIVERED');
  });

  it('should never move backwards when callbacks arrive reversed or twice', () => {
    expect(foldStatuses('SENDING', ['delivered', 'sent', 'sending', 'queued'])).toBe('DELIVERED');
    expect(foldStatuses('DELIVERED', ['sent', 'sent'])).toBe('DELIVERED');
    expect(foldStatuses('SENT', ['queued'])).toBe('SENT');
  });

  it('should keep a final failure and allow read after delivered', () => {
    expect(foldStatuses('FAILED', ['delivered'])).toBe('FAILED');
    expect(foldStatuses('DELIVERED', ['read'])).toBe('READ');
  });

  it('should ignore callbacks for messages that were never handed to Twilio', () => {
    expect(toTwilioStatus('REFUSED')).toBeNull();
    expect(foldStatuses('REFUSED', ['delivered'])).toBe('REFUSED');
    expect(foldStatuses('RECEIVED', ['sent'])).toBe('RECEIVED');
    expect(foldStatuses('QUEUED', ['queued'])).toBe('QUEUED');
  });
});
