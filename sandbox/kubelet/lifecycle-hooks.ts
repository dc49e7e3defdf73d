// Run a container's postStart or preStop handler (pkg/kubelet/lifecycle/handlers.go): a command in the
// container (CRI ExecSync), an HTTP GET from the node to the pod, or a pause; failures carry the kubelet's text.
import type { Container, LifecycleHandler, Pod } from "../api/types.ts";
import type { ProbeTransport } from "./probe-transport.ts";
import { dialErrorText, probePort } from "./prober.ts";

/** The User-Agent the kubelet sends on lifecycle HTTP hooks. */
export const LIFECYCLE_USER_AGENT = "kube-lifecycle/1.32";

/** How a hook ended: `delayMs` is how long it kept the kubelet waiting (a sleep handler). */
export type HookOutcome = { ok: true; delayMs: number } | { ok: false; message: string; delayMs: number };

/** Where the hook runs: the pod IP and the container's runtime id. */
export interface HookTarget {
  podIP: string;
  containerId: string;
}

/** Name a pod as the kubelet's format.Pod does: `name_namespace(uid)`. */
export function podDesc(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

// Go's %q for the text a reader sees; JSON escaping agrees with it for printable text, \n and \t.
function goQuote(s: string): string {
  return JSON.stringify(s);
}

function execHook(
  t: ProbeTransport | undefined,
  argv: string[],
  container: Container,
  pod: Pod,
  target: HookTarget,
): HookOutcome {
  // Without a node runtime the command cannot run; the model lets the hook pass.
  if (!t) return { ok: true, delayMs: 0 };
  const r = t.exec(target.containerId, argv);
  if (r.exitCode === 0) return { ok: true, delayMs: 0 };
  const err =
    r.exitCode === 126 && /^OCI runtime exec failed/.test(r.stderr)
      ? `rpc error: code = Unknown desc = failed to exec in container: ${r.stderr.trim()}`
      : `command '${argv.join(" ")}' exited with ${r.exitCode}: ${r.stderr}`;
  const output = r.exitCode === 126 && err.startsWith("rpc") ? "" : r.stdout + r.stderr;
  return {
    ok: false,
    delayMs: 0,
    message: `Exec lifecycle hook ([${argv.join(" ")}]) for Container "${container.name}" in Pod "${podDesc(pod)}" failed - error: ${err}, message: ${goQuote(output)}`,
  };
}

// Only a failed connection fails the hook: the kubelet discards the response whatever its status code.
function httpHook(
  t: ProbeTransport | undefined,
  get: NonNullable<LifecycleHandler["httpGet"]>,
  container: Container,
  pod: Pod,
  target: HookTarget,
): HookOutcome {
  const fail = (err: string): HookOutcome => ({
    ok: false,
    delayMs: 0,
    message: `HTTP lifecycle hook (${get.path ?? ""}) for Container "${container.name}" in Pod "${podDesc(pod)}" failed - error: ${err}`,
  });
  const port = probePort(container, get.port);
  if (port === undefined) return fail(`couldn't find port: ${get.port}`);
  if (!t) return { ok: true, delayMs: 0 };
  const host = get.host || target.podIP;
  const rawPath = get.path ?? "";
  const path = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
  const scheme = (get.scheme ?? "HTTP").toLowerCase();
  const headers = (get.httpHeaders ?? []).map((h) => `${h.name}: ${h.value}\r\n`).join("");
  const req = `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUser-Agent: ${LIFECYCLE_USER_AGENT}\r\nAccept: */*\r\n${headers}Connection: close\r\n\r\n`;
  const r = t.tcp(host, port, req);
  if (r.ok) return { ok: true, delayMs: 0 };
  return fail(`Get "${scheme}://${host}:${port}${path}": ${dialErrorText(host, port, r.error)}`);
}

/** Run one lifecycle handler against a running container. */
export function runHook(
  t: ProbeTransport | undefined,
  handler: LifecycleHandler,
  container: Container,
  pod: Pod,
  target: HookTarget,
): HookOutcome {
  if (handler.exec) return execHook(t, handler.exec.command ?? [], container, pod, target);
  if (handler.httpGet) return httpHook(t, handler.httpGet, container, pod, target);
  if (handler.sleep) return { ok: true, delayMs: Math.max(0, handler.sleep.seconds) * 1000 };
  return { ok: false, delayMs: 0, message: "Cannot run handler: invalid handler" };
}
