/** Compile edited cells in a worker with esbuild-wasm, showing the one-time download as a progress bar. */
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { saveLargeFileForOffline } from "../offline/save-site.ts";
import compilerUrl from "../workers/compiler.ts?worker&url";
import type { CompilerEvent, CompilerRequest, Diagnostic } from "../workers/protocol.ts";
import { startBlobWorker } from "./blob-worker.ts";

/** Describe one compile: code and source map, or errors. */
export interface Compiled {
  js: string;
  sourceMap: string;
  errors: Diagnostic[];
  ms: number;
}

let worker: Worker | undefined;
let ready: Promise<void> | undefined;
let nextId = 1;
const waiting = new Map<number, (compiled: Compiled) => void>();

function showProgress(): (loaded: number, total: number) => void {
  const bar = document.createElement("div");
  bar.className = "kn-compiler-progress";
  bar.setAttribute("role", "status");
  const label = document.createElement("span");
  label.textContent = "Loading the TypeScript compiler…";
  const progress = document.createElement("progress");
  progress.setAttribute("aria-label", "Compiler download");
  bar.append(label, progress);
  document.body.append(bar);
  return (loaded, total) => {
    if (total > 0) {
      progress.max = total;
      progress.value = loaded;
    }
    if (total > 0 && loaded >= total) setTimeout(() => bar.remove(), 300);
  };
}

/** Start the compiler worker and the wasm download, once; later calls share it. */
export function warmCompiler(): Promise<void> {
  if (ready) return ready;
  performance.mark("kn:compiler-start");
  const progress = showProgress();
  worker = startBlobWorker(compilerUrl, "kubenotes-compiler");
  ready = new Promise((resolve, reject) => {
    worker!.onmessage = (message: MessageEvent<CompilerEvent>) => {
      const event = message.data;
      if (event.type === "progress") progress(event.loaded, event.total);
      else if (event.type === "ready") {
        performance.measure("kn:compiler-ready", "kn:compiler-start");
        progress(1, 1);
        resolve();
        // Loaded from the network (the service worker lets it pass): now keep a copy for offline editing.
        saveLargeFileForOffline(init.wasmURL);
      } else if (event.type === "init-failed") {
        progress(1, 1);
        reject(new Error(`The compiler could not load: ${event.message}`));
      } else if (event.type === "compiled") {
        waiting.get(event.reqId)?.(event);
        waiting.delete(event.reqId);
        // For npm run bench:site: the worker's own compile time, in a mark's detail.
        performance.mark("kn:compile", { detail: event.ms });
      }
    };
  });
  const init = { type: "init", wasmURL: new URL(wasmURL, location.href).href } satisfies CompilerRequest;
  worker.postMessage(init);
  return ready;
}

/** Compile one cell's TypeScript. */
export async function compileCell(source: string): Promise<Compiled> {
  await warmCompiler();
  const reqId = nextId++;
  return new Promise((resolve) => {
    waiting.set(reqId, resolve);
    const request: CompilerRequest = { type: "compile", reqId, source };
    worker!.postMessage(request);
  });
}
