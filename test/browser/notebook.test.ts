import { describe, expect, it } from "vitest";
import { cellOutput, openPage, waitForCell } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

const ctx = useBrowser();

function firstNote(): string {
  const note = ctx.site.notes[0];
  if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
  return note;
}

describe("running cells", () => {
  it("runs the first cell with the Run button and shows its output", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    await page
      .locator("kn-cell")
      .first()
      .getByRole("button", { name: /^Run cell 1$/ })
      .click();
    await waitForCell(page, 1);
    const saved = await page.locator("kn-cell .kn-cell-output").first().textContent();
    expect((await cellOutput(page, 1)).trimEnd()).toBe(saved?.trimEnd());
    await page.context().close();
  });

  it("runs every earlier cell that has not run before the chosen one, and says so", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    const cells = page.locator("kn-cell");
    const last = (await cells.count()) as number;
    await cells
      .nth(last - 1)
      .getByRole("button", { name: `Run cell ${last}`, exact: true })
      .click();
    await waitForCell(page, last);
    if (last > 1) {
      await waitForCell(page, 1);
      expect(await cells.first().locator(".kn-cell-note").textContent()).toBe(
        `ran automatically before cell ${last}`,
      );
    }
    await page.context().close();
  });

  it("runs a cell with Shift+Enter and moves focus to the next cell", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    if ((await page.locator("kn-cell").count()) < 2) return;
    await page.getByRole("button", { name: "Run cell 1", exact: true }).focus();
    await page.keyboard.press("Shift+Enter");
    await waitForCell(page, 1);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(focused).toBe("Run cell 2");
    await page.context().close();
  });

  it("runs a cell in place with Ctrl+Enter", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    await page.getByRole("button", { name: "Run cell 1", exact: true }).focus();
    await page.keyboard.press("Control+Enter");
    await waitForCell(page, 1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Run cell 1");
    await page.context().close();
  });
});

describe("terminal layout", () => {
  it("draws each output line on one unsquashed screen row, widening rather than wrapping a table", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    // The cell whose saved output has the widest line (of those whose lines all fit on screen at once).
    const n = await page.evaluate(() => {
      let best = 1;
      let widest = -1;
      document.querySelectorAll("kn-cell").forEach((cell, i) => {
        const lines = (cell.querySelector(".kn-cell-output")?.textContent ?? "").split("\n");
        const width = Math.max(...lines.map((l) => l.length));
        if (lines.length <= 25 && width > widest) [best, widest] = [i + 1, width];
      });
      return best;
    });
    const cell = page.locator("kn-cell").nth(n - 1);
    await cell.getByRole("button", { name: `Run cell ${n}`, exact: true }).click();
    await waitForCell(page, n, 60_000);
    const saved = ((await cell.locator(".kn-cell-output").textContent()) ?? "").trimEnd().split("\n");
    const drawn = await cell.locator(".xterm-rows > div").evaluateAll((rows) =>
      rows.map((r) => ({
        text: (r.textContent ?? "").replace(/\u00a0/g, " ").trimEnd(),
        height: r.getBoundingClientRect().height,
        spacing: Number.parseFloat(getComputedStyle(r.parentElement!).letterSpacing) || 0,
      })),
    );
    // xterm measured the real font: rows as tall as the 13px text, glyphs not spread apart.
    for (const row of drawn) {
      expect(row.height).toBeGreaterThanOrEqual(13);
      expect(Math.abs(row.spacing)).toBeLessThan(0.5);
    }
    expect(drawn.map((r) => r.text).slice(0, saved.length)).toEqual(saved.map((l) => l.trimEnd()));
    await page.context().close();
  });
});

describe("toolbar", () => {
  it("styles every notebook button alike (no button takes another element's class)", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    const heights = await page
      .locator(".kn-toolbar button:visible")
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().height)));
    expect(heights.length).toBeGreaterThan(1);
    expect(new Set(heights).size).toBe(1);
    await page.context().close();
  });
});

describe("saved outputs", () => {
  it("reproduces every unedited cell's saved output on every note page with Run all", async () => {
    for (const note of ctx.site.notes) {
      const { page, errors } = await openPage(ctx.browser, ctx.url + note);
      const count = await page.locator("kn-cell").count();
      await page.getByRole("button", { name: "Run all cells" }).first().click();
      await waitForCell(page, count, 60_000);
      for (let n = 1; n <= count; n++) {
        const saved =
          (await page
            .locator("kn-cell")
            .nth(n - 1)
            .locator(".kn-cell-output")
            .textContent()) ?? "";
        expect((await cellOutput(page, n)).trimEnd(), `${note} cell ${n}`).toBe(saved.trimEnd());
      }
      expect(errors, note).toEqual([]);
      await page.context().close();
    }
  });
});
