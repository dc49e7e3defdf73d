import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cellOutput, openPage, waitForCell } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

const ctx = useBrowser();

function firstNote(): string {
  const note = ctx.site.notes[0];
  if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
  return note;
}

function kernelStarts(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName("kn:kernel-start").length);
}

async function savedOutput(page: Page): Promise<string> {
  return ((await page.locator("kn-cell .kn-cell-output").first().textContent()) ?? "").trimEnd();
}

describe("starting the kernel on intent", () => {
  it("starts no kernel while the reader only reads and points at prose", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    await page.locator("main h1").first().hover();
    await page.waitForTimeout(300);
    expect(page.workers()).toHaveLength(0);
    expect(await kernelStarts(page)).toBe(0);
    await page.context().close();
  });

  it("starts the kernel when the pointer is over a cell, before any click", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    await page.locator("kn-cell").first().hover();
    await page.waitForFunction(() => performance.getEntriesByName("kn:kernel-ready").length === 1);
    expect(page.workers()).toHaveLength(1);
    await page.context().close();
  });

  it("runs a cell clicked while the kernel is still booting, on that one kernel", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    // Hold the kernel's script back, so the click surely lands while the kernel is starting.
    await page.context().route(/\/kernel-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.locator("kn-cell").first().hover();
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    expect(await page.evaluate(() => performance.getEntriesByName("kn:kernel-ready").length)).toBe(0);
    expect(await kernelStarts(page)).toBe(1);
    await waitForCell(page, 1);
    expect((await cellOutput(page, 1)).trimEnd()).toBe(await savedOutput(page));
    expect(await kernelStarts(page)).toBe(1);
    expect(page.workers()).toHaveLength(1);
    await page.context().close();
  });

  it("runs a cell on a click with no pointer or focus event before it", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    await page.evaluate(() => document.querySelector<HTMLElement>('kn-cell [data-kn-action="run"]')!.click());
    await waitForCell(page, 1);
    expect((await cellOutput(page, 1)).trimEnd()).toBe(await savedOutput(page));
    expect(await kernelStarts(page)).toBe(1);
    await page.context().close();
  });

  it("starts the kernel when a cell's Run button gets keyboard focus", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    await page.getByRole("button", { name: "Run cell 1", exact: true }).focus();
    await page.waitForFunction(() => performance.getEntriesByName("kn:kernel-ready").length === 1);
    await page.context().close();
  });
});
