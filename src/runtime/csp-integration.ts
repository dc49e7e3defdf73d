/** Add the site's Content-Security-Policy to every built page, with hashes of its inline scripts. */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pagePolicy } from "./csp.ts";

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(full);
    return e.name.endsWith(".html") ? [full] : [];
  });
}

/** List the CSP hashes of a page's inline scripts (data blocks such as application/json run nothing). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs = "", body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc=/.test(attrs)) continue;
    const type = /\stype=["']?([^"'\s>]+)/.exec(attrs)?.[1];
    if (type && type !== "module" && type !== "text/javascript") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes].sort();
}

/** Put the policy meta tag first in <head>, so it covers everything after it. */
export function addPolicyMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(inlineScriptHashes(html))}">`;
  return html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "")
    .replace(/<head>/i, `<head>${meta}`);
}

/** Add every page's inline-script hashes to the script-src of the built `_headers` policies. */
export function addHashesToHeaders(headers: string, hashes: string[]): string {
  return headers.replace(/(Content-Security-Policy:.*?script-src [^;\n]*)/g, (line) =>
    line.includes("'unsafe-eval'") ? line : `${line} ${hashes.join(" ")}`,
  );
}

/** Make the Astro integration that writes the policy into dist after the build. */
export function cspIntegration() {
  return {
    name: "kubenotes-csp",
    hooks: {
      "astro:build:done": ({ dir }: { dir: URL }) => {
        const root = fileURLToPath(dir);
        const all = new Set<string>();
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, "utf8");
          for (const hash of inlineScriptHashes(html)) all.add(hash);
          writeFileSync(file, addPolicyMeta(html));
        }
        const headersFile = join(root, "_headers");
        if (existsSync(headersFile)) {
          writeFileSync(headersFile, addHashesToHeaders(readFileSync(headersFile, "utf8"), [...all].sort()));
        }
      },
    },
  };
}
