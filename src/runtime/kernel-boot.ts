/** Start a kernel worker and keep what it says until the notebook runtime has loaded. */
import kernelUrl from "../workers/kernel.ts?worker&url";
import type { KernelEvent, KernelRequest } from "../workers/protocol.ts";

/** Hold a started worker and the events it sent before anyone listened. */
export interface BootedKernel {
  worker: Worker;
  early: KernelEvent[];
  failure?: string;
}

let bootstrap: string | undefined;

// Per CSP3 a worker made from a blob: URL inherits its creator's policy, here the page's <meta>
// CSP (connect-src 'self'), so cell code cannot reach the network even on hosts that send no
// headers. A worker made from the script's own URL would get only that response's headers.
/** Return the blob: URL of a one-line module that imports the real (same-origin) kernel module. */
function bootstrapUrl(): string {
  const target = new URL(kernelUrl, location.href).href;
  bootstrap ??= URL.createObjectURL(
    new Blob([`import ${JSON.stringify(target)};\n`], { type: "text/javascript" }),
  );
  return bootstrap;
}

/** Record how long the worker took to load its code and to boot the cluster, for the bench. */
function markReady(event: KernelEvent): void {
  if (event.type !== "ready") return;
  const { timeOrigin, loadedAt, bootMs } = event.timing;
  const start = performance.getEntriesByName("kn:kernel-start").at(-1)?.startTime ?? 0;
  const loadMs = timeOrigin + loadedAt - performance.timeOrigin - start;
  performance.measure("kn:kernel-ready", { start: "kn:kernel-start", detail: { loadMs, bootMs } });
}

/** Start the kernel worker with the page's cluster preset, so the cluster boots while the runtime loads. */
export function bootKernel(preset: string, seed?: number): BootedKernel {
  performance.mark("kn:kernel-start");
  const worker = new Worker(bootstrapUrl(), { type: "module", name: "kubenotes-kernel" });
  const booted: BootedKernel = { worker, early: [] };
  worker.addEventListener("message", (message: MessageEvent<KernelEvent>) => markReady(message.data));
  worker.onmessage = (message: MessageEvent<KernelEvent>) => booted.early.push(message.data);
  worker.onerror = (event) => {
    event.preventDefault();
    booted.failure = event.message || "the kernel worker failed to start";
  };
  const init: KernelRequest = { type: "init", preset, ...(seed === undefined ? {} : { seed }) };
  worker.postMessage(init);
  return booted;
}
