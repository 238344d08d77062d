import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { LoginGQL, LogoutGQL, RefreshSessionGQL } from '../generated/graphql';
import { CONSOLE_ROLES, SessionStore, type Session } from './session.store';

export class NotForConsoleError extends Error {}

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly loginGql = inject(LoginGQL);
  private readonly refreshGql = inject(RefreshSessionGQL);
  private readonly logoutGql = inject(LogoutGQL);
  private refreshing: Promise<Session | null> | null = null;

  async login(email: string, password: string): Promise<void> {
    const res = await firstValueFrom(
      this.loginGql.mutate({ variables: { input: { email, password } } }),
    );
    const session = res.data?.login;
    if (!session) throw new Error('Sign-in failed');
    if (!session.user.roles.some((r) => (CONSOLE_ROLES as readonly string[]).includes(r))) {
      // A technician's credentials are valid, but the console is not theirs: end that session.
      await firstValueFrom(
        this.logoutGql.mutate({ variables: { refreshToken: session.refreshToken } }),
      ).catch(() => undefined);
      throw new NotForConsoleError(
        'The console is for managers, dispatchers and analysts. Technicians use the Attendant app.',
      );
    }
    this.store.set(session);
  }

  /** One refresh at a time; resolves with the new session, or null when the session has ended. */
  refresh(): Promise<Session | null> {
    const current = this.store.session();
    if (!current) return Promise.resolve(null);
    this.refreshing ??= firstValueFrom(
      this.refreshGql.mutate({ variables: { refreshToken: current.refreshToken } }),
    )
      .then((res) => {
        const next = res.data?.refreshSession ?? null;
        this.store.set(next);
        return next;
      })
      .catch(() => {
        this.store.set(null);
        return null;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async logout(): Promise<void> {
    const current = this.store.session();
    this.store.set(null);
    if (current)
      await firstValueFrom(
        this.logoutGql.mutate({ variables: { refreshToken: current.refreshToken } }),
      ).catch(() => undefined);
    await this.router.navigate(['/login']);
  }
}
