import express from 'express';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { RateLimits } from '../limits';

/** 32 random bytes in base64url are 43 characters; anything far from that is no token. */
const TOKEN = /^[A-Za-z0-9_-]{40,60}$/;

// The page's own files live beside this module in the source tree (dist/ holds only compiled
// TypeScript, and runs from the same checkout, like the supergraph file).
const PAGE_DIR = path.resolve(
  __dirname.replace(`${path.sep}dist${path.sep}`, path.sep),
  '..',
  'tracking-page',
);
const LEAFLET_DIR = path.join(path.dirname(require.resolve('leaflet/package.json')), 'dist');

/*
 * The customer's page is public and reached from a text message, so it gives away as little as
 * possible: no referrer (the URL holds the token), not indexed, never cached, and a CSP that only
 * lets it load its own files, OpenStreetMap tiles and the technician's photo (https or data:).
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const pageHeaders: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};

/** GET /track/:token (the page) and /track/assets/* (its script, styles and Leaflet). */
export function trackingPageRouter(limits: RateLimits): express.Router {
  const router = express.Router();
  router.use(pageHeaders);
  for (const file of ['track.js', 'track.css']) {
    router.get(`/assets/${file}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.sendFile(path.join(PAGE_DIR, file));
    });
  }
  router.use('/assets/leaflet', express.static(LEAFLET_DIR, { index: false, maxAge: '1d' }));

  const notFound = (res: express.Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.status(404).sendFile(path.join(PAGE_DIR, 'not-found.html'));
  };

  router.get('/:token', async (req, res, next) => {
    const token = req.params['token'] ?? '';
    if (!TOKEN.test(token)) {
      notFound(res);
      return;
    }
    try {
      const wait = await limits.consumeTrackingPage(
        createHash('sha256').update(token).digest('hex'),
      );
      res.setHeader('Cache-Control', 'no-store');
      if (wait !== null) {
        res.setHeader('Retry-After', String(wait));
        res.status(429).type('text/plain').send(`Too many requests; try again in ${wait} s`);
        return;
      }
      // Whether the token is known is for trackVisit to say; the page shows it.
      res.sendFile(path.join(PAGE_DIR, 'index.html'));
    } catch (err) {
      next(err);
    }
  });
  router.use((_req, res) => notFound(res));
  return router;
}
