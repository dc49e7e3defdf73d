import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  describeSite,
  registrationScript,
  serviceWorkerCode,
} from "../../src/offline/offline-integration.ts";
import { isHashedAsset, requestPath, savedForOffline } from "../../src/offline/precache.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "kn-offline-"));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BUILT = {
  "index.html": "<h1>start</h1>",
  "pods/index.html": "<h1>pods</h1>",
  "404.html": "<h1>404</h1>",
  "_astro/kernel-Ab12.js": "kernel",
  "_astro/esbuild.Cd34.wasm": "wasm",
  "pagefind/pagefind.js": "search",
  _headers: "/*\n  X: y\n",
  "sw.js": "an older worker",
};

describe("the offline service worker's build", () => {
  it("saves pages under the URLs readers ask for, and leaves out the wasm, _headers and itself", () => {
    const { paths } = describeSite(site(BUILT));
    expect(paths.filter(savedForOffline).map(requestPath)).toEqual([
      "404.html",
      "_astro/kernel-Ab12.js",
      "./",
      "pagefind/pagefind.js",
      "pods/",
    ]);
  });

  it("gives a new version when any file's content changes, and the same one for the same build", () => {
    const a = describeSite(site(BUILT)).version;
    expect(describeSite(site(BUILT)).version).toBe(a);
    expect(describeSite(site({ ...BUILT, "pods/index.html": "<h1>pods, edited</h1>" })).version).not.toBe(a);
    expect(describeSite(site({ ...BUILT, "sw.js": "another worker" })).version).toBe(a);
  });

  it("bundles the worker with the build's version and files, and nothing from Node", async () => {
    const root = site(BUILT);
    const code = await serviceWorkerCode(root);
    expect(code).toContain(describeSite(root).version);
    expect(code).toContain('"pods/"');
    expect(code).not.toContain("esbuild.Cd34.wasm");
    expect(code).not.toMatch(/require\(|node:/);
  });

  it("registers the worker under the site's base path", () => {
    expect(registrationScript("/")).toContain('register("/sw.js",{scope:"/"})');
    expect(registrationScript("/kubenotes")).toContain('register("/kubenotes/sw.js",{scope:"/kubenotes/"})');
  });

  it("treats only Astro's hashed bundle files as never changing", () => {
    expect(isHashedAsset("https://x.test/kubenotes/_astro/kernel-Ab12.js")).toBe(true);
    expect(isHashedAsset("https://x.test/kubenotes/pods/")).toBe(false);
    expect(isHashedAsset("https://x.test/kubenotes/pagefind/pagefind.js")).toBe(false);
  });
});
