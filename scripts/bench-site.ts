// Print figures for the built site from real Chromium: JS loaded before interaction, time from
// Run to a cell's output (cold, and after the hover that starts the kernel), and compile times
// of edited cells. Figures, not a test. With --trace it prints instead where a bare-click first
// run goes, read from Chromium traces: wall and CPU ms of each step in the worker and the page.
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser, openPage } from "../test/browser/harness/browser.ts";
import { serveSite } from "../test/browser/harness/server.ts";
import { findSite } from "../test/browser/harness/site.ts";
import { type FirstRunTrace, traceFirstRun } from "../test/browser/harness/trace.ts";

const site = findSite();
const { url, server } = await serveSite(site.dir, site.base);
const browser = await launchBrowser();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Sum the gzip size of every script (page and workers) a page loads before any interaction. */
async function jsBeforeInteraction(path: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (type.includes("javascript"))
      sizes.push(response.body().then((b) => gzipSync(b, { level: 9 }).byteLength));
  });
  let workerScript = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/sw.js")) workerScript = true;
  });
  await page.goto(url + path, { waitUntil: "networkidle" });
  // The browser fetches the offline service worker's script for the page (see src/offline/); count it
  // whether or not it is reported as one of the page's responses.
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!workerScript) {
    const sw = await fetch(new URL("sw.js", url));
    if (sw.ok) sizes.push(sw.arrayBuffer().then((b) => gzipSync(Buffer.from(b), { level: 9 }).byteLength));
  }
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}

/** Click Run on cell 1 (a bare click(): no pointer or focus event first) and time until its output shows. */
function timeRun(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cell = document.querySelector("kn-cell")!;
        const t0 = performance.now();
        const done = () => {
          const log = cell.querySelector(".kn-cell-terminal [role=log]");
          if (log?.textContent && /^\[\d+\]$/.test(cell.querySelector(".kn-cell-count")?.textContent ?? "")) {
            resolve(performance.now() - t0);
            return true;
          }
          return false;
        };
        new MutationObserver((_, observer) => done() && observer.disconnect()).observe(cell, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        cell.querySelector<HTMLButtonElement>('[data-kn-action="run"]')!.click();
      }),
  );
}

interface FirstRun {
  total: number;
  load: number;
  boot: number;
  mount: number;
  /** The finer breakdown, in ms after the kernel started (see kernel-boot.ts). */
  worker: number;
  compiled: number;
  evaluate: number;
  ready: number;
}

/** Time a first run in a fresh browser context (empty cache), optionally hovering cell 1 `hoverMs` before. */
async function firstRun(path: string, hoverMs?: number): Promise<FirstRun> {
  const { page } = await openPage(browser, url + path);
  if (hoverMs !== undefined) {
    await page.locator("kn-cell").first().hover();
    await page.waitForTimeout(hoverMs);
  }
  const total = await timeRun(page);
  const parts = await page.evaluate(() => {
    const ready = performance.getEntriesByName("kn:kernel-ready")[0] as PerformanceMeasure | undefined;
    const detail = (ready?.detail ?? {}) as Record<string, number | undefined>;
    const mount = performance.getEntriesByName("kn:terminal-mount")[0]?.duration;
    return {
      load: detail.loadMs ?? Number.NaN,
      boot: detail.bootMs ?? Number.NaN,
      mount: mount ?? Number.NaN,
      worker: detail.workerMs ?? Number.NaN,
      compiled: detail.compiledMs ?? Number.NaN,
      evaluate: detail.evaluateMs ?? Number.NaN,
      ready: ready?.duration ?? Number.NaN,
    };
  });
  await page.context().close();
  return { total, ...parts };
}

/** Make `n` fresh first runs; return the one of median total, and every total. */
async function firstRuns(path: string, n: number, hoverMs?: number): Promise<FirstRun & { all: number[] }> {
  const runs: FirstRun[] = [];
  for (let i = 0; i < n; i++) runs.push(await firstRun(path, hoverMs));
  const sorted = [...runs].sort((a, b) => a.total - b.total);
  return { ...sorted[Math.floor(n / 2)], all: runs.map((r) => Math.round(r.total)) };
}

/**
 * Time first runs on lesson `second` after a reader started a notebook on `first` in the same browser, so the
 * service worker has saved the site (src/offline/) and serves the kernel from its cache.
 */
async function savedSiteFirstRuns(first: string, second: string, n: number): Promise<number[]> {
  const totals: number[] = [];
  for (let i = 0; i < n; i++) {
    const { page } = await openPage(browser, url + first);
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await page.waitForFunction(() => performance.getEntriesByName("kn:site-saved").length > 0, undefined, {
      timeout: 60_000,
    });
    await page.goto(url + second, { waitUntil: "load" });
    await page.waitForTimeout(300);
    totals.push(await timeRun(page));
    await page.context().close();
  }
  return totals;
}

async function laterRuns(path: string): Promise<number> {
  const { page } = await openPage(browser, url + path);
  await timeRun(page);
  const later: number[] = [];
  for (let i = 0; i < 10; i++) later.push(await timeRun(page));
  await page.context().close();
  return median(later);
}

