import type { Logger } from '@attendant/kit';
import type express from 'express';
import { escapeHtml } from './email-render';
import type { UnsubscribeResult, UnsubscribeService } from './unsubscribe.service';

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    title,
  )}</title></head><body style="font-family: sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5"><h1 style="font-size: 1.4rem">${escapeHtml(
    title,
  )}</h1>${body}</body></html>`;

const NOT_FOUND = page(
  'This unsubscribe link is not valid',
  '<p>Use the link from the latest email you received, or reply to that email.</p>',
);

function done(result: Extract<UnsubscribeResult, { ok: true }>): string {
  return page(
    'You are unsubscribed',
    `<p>${escapeHtml(result.address)} will not receive marketing emails from us any more.</p><p>Messages about your bookings and visits still reach you.</p>`,
  );
}

/**
 * The unsubscribe link of marketing emails, forwarded by the gateway from
 * `GET|POST /email/unsubscribe/:token`. GET asks for confirmation (mail scanners open links, and
 * must not unsubscribe anyone); POST records the opt-out: the confirmation form and the one-click
 * unsubscribe of mail clients (RFC 8058). Both answer a small HTML page; 404 for a bad token.
 */
export function unsubscribeRoutes(
  router: express.Router,
  service: UnsubscribeService,
  logger: Logger,
): void {
  router.get('/email/unsubscribe/:token', async (req, res) => {
    try {
      const result = await service.check(String(req.params['token']));
      if (!result.ok) {
        res.status(404).type('html').send(NOT_FOUND);
        return;
      }
      if (result.alreadyOptedOut) {
        res.status(200).type('html').send(done(result));
        return;
      }
      res
        .status(200)
        .type('html')
        .send(
          page(
            'Unsubscribe from marketing emails?',
            `<p>${escapeHtml(result.address)} will no longer receive marketing emails from us. Messages about your bookings and visits still reach you.</p><form method="post"><button type="submit" style="font-size: 1rem; padding: .5rem 1rem">Unsubscribe</button></form>`,
          ),
        );
    } catch (err) {
      logger.error({ err }, 'unsubscribe page failed');
      res.status(500).type('html').send(page('Something went wrong', '<p>Try again later.</p>'));
    }
  });
  router.post('/email/unsubscribe/:token', async (req, res) => {
    try {
      const result = await service.unsubscribe(String(req.params['token']));
      if (!result.ok) res.status(404).type('html').send(NOT_FOUND);
      else res.status(200).type('html').send(done(result));
    } catch (err) {
      logger.error({ err }, 'unsubscribe failed');
      res.status(500).type('html').send(page('Something went wrong', '<p>Try again later.</p>'));
    }
  });
}
