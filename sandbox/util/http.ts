// Minimal HTTP/1.1 parsing and formatting for the programs that serve HTTP (images, the API server).

/** A parsed HTTP request. */
export interface HttpRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  version: string;
  headers: Record<string, string>;
}

/** Parse the head of a raw HTTP request; null when it is not HTTP. */
export function parseHttpRequest(raw: string): HttpRequest | null {
  const [head] = raw.split("\r\n\r\n");
  const lines = head.split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/.exec(lines[0] ?? "");
  if (!m) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const [path, qs = ""] = m[2].split("?");
  const query: Record<string, string> = {};
  for (const pair of qs.split("&").filter(Boolean)) {
    const [k, v = ""] = pair.split("=");
    query[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, " "));
  }
  return { method: m[1], path, query, version: m[3], headers };
}

const REASONS: Record<number, string> = {
  200: "OK",
  301: "Moved Permanently",
  302: "Found",
  401: "Unauthorized",
  403: "Forbidden",
  400: "Bad Request",
  404: "Not Found",
  405: "Not Allowed",
  500: "Internal Server Error",
};

/** Format an HTTP date: `Thu, 02 Jan 2025 03:04:05 GMT`. */
export function httpDate(ms: number): string {
  // Probes ask every second; the text depends on the second alone (as rfc3339's cache, shared safely).
  const second = Math.floor(ms / 1000);
  let text = httpDates.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toUTCString();
    if (httpDates.size >= 4096) httpDates.clear();
    httpDates.set(second, text);
  }
  return text;
}

const httpDates = new Map<number, string>();

/** Build a raw HTTP/1.1 response with headers in the given order. */
export function httpResponse(status: number, headers: Array<[string, string]>, body: string): string {
  const head = [`HTTP/1.1 ${status} ${REASONS[status] ?? ""}`, ...headers.map(([k, v]) => `${k}: ${v}`)];
  return `${head.join("\r\n")}\r\n\r\n${body}`;
}

/** Count the UTF-8 bytes of a body, for Content-Length. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}
