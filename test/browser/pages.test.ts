import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cellOutput, openPage, waitForCell } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

const ctx = useBrowser();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

function allPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory())
      return e.name === "_astro" || e.name === "pagefind" ? [] : allPages(join(dir, e.name));
    return e.name.endsWith(".html")
      ? [relative(ctx.site.dir, join(dir, e.name)).replace(/index\.html$/, "")]
      : [];
  });
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

describe("every page", () => {
  it("loads with no console errors", async () => {
    for (const path of allPages(ctx.site.dir)) {
      if (path === "404.html") continue;
      const { page, errors } = await openPage(ctx.browser, ctx.url + path);
      await page.waitForTimeout(100);
      expect(errors, path).toEqual([]);
      await page.context().close();
    }
  });

  it("has no axe violations before interaction", async () => {
    for (const path of allPages(ctx.site.dir)) {
      const { page } = await openPage(ctx.browser, ctx.url + path, { bypassCSP: true });
      expect(await axeViolations(page), path).toEqual([]);
      await page.context().close();
    }
  });

  it.each(["light", "dark"] as const)(
    "has no axe violations with a cell run, a cell in the editor and the terminal open (%s theme)",
    async (colorScheme) => {
      for (const note of ctx.site.notes) {
        const { page } = await openPage(ctx.browser, ctx.url + note, { bypassCSP: true, colorScheme });
        await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
        await waitForCell(page, 1);
        await page.getByRole("button", { name: "Edit cell 1", exact: true }).click();
        await page.locator("kn-cell .cm-content").first().waitFor();
        await page.getByRole("button", { name: "Open terminal" }).first().click();
        await page.waitForFunction(() =>
          document.querySelector(".kn-page-terminal")?.hasAttribute("data-ready"),
        );
        expect(await axeViolations(page), `${note} (${colorScheme})`).toEqual([]);
        await page.context().close();
      }
    },
  );
});

describe("content security policy", () => {
  it("sends a policy that keeps a cell from reaching beyond the site", async () => {
    const note = ctx.site.notes[0];
    if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
    const { page } = await openPage(ctx.browser, ctx.url + note);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(meta).toContain("connect-src 'self'");
    await page.getByRole("button", { name: "Edit cell 1", exact: true }).click();
    const editor = page.locator("kn-cell .cm-content").first();
    await editor.waitFor();
    await editor.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(
      'try { await fetch("http://127.0.0.2:9/"); console.log("reached"); } catch (e) { console.log("blocked"); }',
    );
    await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
    await waitForCell(page, 1, 60_000);
    expect(await cellOutput(page, 1)).toBe("blocked\n");
    await page.context().close();
  });
});