async function compileTimes(path: string): Promise<{ first: number; later: number }> {
  const { page } = await openPage(browser, url + path);
  await page.getByRole("button", { name: "Edit cell 1", exact: true }).click();
  const editor = page.locator("kn-cell .cm-content").first();
  await editor.waitFor();
  for (let i = 0; i < 6; i++) {
    await editor.focus();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText(`\nconsole.log(${i});`);
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await page.waitForFunction((n) => performance.getEntriesByName("kn:compile").length >= n, i + 1, {
      timeout: 60_000,
    });
  }
  const figures = await page.evaluate(() => ({
    ready: performance.getEntriesByName("kn:compiler-ready")[0]?.duration ?? Number.NaN,
    compiles: performance.getEntriesByName("kn:compile").map((e) => (e as PerformanceMark).detail as number),
  }));
  await page.context().close();
  return { first: figures.ready + figures.compiles[0], later: median(figures.compiles.slice(1)) };
}

/** Trace `n` bare-click first runs on fresh pages; print the median of each step. */
async function traceFirstRuns(path: string, n: number): Promise<void> {
  const runs: FirstRunTrace[] = [];
  for (let i = 0; i < n; i++) {
    const { page } = await openPage(browser, url + path);
    runs.push(await traceFirstRun(browser, page));
    await page.context().close();
  }
  const m = (key: keyof FirstRunTrace) => ms(median(runs.map((r) => Number(r[key]))));
  console.log(`first run, bare click, traced (median of ${n} fresh pages; wall ms, CPU ms in brackets):`);
  console.log(`  output after ${m("total")}, of which ${m("afterBoot")} after the boot ended`);
  console.log(`  worker thread up ${m("workerAt")}, asks for the kernel ${m("requestAt")}`);
  console.log(
    `  kernel module compiled from ${m("compileAt")} in ${m("compile")} (${m("compileCpu")}), ` +
      `streamed: ${runs.every((r) => r.streamed) ? "yes" : "no"}`,
  );
  console.log(`  modules evaluated in ${m("evaluate")} (${m("evaluateCpu")})`);
  console.log(
    `  cluster boot ${m("boot")} (${m("bootCpu")}): ${median(runs.map((r) => r.bootLazyCompiles))} ` +
      `functions compiled lazily in ${m("bootLazyCompileMs")}, GC ${m("bootGcMs")}`,
  );
  console.log(`  page main thread busy (CPU) ${m("mainCpu")} from the click to the output`);
}

/** Print the figures the targets are about. */
async function printFigures(): Promise<void> {
  const pages = [...new Set(["", ...site.notes])];
  let worst = 0;
  for (const path of pages) worst = Math.max(worst, await jsBeforeInteraction(path));
  const note = site.notes[0] ?? "";
  const cold = await firstRuns(note, 5);
  const hover = await firstRuns(note, 5, 300);
  const second = site.notes[1];
  const secondCold = second === undefined ? undefined : await firstRuns(second, 5);
  const saved = second === undefined ? undefined : await savedSiteFirstRuns(note, second, 5);
  const later = await laterRuns(note);
  const compile = await compileTimes(note);
  // The parts overlap (the terminal mounts while the kernel boots), so they need not sum to the total.
  const parts = (r: FirstRun & { all: number[] }) =>
    `median of ${r.all.join(", ")} ms on fresh pages; in that run: kernel code loaded after ${ms(r.load)}, ` +
    `cluster boot ${ms(r.boot)}, terminal mount ${ms(r.mount)}`;
  // Where the kernel's start went: each figure is ms after the kernel started (the click, or the hover).
  const steps = (r: FirstRun) =>
    `after the kernel started: worker clock origin ${ms(r.worker)}, code fetched and compiled ${ms(r.compiled)}, ` +
    `modules evaluated ${ms(r.load)} (${ms(r.evaluate)}), booted and ready on the page ${ms(r.ready)}`;
  console.log(`site: ${site.dir} (${site.notes.length} note pages), measured on /${note}`);
  console.log(
    `JS before interaction (gzip, worst page, with the service worker script): ${(worst / 1024).toFixed(1)} KB   target <= 50 KB`,
  );
  console.log(`first run, click with no prior hover (cold): ${ms(cold.total)}   target <= 150 ms`);
  console.log(`  ${parts(cold)}`);
  console.log(`  ${steps(cold)}; output ${ms(cold.total - cold.ready)} after that`);
  console.log(`first run, hover then click after 300 ms:    ${ms(hover.total)}   target <= 150 ms`);
  console.log(`  ${parts(hover)} (the kernel started on hover)`);
  console.log(`  ${steps(hover)}`);
  if (secondCold && saved)
    console.log(
      `first run on a second lesson (/${second}), bare click, after the site was saved for offline use on the ` +
        `first: ${ms(median(saved))} (median of ${saved.map(Math.round).join(", ")} ms); the same page cold: ` +
        `${ms(secondCold.total)}`,
    );
  console.log(`later runs: ${ms(later)} (median of 10)   target <= 20 ms`);
  console.log(`first compile incl. wasm fetch: ${ms(compile.first)}   target <= 1500 ms`);
  console.log(`later compiles: ${ms(compile.later)} (median of 5)   target <= 30 ms`);
}

try {
  if (process.argv.includes("--trace")) await traceFirstRuns(site.notes[0] ?? "", 5);
  else await printFigures();
} finally {
  await browser.close();
  server.close();
}
