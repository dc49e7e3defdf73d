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
  // insertText types the whole text at once, so auto-closing brackets do not double up.
  await page.keyboard.insertText(source);
}

function notePath(): string {
  const note = ctx.site.notes[0];
  if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
  return note;
}

describe("editing a cell", () => {
  it("shows the cell API's doc when the pointer rests on one of its names", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath());
    await replaceCode(page, 1, 'import { sleep } from "kubenotes";\nawait sleep(1);');
    const name = page.locator("kn-cell").first().locator(".cm-line").nth(1).getByText("sleep");
    await name.hover();
    const tip = page.locator(".kn-hover-doc");
    await tip.waitFor({ timeout: 10_000 });
    expect(await tip.locator("code").textContent()).toMatch(/^sleep\(seconds: number\)/);
    expect(await tip.locator("p").textContent()).toMatch(/virtual/i);
    await page.context().close();
  });

  it("shows the cell API's completions with their docs on top of the page, in the dark theme too", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath(), { colorScheme: "dark" });
    await replaceCode(page, 1, 'import { api } from "kubenotes";\napi.');
    await page.keyboard.press("Control+Space");
    const info = page.locator(".cm-completionInfo");
    await info.waitFor({ timeout: 10_000 });
    // Nothing of the page (the sidebars) is drawn over the list or its docs.
    for (const tip of [page.locator(".cm-tooltip-autocomplete"), info]) {
      const onTop = await tip.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && el.contains(hit);
      });
      expect(onTop).toBe(true);
    }
    // The list's text is not drawn in the theme's light text on CodeMirror's light default background.
    const colours = await page
      .locator(".cm-tooltip-autocomplete")
      .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    const luminance = (c: string) => {
      const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(Math.abs(luminance(colours[0]) - luminance(colours[1]))).toBeGreaterThan(100);
    await page.context().close();
  });

  it("publishes the cell API's types with the site", async () => {
    const res = await fetch(new URL("kubenotes.d.ts", ctx.url.endsWith("/") ? ctx.url : `${ctx.url}/`));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('declare module "kubenotes"');
  });

  it("compiles an edited cell in the browser and runs it", async () => {
    const { page, errors } = await openPage(ctx.browser, ctx.url + notePath());
    await replaceCode(page, 1, 'const who: string = "edited";\nconsole.log("hello from " + who);');
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 60_000);
    expect(await cellOutput(page, 1)).toBe("hello from edited\n");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("underlines a compile error and prints it with line and column", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath());
    await replaceCode(page, 1, "const ok = 1;\nconst = 2;");
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    const cell = page.locator("kn-cell").first();
    await cell.locator(".kn-error").first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() =>
      /line 2:7: error:/.test(document.querySelector("kn-cell [role=log]")?.textContent ?? ""),
    );
    expect(await cellOutput(page, 1)).toMatch(/^cell 1, line 2:7: error: Expected identifier but found "="/);
    await page.context().close();
  });

  it("points a runtime error at the cell's own line", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath());
    await replaceCode(page, 1, 'const a: number = 1;\n\nthrow new Error("boom " + a);');
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 60_000);
    expect(await cellOutput(page, 1)).toBe("Error: boom 1\n    at line 3:7 of this cell\n");
    await page.context().close();
  });

  it("keeps an edit across a reload, and Revert to original restores the cell", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath());
    await replaceCode(page, 1, 'console.log("kept");');
    await page.reload();
    const cell = page.locator("kn-cell").first();
    await cell.locator(".cm-content").waitFor();
    expect(await cell.locator(".cm-content").textContent()).toBe('console.log("kept");');
    expect(await cell.locator(".kn-cell-badge").textContent()).toBe("edited");
    await page.getByRole("button", { name: "Revert cell 1 to the original" }).click();
    await page.reload();
    await page.waitForTimeout(300);
    expect(await cell.locator(".cm-content").count()).toBe(0);
    await page.context().close();
  });

  it("opens a shared link with the sharer's edits, marked shared", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath());
    await replaceCode(page, 1, 'console.log("shared edit");');
    await page.getByRole("button", { name: "Share a link to your edits" }).click();
    await page.waitForFunction(() => location.hash.startsWith("#kn="));
    const link = page.url();
    await page.context().close();

    const { page: other } = await openPage(ctx.browser, link);
    const cell = other.locator("kn-cell").first();
    await cell.locator(".cm-content").waitFor();
    expect(await cell.locator(".cm-content").textContent()).toBe('console.log("shared edit");');
    expect(await cell.locator(".kn-cell-badge").textContent()).toBe("shared");
    await other.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(other, 1, 60_000);
    expect(await cellOutput(other, 1)).toBe("shared edit\n");
    // Shown, not saved: the reader's own storage stays untouched until they edit.
    expect(
      await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kubenotes:"))),
    ).toEqual([]);
    await other.context().close();
  });

  it("keeps the reader's text when storage refuses to save it", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + notePath());
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await replaceCode(page, 1, 'console.log("in memory");');
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 60_000);
    expect(await cellOutput(page, 1)).toBe("in memory\n");
    expect(await page.locator(".kn-notice").first().textContent()).toMatch(/storage is full/);
    await page.context().close();
  });
});
