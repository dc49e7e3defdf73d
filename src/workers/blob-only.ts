/// <reference lib="webworker" />
/** Refuse to run a worker module outside the blob: worker the page starts it in. */

declare const self: DedicatedWorkerGlobalScope;

// Only a blob: worker made by the page (src/runtime/blob-worker.ts) carries the page's CSP.
// Started from the module's own URL, as a cell could do, it would have no policy on hosts
// without headers; throwing before it listens leaves such a worker unable to do anything.
/** Throw unless this worker was started through its blob: bootstrap. */
export function requireBlobWorker(what: string): void {
  if (self.location.protocol !== "blob:") {
    throw new Error(`the ${what} runs only in the blob: worker the notebook starts (blob-worker.ts)`);
  }
}
