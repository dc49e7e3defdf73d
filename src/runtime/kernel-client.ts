/** Drive the page's kernel worker: run cells and lines in order, stop runaways, replay after a restart. */
import type { KernelEvent, KernelRequest, Stream } from "../workers/protocol.ts";
import { type BootedKernel, bootKernel } from "./kernel-boot.ts";

/** Report how one run ended; `stopped` says why the page stopped it, if it did. */
export interface RunResult {
  ok: boolean;
  exitCode?: number;
  stopped?: string;
}

type Output = (stream: Stream, text: string) => void;
type LogEntry =
  | { kind: "cell"; cellId: string; js: string; sourceMap?: string }
  | { kind: "line"; line: string };
type Job =
  | Omit<Extract<KernelRequest, { type: "run" }>, "runId">
  | Omit<Extract<KernelRequest, { type: "line" }>, "runId">;

interface Pending {
  runId: number;
  onOut: Output;
  finish: (result: RunResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Own one kernel worker at a time and the log of what ran on it since the last reset. */
export class KernelClient {
  prompt = "controlplane $ ";
  readonly limitMs: number;
  private readonly preset: string;
  private readonly seed: number | undefined;
  private worker!: Worker;
  private ready!: Promise<void>;
  private tail: Promise<unknown> = Promise.resolve();
  private pending: Pending | undefined;
  private nextId = 1;
  private log: LogEntry[] = [];
  private completions = new Map<number, (items: string[]) => void>();
  /** The worker holds a cluster in the state of the log (set a microtask after `ready`). */
  private booted = false;
  /** Jobs given and not finished yet. */
  private queued = 0;

  constructor(options: { preset: string; seed?: number; limitMs?: number; booted?: BootedKernel }) {
    this.preset = options.preset;
    this.seed = options.seed;
    this.limitMs = options.limitMs ?? 3000;
    this.spawn(options.booted);
  }

  /** Run a cell's compiled code; its output streams to onOut, and onSent hears when the kernel has it. */
  runCell(
    cellId: string,
    js: string,
    sourceMap: string | undefined,
    onOut: Output,
    onSent?: () => void,
  ): Promise<RunResult> {
    const entry: LogEntry = { kind: "cell", cellId, js, sourceMap };
    return this.enqueue({ type: "run", cellId, js, sourceMap }, onOut, this.limitMs, entry, onSent);
  }

  /** Run one terminal line in the kernel's shell. */
  runLine(line: string, onOut: Output): Promise<RunResult> {
    return this.enqueue({ type: "line", line }, onOut, this.limitMs, { kind: "line", line });
  }

  /** Ask the shell how to complete a partly typed line. */
  async complete(line: string): Promise<string[]> {
    await this.ready;
    const reqId = this.nextId++;
    return new Promise((resolve) => {
      this.completions.set(reqId, resolve);
      this.post({ type: "complete", reqId, line });
      setTimeout(() => this.completions.delete(reqId) && resolve([]), 1000);
    });
  }

  /** Tell whether a job given now goes to the worker at once: it holds a cluster and nothing waits. */
  get idle(): boolean {
    return this.booted && this.queued === 0;
  }

  /** Tell whether a cell or line is running in the worker now. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Stop the running job (if any), replace the worker and replay what had completed. */
  stop(reason: string): void {
    this.pending?.finish({ ok: false, stopped: reason });
    this.restart(true);
  }

  /** Throw the cluster away and start from a fresh one. */
  reset(): Promise<void> {
    this.pending?.finish({ ok: false, stopped: "the cluster was reset" });
    this.log = [];
    this.restart(false);
    return this.ready;
  }

  /** Resolve once the worker holds a cluster in the state of the log. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private spawn(booted = bootKernel(this.preset, this.seed)): void {
    const worker = booted.worker;
    this.worker = worker;
    this.booted = false;
    this.ready = new Promise((resolve, reject) => {
      const take = (event: KernelEvent) => {
        if (event.type === "ready") {
          this.prompt = event.prompt;
          resolve();
        }
        this.onEvent(event);
      };
      worker.onmessage = (message: MessageEvent<KernelEvent>) => take(message.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`the kernel worker failed to start: ${event.message}`));
      };
      if (booted.failure) reject(new Error(`the kernel worker failed to start: ${booted.failure}`));
      for (const event of booted.early.splice(0)) take(event);
    });
    this.ready.catch(() => {});
    this.watchReady();
  }

  private watchReady(): void {
    const ready = this.ready;
    ready.then(
      () => {
        if (this.ready === ready) this.booted = true;
      },
      () => {},
    );
  }

  private restart(replay: boolean): void {
    this.worker.terminate();
    for (const resolve of this.completions.values()) resolve([]);
    this.completions.clear();
    this.spawn();
    if (!replay || this.log.length === 0) return;
    const entries = this.log;
    const booted = this.ready;
    this.log = [];
    this.ready = booted.then(async () => {
      for (const entry of entries) {
        const job: Job =
          entry.kind === "cell"
            ? { type: "run", ...entry, quiet: true }
            : { ...entry, type: "line", quiet: true };
        // Replaying code that completed before is deterministic, so it completes again.
        await this.send(job, () => {}, this.limitMs * 3, entry);
      }
    });
    this.watchReady();
  }

  private enqueue(
    job: Job,
    onOut: Output,
    limitMs: number,
    entry: LogEntry,
    onSent?: () => void,
  ): Promise<RunResult> {
    this.queued++;
    const result = this.tail.then(async () => {
      await this.ready;
      return this.send(job, onOut, limitMs, entry, onSent);
    });
    this.tail = result.catch(() => {});
    void this.tail.then(() => this.queued--);
    return result;
  }

  private send(
    job: Job,
    onOut: Output,
    limitMs: number,
    entry: LogEntry,
    onSent?: () => void,
  ): Promise<RunResult> {
    const runId = this.nextId++;
    return new Promise<RunResult>((resolve) => {
      const timer = setTimeout(
        () => this.stop(`it ran for more than ${limitMs / 1000} s without finishing`),
        limitMs,
      );
      const pending: Pending = {
        runId,
        onOut,
        timer,
        finish: (result) => {
          clearTimeout(timer);
          if (this.pending === pending) this.pending = undefined;
          if (result.stopped === undefined) this.log.push(entry);
          resolve(result);
        },
      };
      this.pending = pending;
      this.post({ ...job, runId } as KernelRequest);
      onSent?.();
    });
  }

  private onEvent(event: KernelEvent): void {
    const pending = this.pending;
    switch (event.type) {
      case "out":
        if (pending?.runId === event.runId) pending.onOut(event.stream, event.text);
        return;
      case "done":
        this.prompt = event.prompt;
        if (pending?.runId === event.runId) pending.finish({ ok: event.ok, exitCode: event.exitCode });
        return;
      case "flood":
        if (pending?.runId === event.runId) this.stop(`it printed ${event.reason}`);
        return;
      case "completion":
        this.completions.get(event.reqId)?.(event.items);
        this.completions.delete(event.reqId);
        return;
      case "fatal":
        pending?.onOut("stderr", `kernel error: ${event.message}\n`);
        pending?.finish({ ok: false });
        return;
      case "ready":
        return;
    }
  }

  private post(request: KernelRequest): void {
    this.worker.postMessage(request);
  }
}
