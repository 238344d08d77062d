import { DestroyRef, effect, inject, signal, untracked, type Signal } from '@angular/core';
import type { StoredFile } from '../../core/offline/offline-db';

/**
 * Object URLs for files kept on the device, made once per file and revoked when the file goes
 * away or the component is destroyed. Call in an injection context.
 */
export function localFileUrls(
  files: Signal<readonly StoredFile[]>,
): Signal<ReadonlyMap<string, string>> {
  const urls = signal<ReadonlyMap<string, string>>(new Map());
  effect(() => {
    const current = untracked(urls);
    const next = new Map<string, string>();
    for (const file of files()) {
      next.set(file.key, current.get(file.key) ?? URL.createObjectURL(file.blob));
    }
    for (const [key, url] of current) if (!next.has(key)) URL.revokeObjectURL(url);
    if (next.size !== current.size || [...next].some(([k, u]) => current.get(k) !== u)) {
      urls.set(next);
    }
  });
  inject(DestroyRef).onDestroy(() => {
    for (const url of urls().values()) URL.revokeObjectURL(url);
  });
  return urls.asReadonly();
}
