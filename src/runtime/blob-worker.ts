/** Start module workers through a one-line blob: bootstrap, so they inherit the page's CSP. */

const bootstraps = new Map<string, string>();

// Per CSP3 a worker made from a blob: URL inherits its creator's policy, here the page's <meta>
// CSP (connect-src 'self', no eval), so worker code stays on the site even on hosts that send no
// headers. A worker made from its script's own URL would get only that response's headers.
/** Start the module worker `scriptUrl` (same-origin) as a blob: worker that imports it. */
export function startBlobWorker(scriptUrl: string, name: string): Worker {
  const target = new URL(scriptUrl, location.href).href;
  let bootstrap = bootstraps.get(target);
  if (!bootstrap) {
    bootstrap = URL.createObjectURL(
      new Blob([`import ${JSON.stringify(target)};\n`], { type: "text/javascript" }),
    );
    bootstraps.set(target, bootstrap);
  }
  return new Worker(bootstrap, { type: "module", name });
}
