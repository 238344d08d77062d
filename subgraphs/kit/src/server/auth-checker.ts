import type { AuthChecker } from 'type-graphql';
import type { Role } from '../auth/actor';
import { hasTenant } from '../auth/actor';
import { KitError, KitErrorCode } from '../errors';
import type { SubgraphContext } from './context';

/**
 * `@Authorized(...roles)`: the actor must be signed in to an organization and hold one of the
 * roles (any staff role when none are listed). API keys act as INTEGRATOR and need the `write`
 * scope for mutations.
 */
export const authChecker: AuthChecker<SubgraphContext, Role> = ({ context, info }, roles) => {
  const { actor } = context;
  if (!hasTenant(actor)) {
    throw new KitError(KitErrorCode.Unauthenticated, 'Sign in to do this');
  }
  if (
    actor.kind === 'apiKey' &&
    info.operation.operation === 'mutation' &&
    !actor.scopes.includes('write')
  ) {
    throw new KitError(KitErrorCode.Forbidden, 'This API key has no write scope');
  }
  if (roles.length > 0 && !roles.some((r) => actor.roles.includes(r))) {
    throw new KitError(KitErrorCode.Forbidden, `This needs one of the roles ${roles.join(', ')}`);
  }
  return true;
};
