import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/** Signed in, or off to the sign-in page (coming back afterwards). */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const store = inject(SessionStore);
  return store.signedIn()
    ? true
    : inject(Router).createUrlTree(['/login'], { queryParams: { next: state.url } });
};

/** One of the given roles, or back to the dashboard. */
export const roleGuard =
  (...roles: string[]): CanActivateFn =>
  () =>
    inject(SessionStore).hasAnyRole(roles) ? true : inject(Router).createUrlTree(['/']);
