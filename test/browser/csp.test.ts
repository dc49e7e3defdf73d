import { readdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cellOutput, openPage, waitForCell } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

// Served like GitHub Pages: no `_headers`, so the <meta> policy is the only one the page has.
const ctx = useBrowser({ headers: false });

function firstNote(): string {
  const note = ctx.site.notes[0];
  if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
  return note;
}

async function runEdited(page: Page, source: string): Promise<string> {
  await page.getByRole("button", { name: "Edit cell 1", exact: true }).click();
  const editor = page.locator("kn-cell").first().locator(".cm-content");
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(source);
  await page.getByRole("button", { name: "Run cell 1", exact: true }).click();
  await waitForCell(page, 1, 60_000);
  return cellOutput(page, 1);
}

// Cell code runs in the kernel worker; the violation event proves a CSP refusal, not a failed connection.
const REPORT_VIOLATIONS =
  'addEventListener("securitypolicyviolation", (e: any) => console.log("refused by", e.effectiveDirective + ":", e.blockedURI));\n';

describe("the content security policy without headers", () => {
  it("reaches the page only through its meta tag", async () => {
    const response = await fetch(ctx.url + firstNote());
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(await response.text()).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self'[^"]*worker-src 'self' blob:/,
    );
  });

  it("refuses a cell's fetch to another origin", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    const output = await runEdited(
      page,
      `${REPORT_VIOLATIONS}try {\n  await fetch("http://127.0.0.2:1/");\n  console.log("fetched");\n} catch (error) {\n  console.log(\`fetch failed: \${error}\`);\n}\nawait new Promise((resolve) => setTimeout(resolve, 200));\n`,
    );
    expect(output).toContain("refused by connect-src: http://127.0.0.2:1/");
    expect(output).toContain("fetch failed: TypeError: Failed to fetch");
    expect(output).not.toContain("fetched");
    await page.context().close();
  });

  it("refuses a cell's import of a script from another origin", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    const output = await runEdited(
      page,
      `${REPORT_VIOLATIONS}const from = "http://127.0.0.2:1/x.js";\ntry {\n  await import(from);\n} catch (error) {\n  console.log(\`import failed: \${error}\`);\n}\nawait new Promise((resolve) => setTimeout(resolve, 200));\n`,
    );
    expect(output).toMatch(/refused by script-src(-elem)?: http:\/\/127\.0\.0\.2:1\/x\.js/);
    expect(output).toContain("import failed: TypeError");
    await page.context().close();
  });

  it("still lets a cell fetch the site's own pages", async () => {
    const { page } = await openPage(ctx.browser, ctx.url + firstNote());
    const own = new URL(ctx.url).pathname;
    const output = await runEdited(
      page,
      `${REPORT_VIOLATIONS}const response = await fetch(location.origin + ${JSON.stringify(own)});\nconsole.log("status", response.status);\n`,
    );
    expect(output.trim()).toBe("status 200");
    await page.context().close();
  });

  it.each(["kernel", "compiler"])(
    "refuses to run the %s in a worker a cell starts from the module's own URL",
    async (what) => {
      const { page } = await openPage(ctx.browser, ctx.url + firstNote());
      const file = readdirSync(`${ctx.site.dir}/_astro`).find((f) => new RegExp(`^${what}-.*\\.js$`).test(f));
      const own = `${new URL(ctx.url).pathname}_astro/${file}`;
      const output = await runEdited(
        page,
        `const worker = new Worker(location.origin + ${JSON.stringify(own)}, { type: "module" });\nconst said = await new Promise((resolve) => {\n  worker.onerror = (e: any) => resolve(\`error: \${e.message}\`);\n  worker.onmessage = (e: any) => resolve(\`answered: \${e.data.type}\`);\n  worker.postMessage({ type: "init", preset: "default", wasmURL: "http://127.0.0.2:1/" });\n});\nconsole.log(said);\n`,
      );
      expect(output.trim()).toBe(
        `error: Uncaught Error: the ${what} runs only in the blob: worker the notebook starts (blob-worker.ts)`,
      );
      await page.context().close();
    },
  );
});
