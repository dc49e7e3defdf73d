/** Trace a bare-click first run in Chromium and say where the kernel worker and the page spent it. */
import type { Browser, Page } from "playwright-core";

const CATEGORIES = [
  "toplevel",
  "disabled-by-default-devtools.timeline",
  "devtools.timeline",
  "v8",
  "v8.execute",
  "disabled-by-default-v8.compile",
  "blink.user_timing",
  "loading",
];

/** Say how one first run went: wall and CPU (thread time) ms of each step, ms after the click. */
export interface FirstRunTrace {
  total: number;
  /** The worker's thread runs its first task. */
  workerAt: number;
  /** The worker asks for the kernel's script. */
  requestAt: number;
  /** Compiling the kernel's module on the worker thread (never streamed: Chromium streams no worker module). */
  compileAt: number;
  compile: number;
  compileCpu: number;
  streamed: boolean;
  evaluate: number;
  evaluateCpu: number;
  boot: number;
  bootCpu: number;
  /** Functions V8 compiled lazily during the boot (first calls), and the ms that took. */
  bootLazyCompiles: number;
  bootLazyCompileMs: number;
  bootGcMs: number;
  /** From the end of the boot to the cell's output on the page. */
  afterBoot: number;
  /** CPU the page's main thread used from the click to the output. */
  mainCpu: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Click Run on cell 1 with no event before it; resolve with ms until its output and count show. */
function clickAndWait(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cell = document.querySelector("kn-cell")!;
        performance.mark("kn:bench-click");
        const t0 = performance.now();
        new MutationObserver((_, observer) => {
          const log = cell.querySelector(".kn-cell-terminal [role=log]");
          if (log?.textContent && /^\[\d+\]$/.test(cell.querySelector(".kn-cell-count")?.textContent ?? "")) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(cell, { subtree: true, childList: true, characterData: true });
        cell.querySelector<HTMLButtonElement>('[data-kn-action="run"]')!.click();
      }),
  );
}

/** Read the steps of a first run out of a Chromium trace. */
export function readFirstRun(events: TraceEvent[], total: number): FirstRunTrace {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const click = events.find((e) => e.name === "kn:bench-click");
  if (!click) throw new Error("the trace has no kn:bench-click mark");
  const at = (e: TraceEvent) => (e.ts - click.ts) / 1000;
  const ms = (us = 0) => us / 1000;
  const on = (pid: number, prefix: string) =>
    events.filter(
      (e) => e.pid === pid && e.ts >= click.ts && (threads.get(`${e.pid}:${e.tid}`) ?? "").startsWith(prefix),
    );
  const main = on(click.pid, "CrRendererMain");
  const worker = on(click.pid, "DedicatedWorker");
  const must = (e: TraceEvent | undefined, what: string) => {
    if (!e) throw new Error(`the trace shows no ${what}`);
    return e;
  };
  const isKernel = (e: TraceEvent) => /\/kernel-[^/]*\.js/.test(JSON.stringify(e.args?.data ?? {}));
  const compile = must(
    worker.find((e) => e.name === "v8.compileModule" && isKernel(e)),
    "compile of the kernel",
  );
  const evaluate = must(
    worker.find((e) => e.name === "v8.evaluateModule" && e.ts > compile.ts),
    "evaluation of the kernel",
  );
  const boot = must(
    worker.find((e) => e.name === "HandlePostMessage" && e.ph === "X" && e.ts > evaluate.ts),
    "boot message",
  );
  const bootEnd = boot.ts + (boot.dur ?? 0);
  const inBoot = worker.filter((e) => e.ph === "X" && e.ts >= boot.ts && e.ts < bootEnd);
  const lazy = inBoot.filter((e) => e.name === "V8.CompileCode");
  const gc = inBoot.filter((e) => e.name === "MinorGC" || e.name === "MajorGC");
  const request = worker.find((e) => e.name === "ResourceSendRequest" && isKernel(e));
  const end = click.ts + total * 1000;
  const mainTasks = main.filter((e) => e.name === "RunTask" && e.ph === "X" && e.ts < end);
  return {
    total,
    workerAt: at(must(worker[0], "worker thread")),
    requestAt: request ? at(request) : Number.NaN,
    compileAt: at(compile),
    compile: ms(compile.dur),
    compileCpu: ms(compile.tdur),
    streamed: compile.args?.data?.streamed === true,
    evaluate: ms(evaluate.dur),
    evaluateCpu: ms(evaluate.tdur),
    boot: ms(boot.dur),
    bootCpu: ms(boot.tdur),
    bootLazyCompiles: lazy.length,
    bootLazyCompileMs: lazy.reduce((sum, e) => sum + ms(e.dur), 0),
    bootGcMs: gc.reduce((sum, e) => sum + ms(e.dur), 0),
    afterBoot: (end - bootEnd) / 1000,
    mainCpu: mainTasks.reduce((sum, e) => sum + ms(e.tdur), 0),
  };
}

/** Trace a bare click on cell 1's Run (in a freshly opened page) until its output shows, and read the trace. */
export async function traceFirstRun(browser: Browser, page: Page): Promise<FirstRunTrace> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const total = await clickAndWait(page).catch(async (error: unknown) => {
    await browser.stopTracing();
    throw error;
  });
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] };
  return readFirstRun(traceEvents, total);
}
