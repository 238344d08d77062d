/*
 * SMS segment counting, shown before sending. GSM-7 fits 160 septets in one segment and 153 per
 * segment once concatenated (the user data header takes 7); characters of the GSM extension table
 * are sent as an escape plus the character, so they count twice and are never split across
 * segments. Any character outside GSM-7 switches the whole message to UCS-2: 70 UTF-16 units,
 * 67 per concatenated segment, and a surrogate pair (most emoji) counts two and stays in one
 * segment.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Segments the message is sent (and billed) as; 0 for an empty message. */
  segments: number;
  /** Length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** Units one segment holds at this length (160/153 or 70/67). */
  perSegment: number;
  /** Units that still fit in the last segment before another one starts. */
  charactersLeft: number;
  /** The distinct characters that forced UCS-2 (empty for GSM-7). */
  ucs2Characters: string[];
}

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

/** Units of each character (by code point) in the given encoding. */
function costs(chars: string[], encoding: SmsEncoding): number[] {
  return encoding === 'GSM-7'
    ? chars.map((ch) => (GSM_EXTENSION.has(ch) ? 2 : 1))
    : chars.map((ch) => ch.length);
}

export function isGsm7(ch: string): boolean {
  return GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch);
}

export function countSegments(text: string): SegmentCount {
  const chars = [...text];
  const ucs2Characters = [...new Set(chars.filter((ch) => !isGsm7(ch)))];
  const encoding: SmsEncoding = ucs2Characters.length ? 'UCS-2' : 'GSM-7';
  const unitCosts = costs(chars, encoding);
  const units = unitCosts.reduce((a, b) => a + b, 0);
  const { single, multi } = LIMITS[encoding];
  if (units <= single) {
    return {
      encoding,
      segments: units === 0 ? 0 : 1,
      units,
      perSegment: single,
      charactersLeft: single - units,
      ucs2Characters,
    };
  }
  let segments = 1;
  let used = 0;
  for (const cost of unitCosts) {
    if (used + cost > multi) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return {
    encoding,
    segments,
    units,
    perSegment: multi,
    charactersLeft: multi - used,
    ucs2Characters,
  };
}
