/** Serve a built site from a folder on 127.0.0.1 under its base path, honouring its `_headers` file. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain",
  ".xml": "application/xml",
  ".woff2": "font/woff2",
  ".pf_meta": "application/octet-stream",
};

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parse a Netlify/Cloudflare `_headers` file: a path pattern, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else if (rules.length > 0) {
      const at = line.indexOf(":");
      const name = line.slice(0, at).trim();
      if (!name.startsWith("!")) rules.at(-1)!.headers.push([name, line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/**
 * Serve `root` under `base`; resolves to the origin-plus-base URL once listening. With
 * `{ headers: false }` it ignores `_headers`, like a host that sends none (GitHub Pages).
 */
export async function serveSite(
  root: string,
  base: string,
  options: { headers?: boolean } = {},
): Promise<{ url: string; server: Server }> {
  const headersFile = join(root, "_headers");
  const rules =
    options.headers !== false && existsSync(headersFile)
      ? parseHeaders(readFileSync(headersFile, "utf8"))
      : [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end("outside base");
      return;
    }
    const rel = normalize(`/${path.slice(base.length)}`);
    let file = join(root, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(root, "404.html");
    const headers: Record<string, string> = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    };
    // Later rules win, as when a host merges a specific rule over a catch-all one.
    for (const rule of rules)
      if (rule.pattern.test(rel)) for (const [k, v] of rule.headers) headers[k.toLowerCase()] = v;
    if (!existsSync(file)) {
      res.writeHead(404, headers).end("not found");
      return;
    }
    const body = readFileSync(file);
    headers["content-length"] = String(body.byteLength);
    res.writeHead(found ? 200 : 404, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${base}`, server };
}
