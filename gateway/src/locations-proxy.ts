import { signActor, type Actor, type Logger } from '@attendant/kit';
import express from 'express';
import { AuthenticationError, type Authenticator } from './authenticate';
import type { RateLimits } from './limits';

/**
 * `POST /api/locations` — a technician's GPS fixes, `{ pings: [...] }`, answered like the
 * `recordLocations` mutation (`{ accepted, duplicates, position }`). The credential is checked and
 * rate-limited here; the operations subgraph ingests them behind its signed internal route. For
 * fleets that ping every few seconds this skips query planning and GraphQL execution per ping.
 */
export function locationsProxy(options: {
  auth: Authenticator;
  limits: RateLimits;
  operationsUrl: string;
  secret: string;
  logger: Logger;
}): express.Router {
  const { auth, limits, operationsUrl, secret, logger } = options;
  const target = operationsUrl.replace(/\/graphql$/, '/internal/locations');
  const router = express.Router();
  router.post('/', express.json({ limit: '256kb' }), async (req, res) => {
    let actor: Actor;
    try {
      actor = await auth.fromHeaders(req.header('authorization'), req.header('x-api-key'));
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err;
      res.status(401).json({ code: 'UNAUTHENTICATED', message: err.message });
      return;
    }
    if (actor.kind === 'anonymous') {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Sign in to send locations' });
      return;
    }
    const wait = await limits.consume(actor, req.ip ?? 'unknown');
    if (wait !== null) {
      res.setHeader('Retry-After', String(wait));
      res
        .status(429)
        .json({ code: 'RATE_LIMITED', message: `Too many requests; try again in ${wait} s` });
      return;
    }
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
