// nginx's static and index modules for the image's default server: files under the document root.
import type { FileTree, FsNode } from "../node/filesystem.ts";
import { byteLength, httpDate } from "../util/http.ts";

/** Where default.conf's `location /` (and `= /50x.html`) take files from. */
export const DOC_ROOT = "/usr/share/nginx/html";

// A subset of nginx's mime.types, by lower-case extension; anything else is default_type.
const MIME: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  shtml: "text/html",
  css: "text/css",
  xml: "text/xml",
  txt: "text/plain",
  js: "application/javascript",
  json: "application/json",
  gif: "image/gif",
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  png: "image/png",
  svg: "image/svg+xml",
  svgz: "image/svg+xml",
  ico: "image/x-icon",
  webp: "image/webp",
  pdf: "application/pdf",
  zip: "application/zip",
  wasm: "application/wasm",
  woff: "font/woff",
  woff2: "font/woff2",
  mp4: "video/mp4",
};
const DEFAULT_TYPE = "application/octet-stream";
const INDEX = ["index.html", "index.htm"];

/** What the static handler decided: a status, the headers after Server and Date, and a body. */
export interface StaticResult {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Give the Content-Type nginx picks for a file name. */
export function mimeType(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? DEFAULT_TYPE : (MIME[name.slice(dot + 1).toLowerCase()] ?? DEFAULT_TYPE);
}

function find(fs: FileTree, path: string): FsNode | null {
  try {
    return fs.lookup(path);
  } catch {
    return null;
  }
}

// Workers run as nginx (uid 101) and the model keeps no owners, so a file must be world-readable.
const readable = (n: FsNode) => (n.mode & 0o004) !== 0;

function fileResult(node: FsNode & { kind: "file" }, name: string): StaticResult {
  const size = byteLength(node.content);
  const mtimeS = Math.floor(node.mtimeMs / 1000);
  return {
    status: 200,
    headers: [
      ["Content-Type", mimeType(name)],
      ["Content-Length", String(size)],
      ["Last-Modified", httpDate(mtimeS * 1000)],
      ["Connection", "keep-alive"],
      ["ETag", `"${mtimeS.toString(16)}-${size.toString(16)}"`],
      ["Accept-Ranges", "bytes"],
    ],
    body: node.content,
  };
}

/** Build nginx's own error page for a status (server_tokens on, so it names the version). */
export function errorResult(
  status: number,
  reason: string,
  version: string,
  extra: Array<[string, string]> = [],
): StaticResult {
  // nginx builds these pages in C with CRLF line ends (so a 404 is 153 bytes, a 301 169).
  const body = [
    "<html>",
    `<head><title>${status} ${reason}</title></head>`,
    "<body>",
    `<center><h1>${status} ${reason}</h1></center>`,
    `<hr><center>nginx/${version}</center>`,
    "</body>",
    "</html>",
    "",
  ].join("\r\n");
  const headers: Array<[string, string]> = [
    ["Content-Type", "text/html"],
    ["Content-Length", String(byteLength(body))],
    ...extra,
    ["Connection", "keep-alive"],
  ];
  return { status, headers, body };
}

/** Serve a request target from the document root of a container's filesystem. */
export function serveStatic(
  fs: FileTree,
  method: string,
  target: string,
  host: string,
  version: string,
): StaticResult {
  const [rawPath, query] = target.split("?", 2);
  let uri: string;
  try {
    uri = decodeURIComponent(rawPath);
  } catch {
    return errorResult(400, "Bad Request", version);
  }
  // nginx refuses a path that climbs above the root instead of clamping it.
  let depth = 0;
  for (const part of uri.split("/").filter((p) => p && p !== ".")) {
    depth += part === ".." ? -1 : 1;
    if (depth < 0 || !uri.startsWith("/")) return errorResult(400, "Bad Request", version);
  }
  if (!["GET", "HEAD", "POST"].includes(method)) return errorResult(405, "Not Allowed", version);
  if (uri.endsWith("/")) {
    const dir = find(fs, DOC_ROOT + uri);
    if (dir?.kind !== "dir") return errorResult(404, "Not Found", version);
    for (const name of INDEX) {
      const node = find(fs, `${DOC_ROOT}${uri}${name}`);
      if (node) return serveStatic(fs, method, `${rawPath}${name}`, host, version);
    }
    // No index file and no autoindex: "directory index of ... is forbidden".
    return errorResult(403, "Forbidden", version);
  }
  const node = find(fs, DOC_ROOT + uri);
  if (!node) return errorResult(404, "Not Found", version);
  if (node.kind === "dir") {
    const location = `http://${host}${rawPath}/${query !== undefined ? `?${query}` : ""}`;
    return errorResult(301, "Moved Permanently", version, [["Location", location]]);
  }
  if (node.kind !== "file" || !readable(node)) return errorResult(403, "Forbidden", version);
  if (method === "POST") return errorResult(405, "Not Allowed", version);
  return fileResult(node, uri.slice(uri.lastIndexOf("/") + 1));
}
