/** State the site's Content-Security-Policy: nothing loads or connects beyond the site itself. */

/** Directives every page sends; inline-script hashes are appended at build time (see csp-integration). */
export const PAGE_CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  // blob: lets the kernel worker run each cell as a blob: module (src/workers/cell-module.ts);
  // the worker is itself a blob: worker, so that it inherits this policy (kernel-boot.ts).
  "script-src": ["'self'", "blob:", "'wasm-unsafe-eval'"],
  // xterm.js and CodeMirror inject <style> elements and shiki writes style attributes.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'", "blob:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
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
