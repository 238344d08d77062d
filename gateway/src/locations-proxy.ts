import { signActor } from '@attendant/kit';
import express from 'express';
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
  router.post('/', express.json({ limit: '256kb' }), async (req, res) => {
    const actor = await admitSignedIn(req, res, options, 'Sign in to send locations');
    if (!actor) return;
    try {
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signActor(actor, secret) },
        body: JSON.stringify(req.body ?? {}),
        signal: AbortSignal.timeout(15_000),
      });
      res
        .status(answer.status)
        .type('application/json')
        .send(await answer.text());
    } catch (err) {
      logger.warn({ err }, 'locations could not be forwarded');
      res.status(503).json({ code: 'UNAVAILABLE', message: 'Try again later' });
    }
  });
  return router;
}
