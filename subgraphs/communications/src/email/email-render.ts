import { renderTemplate, type MergeContext, type RenderOptions } from '../template/merge-fields';

export interface EmailParts {
  subject: string;
  text: string;
  html: string;
}

export interface EmailTemplate {
  subject: string | null;
  /** The plain-text part. */
  body: string;
  /** The HTML part; made from the text when the template has none. */
  html: string | null;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** A subject is one header line: line breaks become spaces. */
export const oneLine = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** A plain text as a small HTML document: escaped, paragraphs on blank lines, <br> on newlines. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>\n')}</p>`);
  return htmlDocument(paragraphs.join('\n'));
}

const htmlDocument = (body: string): string =>
  `<!doctype html>\n<html><head><meta charset="utf-8"></head>\n<body style="font-family: sans-serif; line-height: 1.5">\n${body}\n</body></html>`;

/**
 * An email template with merge fields filled in: the subject and the text part as they are, the
 * HTML part with every merged value HTML-escaped (a guest named "<b>Ann</b>" stays text). The
 * template's own markup is trusted: only managers write templates.
 */
export function renderEmail(
  template: EmailTemplate,
  ctx: MergeContext,
  opts: RenderOptions,
): EmailParts {
  const text = renderTemplate(template.body, ctx, opts);
  return {
    subject: oneLine(renderTemplate(template.subject ?? '', ctx, opts)),
    text,
    html: template.html ? renderTemplate(template.html, ctx, opts, escapeHtml) : textToHtml(text),
  };
}

/** Adds the unsubscribe line to both parts of a marketing email. */
export function withUnsubscribeLink(
  parts: { text: string; html: string },
  url: string,
): { text: string; html: string } {
  const footer = `<p style="font-size: 12px; color: #666">Don't want these emails? <a href="${escapeHtml(
    url,
  )}">Unsubscribe</a>.</p>`;
  const html = /<\/body>/i.test(parts.html)
    ? parts.html.replace(/<\/body>/i, `${footer}\n</body>`)
    : `${parts.html}\n${footer}`;
  return { text: `${parts.text}\n\n--\nUnsubscribe: ${url}\n`, html };
}
