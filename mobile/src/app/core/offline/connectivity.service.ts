import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/**
 * Whether the device says it has a network (navigator.onLine and its online/offline events).
 * "Online" only means worth trying: the sync engine also learns from failed requests.
 */
@Injectable({ providedIn: 'root' })
export class ConnectivityService {
  private readonly state = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly online = this.state.asReadonly();

  constructor() {
    const update = () => this.state.set(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    });
  }
}
