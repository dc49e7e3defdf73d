/// <reference lib="webworker" />
/** Hold the page's cluster in a worker and run cells and terminal lines against it, like a notebook kernel. */
// First, so that it runs before the sandbox's modules (see kernel-clock.ts).
import "./kernel-clock.ts";
import { createCluster } from "../../sandbox/index.ts";
import { requireBlobWorker } from "./blob-only.ts";
import { runCellModule } from "./cell-module.ts";
import { formatCellError } from "./error-position.ts";
import type { KernelEvent, KernelRequest, Stream } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

requireBlobWorker("kernel");

// Since the worker started: fetching and evaluating this module and all it imports.
const loadedAt = performance.now();

/** Stop forwarding a run's output past these sizes; the page then replaces this worker. */
export const OUTPUT_CAP_BYTES = 1_000_000;
export const OUTPUT_CAP_LINES = 20_000;

type Cluster = ReturnType<typeof createCluster>;
type Shell = ReturnType<Cluster["shell"]>;

let cluster: Cluster | undefined;
let shell: Shell | undefined;
let queue: Promise<void> = Promise.resolve();

function post(event: KernelEvent): void {
  self.postMessage(event);
}

function prompt(): string {
  return shell?.prompt() ?? "controlplane $ ";
}

/** Make a writer for one run: batches output per microtask and stops at the cap with a flood report. */
function writer(
  runId: number,
  quiet: boolean,
): ((stream: Stream, text: string) => void) & { flush: () => void } {
  let bytes = 0;
  let lines = 0;
  let flooded = false;
  let batch: { stream: Stream; text: string } | undefined;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (batch && !quiet) post({ type: "out", runId, ...batch });
    batch = undefined;
  };
  const write = (stream: Stream, text: string) => {
    if (flooded || text.length === 0) return;
    bytes += text.length;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    if (bytes > OUTPUT_CAP_BYTES || lines > OUTPUT_CAP_LINES) {
      flooded = true;
      flush();
      const reason =
        bytes > OUTPUT_CAP_BYTES ? "more than 1 MB of output" : "more than 20,000 lines of output";
      post({ type: "flood", runId, reason });
      // Throwing stops a cell that prints in a loop even when it never yields.
      throw new Error(`output limit reached (${reason})`);
    }
    if (batch && batch.stream !== stream) flush();
    batch = batch ? { stream, text: batch.text + text } : { stream, text };
    // A cell that never yields is still capped above; one that awaits streams at each await.
    if (batch.text.length > 16_384) flush();
    else if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };
  return Object.assign(write, { flush });
}

async function run(request: Extract<KernelRequest, { type: "run" }>): Promise<void> {
  const write = writer(request.runId, request.quiet === true);
  let ok = true;
  try {
    await runCellModule(request.js, { cluster: cluster!, write });
  } catch (error) {
    ok = false;
    try {
      write("stderr", formatCellError(error, request.sourceMap));
    } catch {
      // the output cap was already reached; the flood event said why
    }
  }
  write.flush();
  post({ type: "done", runId: request.runId, ok, prompt: prompt() });
}

function runLine(request: Extract<KernelRequest, { type: "line" }>): void {
  const write = writer(request.runId, request.quiet === true);
  let exitCode = 1;
  try {
    const result = shell!.run(request.line, (stream: Stream, text: string) => write(stream, text));
    exitCode = result.exitCode;
  } catch (error) {
    try {
      write("stderr", `${String(error)}\n`);
    } catch {
      // output cap reached
    }
  }
  write.flush();
  post({ type: "done", runId: request.runId, ok: exitCode === 0, exitCode, prompt: prompt() });
}

function complete(line: string): string[] {
  return shell?.complete(line) ?? [];
}

function handle(request: KernelRequest): Promise<void> | void {
  switch (request.type) {
    case "init": {
      const start = performance.now();
      cluster = createCluster(
        request.seed === undefined
          ? { preset: request.preset }
          : { preset: request.preset, seed: request.seed },
      );
      shell = cluster.shell();
      // The page terminal is an xterm a person types into: `kubectl exec -it` gets a prompt there.
      shell.tty = true;
      const evaluatedFrom = performance.getEntriesByName("kn:kernel-evaluate")[0]?.startTime ?? loadedAt;
      const timing = {
        timeOrigin: performance.timeOrigin,
        evaluatedFrom,
        loadedAt,
        bootMs: performance.now() - start,
      };
      post({ type: "ready", prompt: prompt(), timing });
      return;
    }
    case "run":
      return run(request);
    case "line":
      return runLine(request);
    case "complete":
      post({ type: "completion", reqId: request.reqId, items: complete(request.line) });
      return;
  }
}

self.onmessage = (message: MessageEvent<KernelRequest>) => {
  // One request at a time, in order, so cells and terminal lines see each other's effects.
  queue = queue
    .then(() => handle(message.data))
    .catch((error: unknown) => post({ type: "fatal", message: String(error) }));
};
