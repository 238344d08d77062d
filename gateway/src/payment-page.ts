import { ANONYMOUS, signActor, type Logger } from '@attendant/kit';
import express from 'express';
import { createHash } from 'node:crypto';
import type { RateLimits } from './limits';

/** A payment token: base64url payload, a dot, a base64url HMAC (see finance's payment-link). */
const TOKEN = /^[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{43}$/;

interface PaymentView {
  number: string;
  status: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  balanceMinor: number;
  dueAt: string | null;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const amount = (minor: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);

const STATUS: Record<string, string> = {
  ISSUED: 'Awaiting payment',
  PARTIALLY_PAID: 'Partly paid',
  PAID: 'Paid — thank you',
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#5b5b66}dd{margin:0;font-weight:600}
.status{padding:.6rem .8rem;border-radius:.5rem;background:#eef3ff}</style></head><body>${body}</body></html>`;
}

function invoicePage(v: PaymentView): string {
  const due = v.dueAt ? new Date(v.dueAt).toISOString().slice(0, 10) : '—';
  return page(
    `Invoice ${v.number}`,
    `<h1>Invoice ${escapeHtml(v.number)}</h1>
<p class="status" data-status="${escapeHtml(v.status)}">${escapeHtml(STATUS[v.status] ?? v.status)}</p>
<dl><dt>Total</dt><dd data-total>${escapeHtml(amount(v.totalMinor, v.currency))}</dd>
<dt>Paid</dt><dd>${escapeHtml(amount(v.paidMinor, v.currency))}</dd>
<dt>Amount due</dt><dd data-balance>${escapeHtml(amount(v.balanceMinor, v.currency))}</dd>
<dt>Due date</dt><dd>${escapeHtml(due)}</dd></dl>
<p>Online card payment is not connected yet; please pay by bank transfer quoting ${escapeHtml(v.number)}.</p>`,
  );
}

const NOT_FOUND = page(
  'Payment link not valid',
  '<h1>This payment link is not valid</h1><p>It may have expired. Please contact us for a new one.</p>',
);

/*
 * `GET /pay/:token` — the customer's invoice page, reached from a text message without signing
 * in. The gateway only rate-limits (per link and per address) and renders; finance checks the
 * token's signature and expiry behind its signed internal route, so an invalid, expired or
 * forged link gets the same 404 as an unknown one. Never cached, never indexed, no referrer.
 */
export function paymentPageRouter(options: {
  limits: RateLimits;
  financeUrl: string;
  secret: string;
  logger: Logger;
}): express.Router {
  const { limits, secret, logger } = options;
  const target = options.financeUrl.replace(/\/graphql$/, '/internal/payment-link');
  const router = express.Router();
  router.get('/:token', async (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const token = req.params['token'] ?? '';
    try {
      const wait =
        (await limits.consume(ANONYMOUS, req.ip ?? 'unknown')) ??
        (TOKEN.test(token)
          ? await limits.consumeTrackingPage(
              `pay:${createHash('sha256').update(token).digest('hex')}`,
            )
          : null);
      if (wait !== null) {
        res.setHeader('Retry-After', String(wait));
        res.status(429).type('text/plain').send(`Too many requests; try again in ${wait} s`);
        return;
      }
      if (!TOKEN.test(token)) {
        res.status(404).type('html').send(NOT_FOUND);
        return;
      }
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signActor(ANONYMOUS, secret) },
        body: JSON.stringify({ token }),
        signal: AbortSignal.timeout(10_000),
      });
      if (answer.status === 404) {
        res.status(404).type('html').send(NOT_FOUND);
        return;
      }
      if (!answer.ok) throw new Error(`finance answered ${answer.status}`);
      res.type('html').send(invoicePage((await answer.json()) as PaymentView));
    } catch (err) {
      logger.warn({ err }, 'payment page failed');
      next(err);
    }
  });
  return router;
}
