/// <reference lib="webworker" />
/** Compile edited cells with esbuild-wasm, fetched once with progress and kept warm. */
import * as esbuild from "esbuild-wasm/esm/browser.js";
import { requireBlobWorker } from "./blob-only.ts";
import type { CompilerEvent, CompilerRequest, Diagnostic } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

requireBlobWorker("compiler");

// Keep these in step with the build-time compile of cells (native esbuild), so an edit
// of a cell runs the same way as the original.
const TRANSFORM_OPTIONS = {
  loader: "ts",
  format: "esm",
  target: "es2022",
  sourcemap: "external",
  sourcefile: "cell.ts",
  sourcesContent: false,
} as const;

let ready: Promise<void> | undefined;

function post(event: CompilerEvent): void {
  self.postMessage(event);
}

async function fetchWithProgress(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`could not fetch ${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    post({ type: "progress", loaded, total });
  }
  const bytes = new Uint8Array(new ArrayBuffer(loaded));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function start(wasmURL: string): Promise<void> {
  const bytes = await fetchWithProgress(wasmURL);
  const wasmModule = await WebAssembly.compile(bytes);
  await esbuild.initialize({ wasmModule, worker: false });
}

async function compile(reqId: number, source: string): Promise<void> {
  const t0 = performance.now();
  try {
    const result = await esbuild.transform(source, TRANSFORM_OPTIONS);
    post({
      type: "compiled",
      reqId,
      js: result.code,
      sourceMap: result.map,
      errors: [],
      ms: performance.now() - t0,
    });
  } catch (error) {
    const failures = (error as { errors?: esbuild.Message[] }).errors ?? [];
    const errors: Diagnostic[] = failures.map((m) => ({
      line: m.location?.line ?? 1,
      column: (m.location?.column ?? 0) + 1,
      length: m.location?.length ?? 0,
      text: m.text,
    }));
    if (errors.length === 0) errors.push({ line: 1, column: 1, length: 0, text: String(error) });
    post({ type: "compiled", reqId, js: "", sourceMap: "", errors, ms: performance.now() - t0 });
  }
}

self.onmessage = (message: MessageEvent<CompilerRequest>) => {
  const request = message.data;
  if (request.type === "init") {
    ready ??= start(request.wasmURL).then(
      () => post({ type: "ready" }),
      (error: unknown) => post({ type: "init-failed", message: String(error) }),
    );
    return;
  }
  void ready?.then(() => compile(request.reqId, request.source));
};
