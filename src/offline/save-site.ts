/** Ask the site's service worker to save the site for offline use, once the reader has started using it. */

const asked = new Set<string>();
let listening = false;

/** Record the service worker's replies as `kn:site-saved` / `kn:large-saved` marks (for tests and the bench). */
function listen(): void {
  if (listening) return;
  listening = true;
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: string; saved?: number; failed?: string[] } | null;
    if (data?.type === "kn:site-saved" || data?.type === "kn:large-saved")
      performance.mark(data.type, { detail: data });
  });
}

/**
 * Ask once per page, `delayMs` from now and then when the browser is idle: built sites only (`npm start`
 * registers no service worker).
 */
function ask(request: { type: string; url?: string }, delayMs = 0): void {
  const key = JSON.stringify(request);
  if (asked.has(key) || !import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  asked.add(key);
  listen();
  const send = () =>
    void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(request));
  const whenIdle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(send, { timeout: 5000 }) : setTimeout(send, 1000);
  if (delayMs > 0) setTimeout(whenIdle, delayMs);
  else whenIdle();
}

/** Save the site (every lesson and the runtime) for offline use: the reader has started a notebook. */
export function saveSiteForOffline(): void {
  // Not at once: the reader's first runs and first edit (the compiler's download) go first.
  ask({ type: "kn:save-site" }, 5000);
}

/** Save a large file the page has just loaded (the compiler's wasm), so editing works offline too. */
export function saveLargeFileForOffline(url: string): void {
  // Copying 14 MB into the cache at once would slow the reader's first compiles: wait a little.
  ask({ type: "kn:save-large", url }, 10_000);
}
