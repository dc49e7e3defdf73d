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

/** Record when the worker came up, had its code, had evaluated it and had booted the cluster, for the bench. */
function markReady(event: KernelEvent): void {
  if (event.type !== "ready") return;
  const { timeOrigin, evaluatedFrom, loadedAt, bootMs } = event.timing;
  const start = performance.getEntriesByName("kn:kernel-start").at(-1)?.startTime ?? 0;
  // Worker times are on the worker's clock; shift them to ms after kn:kernel-start.
  const sinceStart = (workerMs: number) => timeOrigin + workerMs - performance.timeOrigin - start;
  const detail = {
    workerMs: sinceStart(0),
    compiledMs: sinceStart(evaluatedFrom),
    loadMs: sinceStart(loadedAt),
    evaluateMs: loadedAt - evaluatedFrom,
    bootMs,
  };
  performance.measure("kn:kernel-ready", { start: "kn:kernel-start", detail });
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
