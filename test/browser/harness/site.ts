/** Find the built site to test (dist/, or the fixture when KN_SITE=fixture) and its note pages. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

/** Describe the site under test: folder, base path and note pages (paths under the base). */
export interface Site {
  dir: string;
  base: string;
  notes: string[];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "_astro" || entry.name === "pagefind" ? [] : htmlFiles(full);
    return entry.name.endsWith(".html") ? [full] : [];
  });
}

/** Locate the built site, failing with a clear message when it is missing. */
export function findSite(): Site {
  const fixture = process.env.KN_SITE === "fixture";
  const dir = fixture ? join(ROOT, "test/browser/fixtures/dist/site") : join(ROOT, "dist");
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(
      fixture
        ? "the fixture is not built: run `npm run build:fixture`"
        : "dist/ is missing: the browser tests run on the built site, run `npm run build` first",
    );
  }
  const files = htmlFiles(dir);
  // The base is whatever prefix the built pages put before their bundled assets.
  const sample = readFileSync(join(dir, "index.html"), "utf8");
  const base = /(?:src|href)="(\/[^"]*?)(?:_astro|assets)\//.exec(sample)?.[1] ?? "/";
  const notes = files
    .filter((file) => readFileSync(file, "utf8").includes("<kn-notebook"))
    .map((file) =>
      relative(dir, file)
        .replace(/index\.html$/, "")
        .replace(/\\/g, "/"),
    )
    .sort();
  return { dir, base, notes };
}
