/** Start a kernel worker and keep what it says until the notebook runtime has loaded. */
import type { KernelEvent, KernelRequest } from "../workers/protocol.ts";

/** Hold a started worker and the events it sent before anyone listened. */
export interface BootedKernel {
  worker: Worker;
  early: KernelEvent[];
  failure?: string;
}

/** Start the kernel worker with the page's cluster preset, so the cluster boots while the runtime loads. */
export function bootKernel(preset: string, seed?: number): BootedKernel {
  const worker = new Worker(new URL("../workers/kernel.ts", import.meta.url), {
    type: "module",
    name: "kubenotes-kernel",
  });
  const booted: BootedKernel = { worker, early: [] };
  worker.onmessage = (message: MessageEvent<KernelEvent>) => booted.early.push(message.data);
  worker.onerror = (event) => {
    event.preventDefault();
    booted.failure = event.message || "the kernel worker failed to start";
  };
  const init: KernelRequest = { type: "init", preset, ...(seed === undefined ? {} : { seed }) };
  worker.postMessage(init);
  return booted;
}
