import { inject, Injectable, signal } from '@angular/core';
import { createClient } from 'graphql-ws';
import { Subject } from 'rxjs';
import { AUTH_HOOKS } from '../auth/auth-hooks';

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/**
 * The graphql-ws connection for subscriptions. It connects when the first subscription starts,
 * retries forever with backoff, and tells listeners each time it (re)connects: events may have
 * been missed while it was down, so lists must refetch then.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly hooks = inject(AUTH_HOOKS);
  private readonly connections = new Subject<void>();

  /** Emits on every successful connection, the first one included. */
  readonly connected$ = this.connections.asObservable();
  readonly online = signal(false);

  readonly client = createClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000) + Math.random() * 500),
      ),
    connectionParams: async () => {
      const token = await this.hooks.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => {
        this.online.set(true);
        this.connections.next();
      },
      closed: () => this.online.set(false),
    },
  });

  /** Drops the connection so the next one signs in with the current session (or none). */
  restart(): void {
    this.client.terminate();
  }
}
