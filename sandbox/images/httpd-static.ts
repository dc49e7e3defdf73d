// Apache httpd's default file serving from /usr/local/apache2/htdocs in the container's filesystem.
import type { FileTree, FsNode } from "../node/filesystem.ts";
import { byteLength, httpDate } from "../util/http.ts";
import type { ImageFile } from "./types.ts";

/** The DocumentRoot of the httpd image's httpd.conf. */
export const HTDOCS = "/usr/local/apache2/htdocs";
// The index.html the httpd tarball has carried since 2007; its mtime gives the well-known ETag.
const PAGE_MTIME = 1181587994;

/** List the httpd image's files beyond its Debian base (httpd.conf and the modules are not modelled). */
export function htdocsFiles(): ImageFile[] {
  return [
    {
      path: `${HTDOCS}/index.html`,
      content: "<html><body><h1>It works!</h1></body></html>\n",
      mtime: PAGE_MTIME,
    },
  ];
}

// httpd's conf/mime.types for the common extensions; others get no Content-Type at all (2.4 has no DefaultType).
const MIME: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  txt: "text/plain",
  css: "text/css",
  js: "text/javascript",
  json: "application/json",
  png: "image/png",
  jpg: "image/jpeg",
  svg: "image/svg+xml",
};

const page = (title: string, h1: string, text: string) =>
  `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${h1}</h1>\n<p>${text}</p>\n</body></html>\n`;

function find(fs: FileTree, path: string): FsNode | null {
  try {
    return fs.lookup(path);
  } catch {
    return null;
  }
}

function error(status: number, body: string, extra: Array<[string, string]> = []) {
  const headers: Array<[string, string]> = [
    ...extra,
    ["Content-Length", String(byteLength(body))],
    ["Content-Type", "text/html; charset=iso-8859-1"],
  ];
  return { status, headers, body };
}

/** Serve a request path from htdocs: a status, the headers after Date and Server, and a body. */
export function serveHtdocs(
  fs: FileTree,
  path: string,
  host: string,
): { status: number; headers: Array<[string, string]>; body: string } {
  const notFound = () =>
    error(404, page("404 Not Found", "Not Found", "The requested URL was not found on this server."));
  let uri: string;
  try {
    uri = decodeURIComponent(path);
  } catch {
    return notFound();
  }
  let node = find(fs, HTDOCS + uri);
  if (node?.kind === "dir") {
    if (!uri.endsWith("/")) {
      const to = `http://${host}${path}/`;
      return error(
        301,
        page(
          "301 Moved Permanently",
          "Moved Permanently",
          `The document has moved <a href="${to}">here</a>.`,
        ),
        [["Location", to]],
      );
    }
    node = find(fs, `${HTDOCS}${uri}index.html`);
    uri = `${uri}index.html`;
    // The model simplifies: real httpd (Options Indexes) lists a directory without an index.
    if (!node)
      return error(
        403,
        page("403 Forbidden", "Forbidden", "You don't have permission to access this resource."),
      );
  }
  if (node?.kind !== "file") return notFound();
  const size = byteLength(node.content);
  const mtimeS = Math.floor(node.mtimeMs / 1000);
  const ext = uri.slice(uri.lastIndexOf(".") + 1).toLowerCase();
  const type = uri.includes(".") ? MIME[ext] : undefined;
  return {
    status: 200,
    headers: [
      ["Last-Modified", httpDate(mtimeS * 1000)],
      // FileETag MTime Size: the size, then the mtime in microseconds, both in hex.
      ["ETag", `"${size.toString(16)}-${(mtimeS * 1_000_000).toString(16)}"`],
      ["Accept-Ranges", "bytes"],
      ["Content-Length", String(size)],
      ...(type ? ([["Content-Type", type]] as Array<[string, string]>) : []),
    ],
    body: node.content,
  };
}
