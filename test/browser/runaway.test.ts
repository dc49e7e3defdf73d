import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cellOutput, openPage, waitForCell } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

const ctx = useBrowser();

async function replaceCode(page: Page, n: number, source: string): Promise<void> {
  await page.getByRole("button", { name: `Edit cell ${n}`, exact: true }).click();
  const editor = page
    .locator("kn-cell")
    .nth(n - 1)
    .locator(".cm-content");
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(source);
}

/** Pick the note with the most cells, so there is state to restore before the runaway cell. */
async function openBusiestNote(): Promise<{ page: Page; count: number }> {
  const note = ctx.site.notes[0];
  if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
  const { page } = await openPage(ctx.browser, ctx.url + note);
  return { page, count: await page.locator("kn-cell").count() };
}

describe("runaway cells", () => {
  it("stops `while (true) {}`, says why, and restores the state the earlier cells made", async () => {
    const { page, count } = await openBusiestNote();
    const last = count;
    for (let n = 1; n < last; n++) {
      await page.getByRole("button", { name: `Run cell ${n}`, exact: true }).click();
      await waitForCell(page, n);
    }
    const edited = await page.evaluate(
      (i) =>
        JSON.parse(document.querySelectorAll("kn-cell .kn-cell-data")[i].textContent ?? "{}")
          .source as string,
      last - 1,
    );
    await replaceCode(page, last, "while (true) {}");
    await page.getByRole("button", { name: `Run cell ${last}`, exact: true }).click();
    await page.waitForFunction(
      (i) => /Stopped:/.test(document.querySelectorAll("kn-cell")[i].textContent ?? ""),
      last - 1,
      {
        timeout: 60_000,
      },
    );
    expect(await cellOutput(page, last)).toMatch(
      /Stopped: it ran for more than 3 s without finishing\. The cluster was restored/,
    );
    // The notice is wrapped to the terminal's visible width (output tables may scroll sideways; it may not).
    const overflow = await page
      .locator("kn-cell")
      .nth(last - 1)
      .locator(".kn-terminal-box")
      .evaluate((box) => {
        const right = box.getBoundingClientRect().right;
        return [...box.querySelectorAll(".xterm-rows span")]
          .filter((s) => (s.textContent ?? "").trim() !== "")
          .some((s) => s.getBoundingClientRect().right > right);
      });
    expect(overflow).toBe(false);
    // The edit survives the stop; putting the original back reproduces the saved output on the replayed cluster.
    expect(
      await page
        .locator("kn-cell")
        .nth(last - 1)
        .locator(".cm-content")
        .textContent(),
    ).toBe("while (true) {}");
    await page.getByRole("button", { name: `Revert cell ${last} to the original` }).click();
    await page.getByRole("button", { name: `Run cell ${last}`, exact: true }).click();
    await waitForCell(page, last, 60_000);
    const saved =
      (await page
        .locator("kn-cell")
        .nth(last - 1)
        .locator(".kn-cell-output")
        .textContent()) ?? "";
    expect((await cellOutput(page, last)).trimEnd()).toBe(saved.trimEnd());
    expect(edited.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it("stops a cell that floods its output", async () => {
    const { page } = await openBusiestNote();
    await replaceCode(page, 1, 'for (let i = 0; ; i++) console.log("line", i);');
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await page.waitForFunction(
      () => /Stopped:/.test(document.querySelector("kn-cell")?.textContent ?? ""),
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(await cellOutput(page, 1)).toMatch(/Stopped: it printed more than 20,000 lines of output\./);
    await page.context().close();
  });

  it("stops a running cell on demand with Stop", async () => {
    const { page } = await openBusiestNote();
    await replaceCode(page, 1, "while (true) {}");
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await page.getByRole("button", { name: "Stop cell 1" }).click({ timeout: 60_000 });
    await page.waitForFunction(() =>
      /Stopped: you pressed Stop/.test(document.querySelector("kn-cell")?.textContent ?? ""),
    );
    await page.context().close();
  });
});
