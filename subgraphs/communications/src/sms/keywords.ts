/*
 * Consent keywords in an inbound SMS. A message counts only when it is exactly one keyword: any
 * case, surrounding whitespace ignored, nothing else (no punctuation, no second word), the way
 * carriers and Twilio's Advanced Opt-Out match them. REVOKE and OPTOUT are the US FCC's 2025
 * revocation words.
 */

export type KeywordKind = 'OPT_OUT' | 'OPT_IN' | 'HELP';

export const OPT_OUT_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
] as const;
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

const KINDS = new Map<string, KeywordKind>([
  ...OPT_OUT_KEYWORDS.map((k) => [k, 'OPT_OUT'] as const),
  ...OPT_IN_KEYWORDS.map((k) => [k, 'OPT_IN'] as const),
  ...HELP_KEYWORDS.map((k) => [k, 'HELP'] as const),
]);

/** What an inbound message asks for, or null when it is not a consent keyword. */
export function classifyKeyword(body: string): KeywordKind | null {
  return KINDS.get(body.trim().toUpperCase()) ?? null;
}
