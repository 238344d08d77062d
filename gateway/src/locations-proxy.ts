import { signActor } from '@attendant/kit';
import express from 'express';
import { request } from './http-fetcher';
import { admitSignedIn, type ForwardOptions } from './staff-route';

/**
 * `POST /api/locations` — a technician's GPS fixes, `{ pings: [...] }`, answered like the
 * `recordLocations` mutation (`{ accepted, duplicates, position }`). The credential is checked and
 * rate-limited here; the operations subgraph ingests them behind its signed internal route. For
 * fleets that ping every few seconds this skips query planning and GraphQL execution per ping.
 */
export function locationsProxy(options: ForwardOptions): express.Router {
  const { operationsUrl, secret, logger } = options;
  const target = operationsUrl.replace(/\/graphql$/, '/internal/locations');
  const router = express.Router();
  // The body goes on as it came (operations parses and validates it): no parse and re-encode.
  router.post('/', express.text({ type: () => true, limit: '256kb' }), async (req, res) => {
    const actor = await admitSignedIn(req, res, options, 'Sign in to send locations');
    if (!actor) return;
    try {
      // node:http with keep-alive, like the gateway's subgraph calls (less CPU than fetch).
      const answer = await request(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signActor(actor, secret) },
        body: typeof req.body === 'string' && req.body !== '' ? req.body : '{}',
      });
      res
        .status(answer.status)
        .type(answer.headers.get('content-type') ?? 'application/json')
        .send(await answer.text());
    } catch (err) {
      logger.warn({ err }, 'locations could not be forwarded');
      res.status(503).json({ code: 'UNAVAILABLE', message: 'Try again later' });
    }
  });
  return router;
}
