/** Share one server and one browser across a test file. */
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, vi } from "vitest";
import { launchBrowser } from "./browser.ts";
import { serveSite } from "./server.ts";
import { findSite, type Site } from "./site.ts";

/** Hold what a browser test file needs: the site, its URL and a browser. */
export interface BrowserContext {
  site: Site;
  url: string;
  browser: Browser;
}

/** Start the site server (sending `_headers` unless told not to) and Chromium before the file's tests and stop them after. */
export function useBrowser(options: { headers?: boolean } = {}): BrowserContext {
  // Browser tests drive real pages: their steps take seconds, not milliseconds.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
  const ctx = {} as BrowserContext;
  let server: Server | undefined;
  beforeAll(async () => {
    ctx.site = findSite();
    const served = await serveSite(ctx.site.dir, ctx.site.base, options);
    server = served.server;
    ctx.url = served.url;
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    server?.close();
  });
  return ctx;
}
