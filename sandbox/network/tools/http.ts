// curl (7.88, Debian; 7.81 on the Ubuntu nodes) and busybox wget over the modelled network.
import { busyboxBanner } from "../../images/busybox.ts";
import type { CommandOutput } from "../../node/ps.ts";
import type { ConnectResult } from "../packet.ts";
import { failureMs, resolveName, type Site, sendTo, strerror } from "../site.ts";

/** A parsed http:// URL. */
export interface Url {
  scheme: "http" | "https";
  host: string;
  port: number;
  path: string;
}

/** Parse an http URL (scheme optional, as curl allows). */
export function parseUrl(text: string): Url | null {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(text);
  if (!m) return null;
  const port = m[3] ? Number(m[3]) : m[1] === "https" ? 443 : 80;
  return { scheme: m[1] === "https" ? "https" : "http", host: m[2], port, path: m[4] || "/" };
}

/** What a client sends besides the URL: curl's -X, -H and -d. */
export interface RequestOptions {
  method?: string;
  headers?: string[];
  body?: string;
}

function request(u: Url, agent: string, head: boolean, opts: RequestOptions = {}): string {
  const host = u.port === 80 ? u.host : `${u.host}:${u.port}`;
  const method = opts.method ?? (head ? "HEAD" : opts.body !== undefined ? "POST" : "GET");
  let text = `${method} ${u.path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${agent}\r\nAccept: */*\r\n`;
  for (const h of opts.headers ?? []) text += `${h}\r\n`;
  if (opts.body !== undefined) {
    if (!(opts.headers ?? []).some((h) => /^content-type:/i.test(h)))
      text += "Content-Type: application/x-www-form-urlencoded\r\n";
    text += `Content-Length: ${opts.body.length}\r\n`;
  }
  return `${text}\r\n${opts.body ?? ""}`;
}

/** Split a raw HTTP response into head and body. */
export function splitResponse(raw: string): { head: string; body: string; status: number } {
  const i = raw.indexOf("\r\n\r\n");
  const head = i < 0 ? raw : raw.slice(0, i + 2);
  return {
    head,
    body: i < 0 ? "" : raw.slice(i + 4),
    status: Number(/^HTTP\/1\.[01] (\d+)/.exec(raw)?.[1] ?? 0),
  };
}

type Fetch =
  | { ok: true; raw: string; ip: string; r: ConnectResult }
  | { ok: false; kind: "dns" | "connect"; ip?: string; r?: ConnectResult & { ok: false } };

/** Resolve and connect to a URL, sending one HTTP request. */
export function fetchUrl(site: Site, u: Url, agent: string, head = false, opts: RequestOptions = {}): Fetch {
  const res = resolveName(site, u.host);
  if (!res.ok) return { ok: false, kind: "dns" };
  const payload = request(u, agent, head, opts);
  const r = sendTo(site, { proto: "tcp", dst: res.ip, dport: u.port, payload });
  if (!r.ok) return { ok: false, kind: "connect", ip: res.ip, r };
  return { ok: true, raw: r.response, ip: res.ip, r };
}

const CURL_VERSION = { debian: "7.88.1", ubuntu: "7.81.0", busybox: "7.88.1" } as const;

/** `curl [-s] [-S] [-i] [-I] [-v] [-k] [-X METHOD] [-H HEADER] [-d DATA] [-o FILE] [-m SECS] URL`. */
export function runCurl(site: Site, args: string[]): CommandOutput {
  let silent = false;
  let insecure = false;
  let showErr = false;
  let include = false;
  let head = false;
  let maxMs = 0;
  let discard = false;
  let format = "";
  let url = "";
  let method: string | undefined;
  const headers: string[] = [];
  let data: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output") discard = args[++i] === "/dev/null";
    else if (a === "-m" || a === "--max-time" || a === "--connect-timeout") maxMs = Number(args[++i]) * 1000;
    else if (a === "-w" || a === "--write-out") format = args[++i] ?? "";
    else if (a === "-X" || a === "--request") method = args[++i];
    else if (a === "-H" || a === "--header") headers.push(args[++i] ?? "");
    else if (a === "-d" || a === "--data" || a === "--data-raw") data = args[++i] ?? "";
    else if (/^-[a-zA-Z]+$/.test(a)) {
      silent ||= a.includes("s");
      showErr ||= a.includes("S");
      include ||= a.includes("i");
      head ||= a.includes("I");
      insecure ||= a.includes("k");
    } else if (a.startsWith("--")) {
      silent ||= a === "--silent";
      insecure ||= a === "--insecure";
    } else url = a;
  }
  if (!url)
    return {
      stdout: "",
      stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    };
  const u = parseUrl(url);
  if (!u)
    return { stdout: "", stderr: `curl: (3) URL using bad/illegal format or missing URL\n`, exitCode: 3 };
  const err = (code: number, msg: string) => ({
    stdout: "",
    stderr: !silent || showErr ? `curl: (${code}) ${msg}\n` : "",
    exitCode: code,
  });
  const f = fetchUrl(site, u, `curl/${CURL_VERSION[site.flavor]}`, head, { method, headers, body: data });
  if (!f.ok && f.kind === "dns") return err(6, `Could not resolve host: ${u.host}`);
  if (!f.ok) {
    const ms = failureMs(f.r!);
    if (f.r!.error === "timeout" && maxMs > 0)
      return err(28, `Connection timed out after ${maxMs + 1} milliseconds`);
    return err(
      f.r!.error === "timeout" ? 28 : 7,
      `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: ${strerror(f.r!)}`,
    );
  }
  // The model carries no TLS handshake; every serving certificate is signed by the cluster CA, unknown to curl.
  if (u.scheme === "https" && !insecure)
    return err(
      60,
      "SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.",
    );
  if (f.raw === "") return err(52, "Empty reply from server");
  const { head: h, body } = splitResponse(f.raw);
  const out = head ? h.replace(/\r\n$/, "\r\n\r\n") : include ? f.raw : body;
  const status = splitResponse(f.raw).status;
  const written = format
    .replace(/%\{http_code\}/g, String(status))
    .replace(/%\{remote_ip\}/g, f.ip)
    .replace(/\\n/g, "\n");
  return { stdout: (discard ? "" : out) + written, stderr: "", exitCode: 0 };
}

