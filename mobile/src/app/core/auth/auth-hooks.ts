import { InjectionToken } from '@angular/core';

/**
 * What the transport (Apollo links, the WebSocket client) needs from the session. A token rather
 * than AuthService itself, because AuthService sends its own GraphQL operations through Apollo.
 */
export interface AuthHooks {
  /** A current access token (refreshed first when about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** The server rejected the credentials: end the session. */
  rejected(): void;
}

export const AUTH_HOOKS = new InjectionToken<AuthHooks>('AUTH_HOOKS');
