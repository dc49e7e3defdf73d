import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cellOutput, openPage, waitForCell } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

const ctx = useBrowser();

function notes(): [string, string] {
  const [first, second] = ctx.site.notes;
  if (first === undefined || second === undefined) throw new Error("the built site needs two note pages");
  return [first, second];
}

async function savedOutput(page: Page, n: number): Promise<string> {
  return (
    (await page
      .locator("kn-cell .kn-cell-output")
      .nth(n - 1)
      .textContent()) ?? ""
  ).trimEnd();
}

/** Run cell 1 and wait for the service worker to say it saved the site. */
async function startNotebook(page: Page): Promise<{ saved: number; failed: string[] }> {
  await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
  await waitForCell(page, 1, 60_000);
  await page.waitForFunction(() => performance.getEntriesByName("kn:site-saved").length > 0, undefined, {
    timeout: 60_000,
  });
  return page.evaluate(
    () => (performance.getEntriesByName("kn:site-saved")[0] as PerformanceMark).detail as never,
  );
}

describe("offline", () => {
  it("registers a service worker scoped to the site on every built page", async () => {
    const { page, errors } = await openPage(ctx.browser, ctx.url);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(ctx.url);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps a page the reader opened readable offline, and says so for one never opened", async () => {
    const [first, second] = notes();
    const { page } = await openPage(ctx.browser, ctx.url + first);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The first load ran before the worker controlled the page; this one goes through it and is kept.
    await page.reload({ waitUntil: "load" });
    await page.context().setOffline(true);
    await page.reload({ waitUntil: "load" });
    await expect(page.locator("kn-cell").count()).resolves.toBeGreaterThan(0);
    const response = await page.goto(ctx.url + second, { waitUntil: "load" });
    expect(response?.status()).toBe(503);
    await expect(page.locator("h1").textContent()).resolves.toBe("You are offline");
    await page.context().close();
  });

  it("runs cells and the terminal offline, on this lesson and on one never opened, once a notebook started", async () => {
    const [first, second] = notes();
    const { page, errors } = await openPage(ctx.browser, ctx.url + first);
    const result = await startNotebook(page);
    expect(result.failed).toEqual([]);
    expect(result.saved).toBeGreaterThan(10);

    // Saved, the worker also serves the page that registered it: the editor, never loaded yet, comes
    // from the cache with the network gone.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Edit cell 1", exact: true }).click();
    await page.locator("kn-cell .cm-content").first().waitFor();

    await page.reload({ waitUntil: "load" });
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 60_000);
    expect((await cellOutput(page, 1)).trimEnd()).toBe(await savedOutput(page, 1));

    // A lesson never opened online: its page, its runtime and its cluster come from the saved site.
    await page.goto(ctx.url + second, { waitUntil: "load" });
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 60_000);
    expect((await cellOutput(page, 1)).trimEnd()).toBe(await savedOutput(page, 1));
    await page.getByRole("button", { name: "Open terminal" }).first().click();
    await page.waitForFunction(() => document.querySelector(".kn-page-terminal")?.hasAttribute("data-ready"));
    await page.keyboard.type("kubectl get nodes");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      /^controlplane\s+Ready/m.test(
        document.querySelector(".kn-page-terminal [role=log]")?.textContent ?? "",
      ),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("compiles and runs an edited cell offline once the compiler has loaded online", async () => {
    const [first] = notes();
    const { page, errors } = await openPage(ctx.browser, ctx.url + first);
    await startNotebook(page);
    // After a reload the saved edit opens in the editor by itself.
    const edit = async (line: string, reopened = false) => {
      if (!reopened) await page.getByRole("button", { name: "Edit cell 1", exact: true }).click();
      const editor = page.locator("kn-cell .cm-content").first();
      await editor.waitFor();
      await editor.focus();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.insertText(`\nconsole.log(${JSON.stringify(line)});`);
      await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
      await waitForCell(page, 1, 60_000);
      expect(await cellOutput(page, 1)).toContain(`${line}\n`);
    };
    await edit("edited online");
    await page.waitForFunction(() => performance.getEntriesByName("kn:large-saved").length > 0, undefined, {
      timeout: 60_000,
    });
    await page.context().setOffline(true);
    await page.reload({ waitUntil: "load" });
    await edit("edited offline", true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
