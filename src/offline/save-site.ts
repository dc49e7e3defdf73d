/** Ask the site's service worker to save the whole site for offline use, once the page's notebook has started. */

let asked = false;

/** Record the service worker's reply as a `kn:site-saved` mark (for tests and the bench). */
function listen(): void {
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: string; saved?: number; failed?: string[] } | null;
    if (data?.type === "kn:site-saved") performance.mark("kn:site-saved", { detail: data });
  });
}

/** Once per page, when the browser is idle: built sites only (`npm start` registers no service worker). */
export function saveSiteForOffline(): void {
  if (asked || !import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  asked = true;
  listen();
  const ask = () =>
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: "kn:save-site" }),
    );
  if ("requestIdleCallback" in window) requestIdleCallback(ask, { timeout: 5000 });
  else setTimeout(ask, 1000);
}
