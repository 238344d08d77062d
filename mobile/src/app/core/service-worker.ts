/**
 * Registers public/sw.js, which keeps the app shell for offline starts. The URL is relative to
 * <base href> (/app/), so the worker's scope is the app and never the API at /graphql.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register('sw.js', { scope: './' })
      .catch((err: unknown) => console.warn('Service worker not registered', err));
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
