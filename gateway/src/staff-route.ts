import type { Actor, Logger } from '@attendant/kit';
import type express from 'express';
import { AuthenticationError, type Authenticator } from './authenticate';
import type { RateLimits } from './limits';

/** What a plain-HTTP route forwarded to a subgraph's signed internal route needs. */
export interface ForwardOptions {
  auth: Authenticator;
  limits: RateLimits;
  operationsUrl: string;
  secret: string;
  logger: Logger;
}

/**
 * The signed-in user or API key of a plain-HTTP request, rate-limited like GraphQL; null once
 * the request has been answered (401 for no or a bad credential, 429 over the limit).
 */
export async function admitSignedIn(
  req: express.Request,
  res: express.Response,
  options: Pick<ForwardOptions, 'auth' | 'limits'>,
  signInMessage: string,
): Promise<Actor | null> {
  let actor: Actor;
  try {
    actor = await options.auth.fromHeaders(req.header('authorization'), req.header('x-api-key'));
  } catch (err) {
    if (!(err instanceof AuthenticationError)) throw err;
    res.status(401).json({ code: 'UNAUTHENTICATED', message: err.message });
    return null;
  }
  if (actor.kind === 'anonymous') {
    res.status(401).json({ code: 'UNAUTHENTICATED', message: signInMessage });
    return null;
  }
  const wait = await options.limits.consume(actor, req.ip ?? 'unknown');
  if (wait !== null) {
    res.setHeader('Retry-After', String(wait));
    res
      .status(429)
      .json({ code: 'RATE_LIMITED', message: `Too many requests; try again in ${wait} s` });
    return null;
  }
  return actor;
}
