import { computed, Injectable, signal } from '@angular/core';
import type { SessionUserFragment } from '../generated/graphql';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: SessionUserFragment;
}

const KEY = 'attendant.admin.session';
/** Roles that may use the console; technicians work in the app. */
export const CONSOLE_ROLES = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;

/** The signed-in session, kept in localStorage so a reload stays signed in. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly state = signal<Session | null>(read());

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly roles = computed(() => this.state()?.user.roles ?? []);
  readonly signedIn = computed(() => this.state() !== null);

  hasAnyRole(roles: readonly string[]): boolean {
    return this.roles().some((r) => roles.includes(r));
  }

  set(session: Session | null): void {
    this.state.set(session);
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  }
}

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}
