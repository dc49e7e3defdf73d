// Run one probe once, as pkg/probe does: an HTTP GET or a TCP dial from the node to the pod IP, or a
// command in the container; the outcome carries the text the kubelet puts in its Unhealthy event.
import type { Container, Probe } from "../api/types.ts";
import type { ContainerRuntime } from "./cri.ts";
import type { DialError, ProbeTransport } from "./probe-transport.ts";

/** The kubelet's User-Agent on HTTP probes (`kube-probe/<major>.<minor>`). */
export const PROBE_USER_AGENT = "kube-probe/1.32";

/** What one probe run found: success, failure (counts toward the threshold) or an error (discarded). */
export interface ProbeOutcome {
  result: "success" | "failure" | "unknown";
  output: string;
}

// Every passing HTTP or TCP probe has the same outcome; it is shared, as callers only read outcomes.
const SUCCESS: ProbeOutcome = { result: "success", output: "" };

/** Where the probe goes: the pod's IP, its sandbox and the container being probed. */
export interface ProbeTarget {
  podIP: string;
  sandboxId: string;
  containerId: string;
}

/** Resolve a probe port (a number, or the name of one of the container's ports). */
export function probePort(c: Container, port: number | string): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Word a dial failure as Go's net package does: `dial tcp 10.244.1.5:81: connect: connection refused`. */
export function dialErrorText(ip: string, port: number, e: DialError): string {
  const addr = `dial tcp ${ip}:${port}`;
  if (e === "timeout") return `${addr}: i/o timeout`;
  if (e === "refused") return `${addr}: connect: connection refused`;
  if (e === "unreachable") return `${addr}: connect: no route to host`;
  return `${addr}: connect: network is unreachable`;
}

function dial(
  t: ProbeTransport | undefined,
  runtime: ContainerRuntime,
  target: ProbeTarget,
  ip: string,
  port: number,
  payload: string,
): { ok: true; response: string } | { ok: false; error: DialError } {
  if (t) return t.tcp(ip, port, payload);
  // Without a network model only the listening socket can be checked; there is no reply to read.
  return runtime.probeTCP(target.sandboxId, port)
    ? { ok: true, response: "" }
    : { ok: false, error: "refused" };
}

interface HttpRequest {
  host: string;
  port: number;
  url: string;
  req: string;
}

// The same probe goes to the same address every period: its request text is built once per probe
// object (pod specs are never changed in place) and address.
const requests = new WeakMap<NonNullable<Probe["httpGet"]>, HttpRequest>();

function httpRequest(get: NonNullable<Probe["httpGet"]>, host: string, port: number): HttpRequest {
  const known = requests.get(get);
  if (known && known.host === host && known.port === port) return known;
  const scheme = (get.scheme ?? "HTTP").toLowerCase();
  const rawPath = get.path ?? "/";
  const path = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
  const url = `${scheme}://${host}:${port}${path}`;
  const extra = ((get as { httpHeaders?: Array<{ name: string; value: string }> }).httpHeaders ?? [])
    .map((h) => `${h.name}: ${h.value}\r\n`)
    .join("");
  // Go's client with keep-alives and compression disabled, as the kubelet configures it.
  const req = `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUser-Agent: ${PROBE_USER_AGENT}\r\nAccept: */*\r\n${extra}Connection: close\r\n\r\n`;
  const built = { host, port, url, req };
  requests.set(get, built);
  return built;
}

// The status code of an `HTTP/1.0` or `HTTP/1.1` status line, or 0; read in place, without a regex match.
function statusCode(response: string): number {
  if (response.length < 12 || !response.startsWith("HTTP/1.") || response[8] !== " ") return 0;
  if (response[7] !== "0" && response[7] !== "1") return 0;
  let code = 0;
  for (let i = 9; i < 12; i++) {
    const d = response.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    code = code * 10 + d;
  }
  return code;
}

function httpProbe(
  t: ProbeTransport | undefined,
  runtime: ContainerRuntime,
  get: NonNullable<Probe["httpGet"]>,
  port: number,
  target: ProbeTarget,
): ProbeOutcome {
  const host = (get as { host?: string }).host || target.podIP;
  const { url, req } = httpRequest(get, host, port);
  const r = dial(t, runtime, target, host, port, req);
  if (!r.ok) {
    if (r.error === "timeout")
      return {
        result: "failure",
        output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      };
    return { result: "failure", output: `Get "${url}": ${dialErrorText(host, port, r.error)}` };
  }
  if (!t) return SUCCESS;
  const status = statusCode(r.response);
  if (!status) return { result: "failure", output: `Get "${url}": EOF` };
  if (status >= 200 && status < 400) return SUCCESS;
  return { result: "failure", output: `HTTP probe failed with statuscode: ${status}` };
}

// The model's connections answer at once, so timeoutSeconds only shows in how a dropped connection is worded.

/** Run a probe once against a container. */
export function runProbe(
  t: ProbeTransport | undefined,
  runtime: ContainerRuntime,
  probe: Probe,
  container: Container,
  target: ProbeTarget,
): ProbeOutcome {
  if (probe.exec) {
    if (!t) return { result: "unknown", output: "exec probes need the node's runtime" };
    const r = t.exec(target.containerId, probe.exec.command ?? []);
    const output = r.stdout + r.stderr;
    // runc could not start the command at all: the CRI call fails rather than the command.
    if (r.exitCode === 126 && /^OCI runtime exec failed/.test(r.stderr))
      return {
        result: "unknown",
        output: `rpc error: code = Unknown desc = failed to exec in container: ${r.stderr.trim()}`,
      };
    return { result: r.exitCode === 0 ? "success" : "failure", output };
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  if (port === undefined) return { result: "unknown", output: "missing probe handler" };
  const n = probePort(container, port);
  if (n === undefined) return { result: "unknown", output: `couldn't find port: ${port}` };
  if (probe.httpGet) return httpProbe(t, runtime, probe.httpGet, n, target);
  const host = (probe.tcpSocket as { host?: string }).host || target.podIP;
  const r = dial(t, runtime, target, host, n, "");
  if (r.ok) return SUCCESS;
  return { result: "failure", output: dialErrorText(host, n, r.error) };
}
