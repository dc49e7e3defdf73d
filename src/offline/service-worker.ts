/// <reference lib="webworker" />
/**
 * Keep the site readable and runnable offline. Pages and files are saved as the reader fetches them;
 * once a notebook has started, the page asks for the rest of the site to be saved too (see
 * save-site.ts), so a reader who goes offline can still open every lesson and run its cells.
 * Bundled by offline-integration.ts, which fills in the build's version and file list.
 */
import { isHashedAsset, isLargeAsset, offlinePage } from "./precache.ts";

declare const self: ServiceWorkerGlobalScope;
/** A digest of every file the build wrote: a new build gets a new cache and drops the old. */
declare const __KN_VERSION__: string;
/** The files to save once a notebook has started, relative to the service worker's scope. */
declare const __KN_FILES__: string[];

const CACHE_PREFIX = "kubenotes-";
const CACHE = `${CACHE_PREFIX}${__KN_VERSION__}`;

self.addEventListener("install", (event) => {
  // Nothing is fetched here: a reader who only reads pays for no more than the pages they open.
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      // No clients.claim() here: the page that registered this worker loads its runtime straight from the
      // network, at full speed, until the site is saved (then it is claimed: see "kn:save-site").
    })(),
  );
});

/** Save each of `files` (relative to the scope) not saved yet; say how many are saved and which failed. */
async function save(files: string[]): Promise<{ saved: number; failed: string[] }> {
  const cache = await caches.open(CACHE);
  const failed: string[] = [];
  let saved = 0;
  for (const file of files) {
    const url = new URL(file, self.registration.scope).href;
    if (await cache.match(url)) {
      saved++;
      continue;
    }
    try {
      // Hashed assets never change, so the HTTP cache may answer; pages are revalidated.
      const response = await fetch(url, { cache: isHashedAsset(url) ? "default" : "no-cache" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await cache.put(url, response);
      saved++;
    } catch {
      failed.push(file);
    }
  }
  return { saved, failed };
}

type SaveRequest = { type: "kn:save-site" } | { type: "kn:save-large"; url: string };

self.addEventListener("message", (event) => {
  const request = event.data as SaveRequest | null;
  if (request?.type === "kn:save-site")
    event.waitUntil(
      (async () => {
        const result = await save(__KN_FILES__);
        // Now that the site is saved, serve the open pages too: what they load later comes from the cache.
        await self.clients.claim();
        event.source?.postMessage({ type: "kn:site-saved", ...result });
      })(),
    );
  else if (request?.type === "kn:save-large" && isLargeAsset(request.url) && inScope(request.url))
    event.waitUntil(
      save([request.url]).then((r) => event.source?.postMessage({ type: "kn:large-saved", ...r })),
    );
});

function inScope(url: string): boolean {
  return url.startsWith(self.registration.scope);
}

/** Keep a copy of a good same-origin response. */
async function keep(request: Request, response: Response): Promise<void> {
  if (response.status !== 200 || response.type !== "basic") return;
  if (/no-store/.test(response.headers.get("Cache-Control") ?? "")) return;
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
}

/** Answer from the cache, else from the network (keeping the answer). For files whose name has their hash. */
async function cacheFirst(event: FetchEvent): Promise<Response> {
  const cached = await caches.match(event.request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(keep(event.request, response.clone()));
  return response;
}

/** Answer from the network (keeping the answer), else from the cache: pages stay fresh when online. */
async function networkFirst(event: FetchEvent): Promise<Response> {
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(event.request, response.clone()));
    return response;
  } catch (error) {
    const cached = await caches.match(event.request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    if (event.request.mode === "navigate")
      return new Response(offlinePage(self.registration.scope), {
        status: 503,
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    throw error;
  }
}

/** Answer a large file from the cache only when offline: online, it streams from the network untouched. */
async function offlineOnly(event: FetchEvent): Promise<Response> {
  const cached = await caches.match(event.request, { cacheName: CACHE });
  return cached ?? fetch(event.request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.headers.has("Range")) return;
  if (new URL(request.url).origin !== self.location.origin || !inScope(request.url)) return;
  // Passing 14 MB through this worker (and copying it into the cache) slows the compiler's first load by a
  // third; the page asks for it to be saved once it has loaded (see save-site.ts).
  if (isLargeAsset(request.url)) {
    if (!self.navigator.onLine) event.respondWith(offlineOnly(event));
    return;
  }
  event.respondWith(isHashedAsset(request.url) ? cacheFirst(event) : networkFirst(event));
});
