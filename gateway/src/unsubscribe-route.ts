import { ANONYMOUS, signActor, type Logger } from '@attendant/kit';
import express from 'express';
import type { RateLimits } from './limits';

/** "<message id>.<32 characters of signature>" (checked again, with the key, by communications). */
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{32}$/;

// The page is ours and tiny: no scripts, inline styles only, and its form posts to itself.
const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The unsubscribe link of marketing emails: public, rate-limited per IP like the webhooks, and
 * forwarded (GET: the confirmation page; POST: the opt-out, also RFC 8058 one-click) to the
 * communications subgraph, which checks the token's signature and answers the page.
 */
export function unsubscribeRouter(opts: {
  limits: RateLimits;
  communicationsUrl: string | undefined;
  secret: string;
  logger: Logger;
}): express.Router {
  const router = express.Router();
  const handle: express.RequestHandler = async (req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.setHeader('Cache-Control', 'no-store');
    const wait = await opts.limits.consumeWebhook(req.ip ?? 'unknown');
    if (wait !== null) {
      res.setHeader('Retry-After', String(wait));
      res.status(429).type('text/plain').send(`Too many requests; try again in ${wait} s`);
      return;
    }
    const token = String(req.params['token'] ?? '');
    if (!TOKEN.test(token) || !opts.communicationsUrl) {
      res.status(404).type('text/plain').send('This unsubscribe link is not valid');
      return;
    }
    try {
      const forwarded = await fetch(
        opts.communicationsUrl.replace(/\/graphql$/, `/internal/email/unsubscribe/${token}`),
        {
          method: req.method === 'POST' ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json', ...signActor(ANONYMOUS, opts.secret) },
          ...(req.method === 'POST' ? { body: '{}' } : {}),
          signal: AbortSignal.timeout(10_000),
        },
      );
      res
        .status(forwarded.status)
        .type(forwarded.headers.get('content-type') ?? 'text/html')
        .send(await forwarded.text());
    } catch (err) {
      opts.logger.warn({ err }, 'unsubscribe could not be forwarded');
      res.status(503).type('text/plain').send('Try again later');
    }
  };
  // One-click unsubscribe posts "List-Unsubscribe=One-Click" form-encoded; the body is not needed.
  router.get('/:token', handle);
  router.post('/:token', express.urlencoded({ extended: false, limit: '1kb' }), handle);
  return router;
}
