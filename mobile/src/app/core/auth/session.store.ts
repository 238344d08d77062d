import { computed, inject, Injectable, signal } from '@angular/core';
import type { SessionTokensFragment, SessionUserFragment } from '../../generated/graphql';
import { PreferencesService } from '../native/preferences.service';

/** What a signed-in device keeps: the tokens and who they belong to. */
export type Session = SessionTokensFragment;

const KEY = 'attendant.session';

/** The current session as a signal, persisted through PreferencesService. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly prefs = inject(PreferencesService);
  private readonly state = signal<Session | null>(null);

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly signedIn = computed(() => this.state() !== null);
  readonly isTechnician = computed(() => this.user()?.roles.includes('TECHNICIAN') ?? false);

  /** Loads the session saved on this device, if any. */
  async load(): Promise<Session | null> {
    const saved = await this.prefs.get<Session>(KEY);
    const valid = saved && typeof saved.refreshToken === 'string' && saved.user ? saved : null;
    this.state.set(valid);
    return valid;
  }

  async save(session: Session): Promise<void> {
    this.state.set(session);
    await this.prefs.set(KEY, session);
  }

  async updateUser(user: SessionUserFragment): Promise<void> {
    const current = this.state();
    if (current) await this.save({ ...current, user });
  }

  async clear(): Promise<void> {
    this.state.set(null);
    await this.prefs.remove(KEY);
  }
}
