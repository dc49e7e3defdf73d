// `npm start`: the dev server a new reader runs first. On a fresh clone Vite has optimized nothing yet;
// anything it only discovers on the first Run or Edit makes it re-optimize and reload the page under the
// reader, losing that Run. This starts `astro dev` with an empty optimizer cache and drives one of each.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cellOutput, launchBrowser, openPage, waitForCell } from "./harness/browser.ts";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let url = "";
let log = "";
const cacheDir = mkdtempSync(join(tmpdir(), "kubenotes-vite-"));

function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith("VITEST") && k !== "TEST"));
}

beforeAll(async () => {
  // A port of its own and a Vite cache of its own (empty: as on a fresh clone).
  server = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "dev", "--port", "4391"], {
    // As `npm start` runs it: not in vitest's test mode (under NODE_ENV=test Astro serves no pages).
    env: { ...withoutVitest(process.env), NODE_ENV: "development", KUBENOTES_VITE_CACHE: cacheDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  url = await new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      log += chunk.toString();
      // Under CI=true the log is coloured: take the port only, not the escape codes after the URL.
      const m = /http:\/\/localhost:(\d+)\//.exec(log);
      if (m) resolve(`http://localhost:${m[1]}/`);
    };
    server!.stdout!.on("data", seen);
    server!.stderr!.on("data", seen);
    server!.on("exit", (code) => reject(new Error(`astro dev exited (${code}):\n${log}`)));
  });
  // The first request starts Vite's first bundling of the site's dependencies; wait until the server has
  // logged nothing for 5 s, so the page below opens on a server that is done with it.
  await fetch(url).then((r) => r.text());
  for (let quiet = log.length, since = Date.now(); Date.now() - since < 5_000; ) {
    await new Promise((r) => setTimeout(r, 250));
    if (log.length !== quiet) [quiet, since] = [log.length, Date.now()];
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("the dev server (npm start)", () => {
  it("runs a cell and an edited cell on its first try, without reloading the page", async () => {
    const { page, errors } = await openPage(browser!, url);
    // A first start bundles the site's dependencies while the first page loads, and may reload that page
    // once when done (before anyone touches it): wait until the page stays put for 6 s.
    while (
      await page.waitForEvent("load", { timeout: 6_000 }).then(
        () => true,
        () => false,
      )
    );
    // What that first load went through (requests cut off by its reload) is not the reader's doing.
    errors.length = 0;
    let loads = 0;
    page.on("load", () => loads++);
    // Astro's dev toolbar floats over the bottom of the page (not part of the site): out of the pointer's way.
    await page.evaluate(() => document.querySelector("astro-dev-toolbar")?.remove());
    const cell = page.locator("kn-cell").first();
    await cell.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 90_000);
    expect(await cellOutput(page, 1)).toMatch(/^NAME\s+STATUS/);
    await cell.getByRole("button", { name: "Edit cell 1", exact: true }).click();
    const editor = cell.locator(".cm-content");
    await editor.waitFor();
    await editor.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText('console.log("edited in dev")');
    await cell.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await page.waitForFunction(
      () => /edited in dev/.test(document.querySelector("kn-cell [role=log]")?.textContent ?? ""),
      undefined,
      { timeout: 90_000 },
    );
    expect(loads).toBe(0);
    expect(log).not.toMatch(/optimized dependencies changed\. reloading/);
    expect(errors).toEqual([]);
  });
});
