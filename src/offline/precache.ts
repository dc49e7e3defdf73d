/** What the service worker and the build agree on: which files are saved, and which never change. */

/** Tell whether a URL names a bundled file whose name carries its content hash (Astro's `_astro/`). */
export function isHashedAsset(url: string): boolean {
  return url.includes("/_astro/");
}

/** Tell whether a URL or path names a large file (the compiler's 14 MB of wasm), saved only once used. */
export function isLargeAsset(url: string): boolean {
  return url.endsWith(".wasm");
}

/** Tell whether a built file is saved for offline reading once a notebook starts (paths use `/`). */
export function savedForOffline(path: string): boolean {
  // The compiler is saved when a reader first edits a cell, not before.
  if (isLargeAsset(path)) return false;
  // Host configuration and the worker itself are not pages or assets.
  return path !== "_headers" && path !== "sw.js";
}

/** Turn a built file's path into the URL path a reader's browser asks for (`notes/x/index.html` -> `notes/x/`). */
export function requestPath(path: string): string {
  if (path === "index.html") return "./";
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

/** What an offline reader sees for a page that was never saved; `home` is the site's start page. */
export function offlinePage(home: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Offline | kubenotes</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>You are offline</h1>
<p>This page has not been saved on this device yet. Pages you have opened, and every lesson once you have
run a cell, stay readable and runnable offline.</p>
<p><a href="${home}">Back to the start page</a></p>
</body></html>
`;
}
