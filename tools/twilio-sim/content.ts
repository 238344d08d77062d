import { randomBytes } from 'node:crypto';
import { twilioError } from './errors';

/**
 * A Content API template of the simulated account (`HX…`), with `{{1}}`, `{{2}}`… placeholders.
 * `whatsappApproved`: WhatsApp approved it, so it may start a conversation outside the 24-hour
 * window (an unapproved one fails there with 63016, like a free-form message).
 */
export interface SimContent {
  sid: string;
  friendlyName: string;
  body: string;
  whatsappApproved: boolean;
}

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;
export const CONTENT_SID = /^HX[0-9a-f]{32}$/;

export const newContentSid = (): string => `HX${randomBytes(16).toString('hex')}`;

/**
 * `ContentVariables`: a JSON object of strings keyed by placeholder number. Twilio answers
 * 21656 when it is not one.
 */
export function parseContentVariables(raw: string | undefined): Record<string, string> {
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw twilioError(21656, `The ContentVariables Parameter is invalid: ${raw.slice(0, 100)}`);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== 'string')
  )
    throw twilioError(21656);
  return parsed as Record<string, string>;
}

/** The template's text with its variables; `missing` lists placeholders without a value. */
export function renderContent(
  content: SimContent,
  variables: Record<string, string>,
): { body: string; missing: string[] } {
  const missing = new Set<string>();
  const body = content.body.replace(PLACEHOLDER, (_all, n: string) => {
    const value = variables[n];
    if (value === undefined || value === '') missing.add(n);
    return value ?? '';
  });
  return { body, missing: [...missing] };
}