/** busybox `wget [-q] [-O FILE] [-T SECS] [-S] URL`. */
export function runWget(site: Site, args: string[]): CommandOutput {
  let quiet = false;
  let toStdout = false;
  let url = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-O") toStdout = args[++i] === "-";
    else if (a === "-T") i++;
    else if (a.startsWith("-")) {
      quiet ||= a.includes("q");
      if (a.includes("O")) toStdout = a.endsWith("O") ? args[++i] === "-" : a.endsWith("O-");
    } else url = a;
  }
  const u = parseUrl(url);
  if (!u)
    return {
      stdout: "",
      stderr: `${busyboxBanner(site.busyboxVersion)}\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`,
      exitCode: 1,
    };
  let target = u;
  let pre = "";
  let announce = true;
  let f = fetchUrl(site, target, "Wget");
  // busybox follows up to four Location redirects of 300-303: a path stays on the connection's
  // server, a URL connects anew (and says so).
  for (let hops = 0; ; hops++) {
    if (!f.ok && f.kind === "dns")
      return { stdout: "", stderr: `${pre}wget: bad address '${target.host}'\n`, exitCode: 1 };
    if (announce && !quiet) pre += `Connecting to ${target.host} (${f.ip}:${target.port})\n`;
    if (!f.ok)
      return {
        stdout: "",
        stderr: `${pre}wget: can't connect to remote host (${f.ip}): ${strerror(f.r!)}\n`,
        exitCode: 1,
      };
    const { head, status } = splitResponse(f.raw);
    const location = /\r\nLocation:[ \t]*([^\r\n]+)/i.exec(`\r\n${head}`)?.[1]?.trim();
    if (!(status >= 300 && status <= 303 && location)) break;
    if (hops === 4) return { stdout: "", stderr: `${pre}wget: too many redirections\n`, exitCode: 1 };
    announce = !location.startsWith("/");
    const next = announce ? parseUrl(location) : { ...target, path: location };
    if (!next)
      return { stdout: "", stderr: `${pre}wget: not an http or ftp url: ${location}\n`, exitCode: 1 };
    target = next;
    f = fetchUrl(site, target, "Wget");
  }
  if (!f.ok) return { stdout: "", stderr: pre, exitCode: 1 };
  const { body, status } = splitResponse(f.raw);
  if (!((status >= 200 && status <= 206 && status !== 205) || (status >= 300 && status <= 303))) {
    const reason = /^HTTP\/1\.[01] \d+ ([^\r\n]*)/.exec(f.raw)?.[1] ?? "";
    return {
      stdout: "",
      stderr: `${pre}wget: server returned error: HTTP/1.1 ${status} ${reason}\n`,
      exitCode: 1,
    };
  }
  const name = toStdout ? "stdout" : "'index.html'";
  const progress = quiet
    ? ""
    : `${toStdout ? "writing to stdout\n" : `saving to ${name}\n`}${(toStdout ? "-" : "index.html").padEnd(21)}100% |********************************|  ${String(body.length).padStart(4)}  0:00:00 ETA\n${toStdout ? "written to stdout" : `${name} saved`}\n`;
  return { stdout: toStdout ? body : "", stderr: pre + progress, exitCode: 0 };
}
