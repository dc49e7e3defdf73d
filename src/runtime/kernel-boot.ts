/** Start a kernel worker and keep what it says until the notebook runtime has loaded. */
import kernelUrl from "../workers/kernel.ts?worker&url";
import type { KernelEvent, KernelRequest } from "../workers/protocol.ts";
import { startBlobWorker } from "./blob-worker.ts";

/** Hold a started worker and the events it sent before anyone listened. */
export interface BootedKernel {
  worker: Worker;
  early: KernelEvent[];
  failure?: string;
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
  // A blob: worker, so the page's CSP governs cell code on every host (see blob-worker.ts).
  const worker = startBlobWorker(kernelUrl, "kubenotes-kernel");
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
