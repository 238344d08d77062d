/*
 * How Twilio counts segments, kept independent of the platform's own counter on purpose: the
 * contract tests compare the two, so a mistake in one shows up as a disagreement.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Reached through an escape, so each costs two septets.
const GSM_EXTENSION = '\f^{}\\[~]|€';

/** Septets (GSM-7) of `body`, or null when a character needs UCS-2. */
function septets(body: string): number[] | null {
  const costs: number[] = [];
  for (const ch of body) {
    if (GSM_BASIC.includes(ch)) costs.push(1);
    else if (GSM_EXTENSION.includes(ch)) costs.push(2);
    else return null;
  }
  return costs;
}

/** Segments of a body: GSM-7 160/153, else UCS-2 70/67 (UTF-16 units; pairs stay together). */
export function numSegments(body: string): number {
  const gsm = septets(body);
  const costs = gsm ?? [...body].map((ch) => ch.length);
  const total = costs.reduce((a, b) => a + b, 0);
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return segments;
}
