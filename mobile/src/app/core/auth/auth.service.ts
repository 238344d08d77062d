import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { NavController } from '@ionic/angular';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { LoginGQL, LogoutGQL, MeGQL, RefreshSessionGQL } from '../../generated/graphql';
import { RealtimeService } from '../graphql/realtime.service';
import { SessionStore, type Session } from './session.store';

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
/** A token with less life than this left is refreshed before it is sent. */
const MIN_TOKEN_LIFE_MS = 20_000;
/** How long a start waits for an expired token's refresh before opening the saved jobs. */
const START_REFRESH_WAIT_MS = 3_000;

/**
 * Signs the technician in and out and keeps the access token fresh: a timer refreshes it a minute
 * before expiry, and every request checks it first (a phone may have slept through the timer).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly store = inject(SessionStore);
  private readonly loginGql = inject(LoginGQL);
  private readonly logoutGql = inject(LogoutGQL);
  private readonly refreshGql = inject(RefreshSessionGQL);
  private readonly meGql = inject(MeGQL);
  private readonly apollo = inject(Apollo);
  private readonly realtime = inject(RealtimeService);
  private readonly nav = inject(NavController);
  private readonly router = inject(Router);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<Session | null> | null = null;

  /** At start-up: picks up the saved session, refreshing it when its token has run out. */
  async restore(): Promise<void> {
    const session = await this.store.load();
    if (!session) return;
    if (lifeLeft(session) < MIN_TOKEN_LIFE_MS) {
      // A weak signal must not hold up an offline start: wait a little, then let it finish
      // in the background (requests wait for it anyway; a refused session signs out then).
      const refreshed = this.refresh().catch(() => null);
      await Promise.race([refreshed, new Promise((r) => setTimeout(r, START_REFRESH_WAIT_MS))]);
    }
    if (!this.store.session()) return;
    this.schedule();
    // Roles may have changed since the last sign-in; check without holding up the start.
    firstValueFrom(this.meGql.fetch({ fetchPolicy: 'network-only' }))
      .then((r) => (r.data ? this.store.updateUser(r.data.me) : undefined))
      .catch(() => undefined);
  }

  /** Signs in; rejects with the API error (e.g. wrong password) for the page to show. */
  async login(email: string, password: string): Promise<Session> {
    const result = await firstValueFrom(
      this.loginGql.mutate({ variables: { input: { email, password } } }),
    );
    const session = result.data!.login;
    await this.apollo.client.clearStore();
    await this.store.save(session);
    this.realtime.restart();
    this.schedule();
    return session;
  }

  /** Ends the session on the server (best effort) and on this device. */
  async logout(): Promise<void> {
    const session = this.store.session();
    if (session) {
      await firstValueFrom(
        this.logoutGql.mutate({ variables: { refreshToken: session.refreshToken } }),
      ).catch(() => undefined);
    }
    await this.endLocally();
  }

  /** The server no longer accepts this session: forget it and ask to sign in again. */
  async sessionExpired(): Promise<void> {
    if (!this.store.session()) return;
    await this.endLocally();
  }

  /** An access token with some life left, refreshing first when needed; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.store.session();
    if (!session) return null;
    if (lifeLeft(session) >= MIN_TOKEN_LIFE_MS) return session.accessToken;
    const fresh = await this.refresh().catch(() => null);
    return (fresh ?? this.store.session())?.accessToken ?? null;
  }

  /** Trades the refresh token for a new session; one refresh at a time (tokens are single use). */
  refresh(): Promise<Session | null> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<Session | null> {
    const current = this.store.session();
    if (!current) return null;
    try {
      const result = await firstValueFrom(
        this.refreshGql.mutate({ variables: { refreshToken: current.refreshToken } }),
      );
      const session = result.data!.refreshSession;
      await this.store.save(session);
      this.schedule();
      return session;
    } catch (err) {
      // The server refused the token: the session is over. (Network trouble keeps it for later.)
      if (CombinedGraphQLErrors.is(err)) await this.sessionExpired();
      throw err;
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const session = this.store.session();
    if (!session) return;
    const wait = Math.max(lifeLeft(session) - REFRESH_AHEAD_MS, 5_000);
    this.timer = setTimeout(() => void this.refresh().catch(() => this.retryLater()), wait);
  }

  private retryLater(): void {
    if (!this.store.session()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => this.retryLater()), 30_000);
  }

  private async endLocally(): Promise<void> {
    clearTimeout(this.timer);
    await this.store.clear();
    this.realtime.restart();
    await this.apollo.client.clearStore();
    // At start-up the guards send the first navigation to the login page themselves.
    if (this.router.navigated) await this.nav.navigateRoot('/login');
  }
}

const lifeLeft = (session: Session) => Date.parse(session.accessTokenExpiresAt) - Date.now();
