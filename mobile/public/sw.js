/*
 * Attendant Technician service worker (hand-written, no build step): keeps the app shell so the
 * app starts without a network.
 *
 * - Page navigations: network first, so a new deployment shows up at once; offline, the cached
 *   index.html.
 * - Hashed build files (main-XXXXXXXX.js, chunk-*.js, styles-*.css, media/*): cache first; their
 *   names change whenever their content does. A new index.html brings all of them, lazy chunks
 *   included, so the app opens every page offline.
 * - Other files of the app (manifest, icons): network first, cache as fallback.
 * - Everything else, above all the API at /graphql (HTTP and WebSocket) and map tiles: not
 *   touched, straight to the network, never cached.
 */
const CACHE = 'attendant-app-v2';
const SCOPE = new URL('./', self.location.href).pathname; // "/app/"
const INDEX = new URL('./', self.location.href).href;
const HASHED = /-[A-Za-z0-9_-]{8}\.(?:js|css|png|jpe?g|gif|svg|webp|woff2?|ttf)$/;
/** "./chunk-ABCD1234.js" as written in a build file's dynamic imports. */
const CHUNK_REF = /["'`](\.?\.?\/?chunk-[A-Za-z0-9_-]{8}\.js)["'`]/g;
const STATIC = [
  'manifest.webmanifest',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon.svg',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const response = await fetch(INDEX, { cache: 'no-cache' });
        if (response.ok) await adoptShell(response, { prefetch: true });
        const cache = await caches.open(CACHE);
        await cache.addAll(STATIC.map((path) => new URL(path, INDEX).href));
      } catch {
        // Offline during install: the shell is cached on the next online visit.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys
          .filter((k) => k.startsWith('attendant-app-') && k !== CACHE)
          .map((k) => caches.delete(k)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) return;
  if (!url.pathname.startsWith(SCOPE) || url.pathname === `${SCOPE}sw.js`) return;

  if (request.mode === 'navigate') event.respondWith(navigate(event));
  else if (HASHED.test(url.pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request));
});

/** Every app route is index.html; it is kept under the app's root URL. */
async function navigate(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      // A new build: fetch all its files now, while there is a network.
      event.waitUntil(adoptShell(response.clone(), { prefetch: true }));
    }
    return response;
  } catch (err) {
    const cached = await caches.match(INDEX);
    if (cached) return cached;
    throw err;
  }
}

/**
 * Stores a freshly fetched index.html (and, with prefetch, the build files it references). When
 * the build changed, files of the previous build are dropped; lazy chunks are cached on first use.
 */
async function adoptShell(response, { prefetch }) {
  const cache = await caches.open(CACHE);
  const html = await response.text();
  const previous = await cache.match(INDEX);
  const changed = !previous || (await previous.text()) !== html;
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((m) => new URL(m[1], INDEX))
    .filter((u) => u.origin === self.location.origin && HASHED.test(u.pathname))
    .map((u) => u.href);
  if (changed) {
    await cache.put(INDEX, new Response(html, { headers: { 'content-type': 'text/html' } }));
    const keep = new Set(assets);
    for (const key of await cache.keys()) {
      if (HASHED.test(new URL(key.url).pathname) && !keep.has(key.url)) await cache.delete(key);
    }
  }
  // Also when unchanged: an earlier prefetch may have been cut off (only missing files are fetched).
  if (!prefetch) return;
  // Lazy chunks (the job page, the sign-in page…) are named inside the JavaScript that loads
  // them: follow those names too, so an offline start can open every page, not just the first.
  const seen = new Set();
  let queue = assets;
  while (queue.length > 0) {
    const next = [];
    await Promise.all(
      queue.map(async (href) => {
        if (seen.has(href)) return;
        seen.add(href);
        let res = await cache.match(href);
        if (!res) {
          res = await fetch(href);
          if (!res.ok) return;
          await cache.put(href, res.clone());
        }
        if (!href.endsWith('.js')) return;
        const text = await res.text();
        for (const m of text.matchAll(CHUNK_REF)) next.push(new URL(m[1], href).href);
      }),
    );
    queue = next;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw err;
  }
}
