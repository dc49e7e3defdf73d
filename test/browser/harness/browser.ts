/** Launch Debian's Chromium through playwright-core and open pages that record console errors. */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/** Start a headless Chromium, or fail saying how to get one. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests need Debian's chromium (\`.ci/run\` installs it; or apt-get install -y chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Open a page that collects console errors, page errors and failed requests into `errors`. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { bypassCSP?: boolean; colorScheme?: "light" | "dark" } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP,
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => errors.push(`requestfailed: ${request.url()}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, errors };
}

/** Read the screen-reader log of cell `n` (1-based), i.e. what its terminal printed. */
export function cellOutput(page: Page, n: number): Promise<string> {
  return page
    .locator("kn-cell")
    .nth(n - 1)
    .locator(".kn-cell-terminal [role=log]")
    .evaluate((el) => el.textContent ?? "");
}

/** Wait until cell `n` (1-based) shows an execution count and is not running. */
export async function waitForCell(page: Page, n: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (i) => {
      const cell = document.querySelectorAll("kn-cell")[i];
      return (
        !!cell &&
        !cell.hasAttribute("data-running") &&
        /^\[\d+\]$/.test(cell.querySelector(".kn-cell-count")?.textContent ?? "")
      );
    },
    n - 1,
    { timeout },
  );
}
