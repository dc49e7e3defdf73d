/** Build the site's service worker (offline reading and running) and register it on every built page. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { requestPath, savedForOffline } from "./precache.ts";

const ENTRY = fileURLToPath(new URL("./service-worker.ts", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** List a built site's files (paths relative to it, with `/`) and a digest of their names and contents. */
export function describeSite(root: string): { paths: string[]; version: string } {
  const paths = files(root)
    .map((f) => relative(root, f).split(sep).join("/"))
    .filter((p) => p !== "sw.js")
    .sort();
  const digest = createHash("sha256");
  for (const path of paths)
    digest
      .update(path)
      .update("\0")
      .update(readFileSync(join(root, path)));
  return { paths, version: digest.digest("hex").slice(0, 16) };
}

/** Return the service worker's code for a built site: its version and the URLs it saves for offline use. */
export async function serviceWorkerCode(root: string): Promise<string> {
  const { paths, version } = describeSite(root);
  const saved = paths.filter(savedForOffline).map(requestPath);
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    write: false,
    define: { __KN_VERSION__: JSON.stringify(version), __KN_FILES__: JSON.stringify(saved) },
  });
  return result.outputFiles[0].text;
}

/** The inline script that registers the worker once the page has loaded; a browser that refuses is left alone. */
export function registrationScript(base: string): string {
  const scope = base.endsWith("/") ? base : `${base}/`;
  return (
    `if("serviceWorker"in navigator)addEventListener("load",()=>` +
    `navigator.serviceWorker.register(${JSON.stringify(`${scope}sw.js`)},{scope:${JSON.stringify(scope)}}).catch(()=>{}))`
  );
}

/** Make the Astro integration: registration on built pages only (never under `npm start`), sw.js after the build. */
export function offlineIntegration() {
  return {
    name: "kubenotes-offline",
    hooks: {
      "astro:config:setup": ({
        command,
        config,
        injectScript,
      }: {
        command: string;
        config: { base: string };
        injectScript: (stage: "head-inline", content: string) => void;
      }) => {
        if (command === "build") injectScript("head-inline", registrationScript(config.base));
      },
      "astro:build:done": async ({ dir }: { dir: URL }) => {
        const root = fileURLToPath(dir);
        writeFileSync(join(root, "sw.js"), await serviceWorkerCode(root));
      },
    },
  };
}
