import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/** Pages for a signed-in user; otherwise to the login page. */
export const signedInGuard: CanActivateFn = () =>
  inject(SessionStore).signedIn() || inject(Router).createUrlTree(['/login']);

/** Pages for technicians; other staff get a friendly explanation instead. */
export const technicianGuard: CanActivateFn = () => {
  const store = inject(SessionStore);
  if (!store.signedIn()) return inject(Router).createUrlTree(['/login']);
  return store.isTechnician() || inject(Router).createUrlTree(['/not-technician']);
};

/** The login page, only while signed out. */
export const signedOutGuard: CanActivateFn = () =>
  !inject(SessionStore).signedIn() || inject(Router).createUrlTree(['/today']);
