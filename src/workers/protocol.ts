/** Messages between the page and its kernel and compiler workers. */

/** Name a stream a cell or a terminal line writes to. */
export type Stream = "stdout" | "stderr";

/** List what the page may ask of the kernel worker. */
export type KernelRequest =
  | { type: "init"; preset: string; seed?: number }
  | { type: "run"; runId: number; cellId: string; js: string; sourceMap?: string; quiet?: boolean }
  | { type: "line"; runId: number; line: string; quiet?: boolean }
  | { type: "complete"; reqId: number; line: string };

/** List what the kernel worker reports back to the page. */
export type KernelEvent =
  | { type: "ready"; prompt: string; timing: KernelTiming }
  | { type: "out"; runId: number; stream: Stream; text: string }
  | { type: "flood"; runId: number; reason: string }
  | { type: "done"; runId: number; ok: boolean; exitCode?: number; prompt: string }
  | { type: "completion"; reqId: number; items: string[] }
  | { type: "fatal"; message: string };

/** Time the kernel's start: the worker's clock origin (epoch ms), when its modules began and ended evaluating, the boot. */
export interface KernelTiming {
  timeOrigin: number;
  evaluatedFrom: number;
  loadedAt: number;
  bootMs: number;
}

/** Describe one compile diagnostic, 1-based line and column in the cell's own source. */
export interface Diagnostic {
  line: number;
  column: number;
  length: number;
  text: string;
}

/** List what the page may ask of the compiler worker. */
export type CompilerRequest =
  | { type: "init"; wasmURL: string }
  | { type: "compile"; reqId: number; source: string };

/** List what the compiler worker reports back to the page. */
export type CompilerEvent =
  | { type: "progress"; loaded: number; total: number }
  | { type: "ready" }
  | { type: "init-failed"; message: string }
  | { type: "compiled"; reqId: number; js: string; sourceMap: string; errors: Diagnostic[]; ms: number };
