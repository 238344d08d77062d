import type { Channel } from '@attendant/db';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The one spelling of an address per channel, used for messages and consent alike: phone numbers
 * without spaces, dashes, dots or brackets; email addresses in lower case.
 */
export function normalizeAddress(channel: Channel, address: string): string {
  const trimmed = address.trim();
  switch (channel) {
    case 'SMS':
    case 'WHATSAPP':
      return trimmed.replace(/[\s\-.()]/g, '');
    case 'EMAIL':
      return trimmed.toLowerCase();
    case 'IN_APP':
      return trimmed;
  }
}

/** Whether a normalized address can be sent to on the channel. */
export function isValidAddress(channel: Channel, address: string): boolean {
  switch (channel) {
    case 'SMS':
    case 'WHATSAPP':
      return E164.test(address);
    case 'EMAIL':
      return EMAIL.test(address);
    case 'IN_APP':
      return address.length > 0;
  }
}

export function channelLabel(channel: Channel): string {
  switch (channel) {
    case 'SMS':
      return 'SMS';
    case 'EMAIL':
      return 'email';
    case 'WHATSAPP':
      return 'WhatsApp';
    case 'IN_APP':
      return 'in-app messages';
  }
}
