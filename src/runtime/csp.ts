/** State the site's Content-Security-Policy: nothing loads or connects beyond the site itself. */

/** Directives every page sends; inline-script hashes are appended at build time (see csp-integration). */
export const PAGE_CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  // xterm.js and CodeMirror inject <style> elements and shiki writes style attributes.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

// A worker's policy is its own script's response header (CSP3), not the page's. The kernel
// runs reader code with `new Function`, which needs 'unsafe-eval' there; the worker has no
// DOM, cookies or storage of the page, and connect-src still keeps it on the site.
/** Directives the worker scripts are served with (only where headers can be set). */
export const WORKER_CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
  "connect-src": ["'self'"],
};

/** Join directives into a policy string, adding extra script sources (e.g. hashes). */
export function policy(directives: Record<string, string[]>, extraScripts: string[] = []): string {
  return Object.entries(directives)
    .map(
      ([name, values]) =>
        `${name} ${(name === "script-src" ? [...values, ...extraScripts] : values).join(" ")}`,
    )
    .join("; ");
}

/** Return the page policy, as used in the <meta http-equiv> tag. */
export function pagePolicy(scriptHashes: string[] = []): string {
  return policy(PAGE_CSP_DIRECTIVES, scriptHashes);
}
