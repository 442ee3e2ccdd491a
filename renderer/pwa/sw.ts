// The service worker: precaches the built app (the list is written in at build time by
// renderer/vite.config.ts) and answers from that cache first, so the client starts and
// runs with the network off. API calls are never cached: personal data lives only in
// the encrypted store, and the sync must see the network as it is.

declare const __PRECACHE__: string[];
declare const __CACHE_VERSION__: string;

// The slice of the service-worker scope this file uses: the renderer's tsconfig has the
// DOM library, whose `self` is a Window.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: { readonly scope: string };
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const cacheName = `kizuna-app-${__CACHE_VERSION__}`;
const scope = new URL(worker.registration.scope);
const appShell = new URL('./index.html', scope).href;
const precache = __PRECACHE__.map((path) => new URL(path, scope).href);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // `reload` bypasses the HTTP cache, so a new version never precaches stale files.
      await cache.addAll(precache.map((url) => new Request(url, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('kizuna-app-') && name !== cacheName) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // The app is one page with hash routes: only its own address is the app shell.
    if (url.pathname === scope.pathname || url.href.split('#')[0] === appShell) event.respondWith(fromCacheFirst(appShell, request));
    return;
  }
  if (precache.includes(url.origin + url.pathname)) event.respondWith(fromCacheFirst(url.origin + url.pathname, request));
});

async function fromCacheFirst(key: string, request: Request): Promise<Response> {
  const cached = await caches.match(key, { cacheName });
  return cached ?? fetch(request);
}
