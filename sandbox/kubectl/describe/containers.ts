// The Containers / Init Containers sections of pods and pod templates.
import type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  Probe,
  ResourceRequirements,
} from "../../api/types.ts";
import { rfc1123z } from "./duration.ts";
import { cmp } from "./multiline.ts";
import { canonical, parseQuantity, quantityValue } from "./quantity.ts";
import type { DescribeWriter } from "./writer.ts";

/** Print a containers section; `statuses` is null for templates, `space` is "  " inside a template. */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | null,
  pod: Pod | null,
  space: string,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = statuses?.find((s) => s.name === c.name);
    w.write(1, `${space ? " " : ""}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    printLines(w, "Command", c.command);
    printLines(w, "Args", c.args);
    if (status) {
      describeState(w, "State", status.state);
      if (status.lastState?.terminated) describeState(w, "Last State", status.lastState);
      w.write(2, `Ready:\t${status.ready ? "True" : "False"}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    const startup = c["startupProbe"] as Probe | undefined;
    if (startup) w.write(2, `Startup:\t${describeProbe(startup)}\n`);
    describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}

function printLines(w: DescribeWriter, title: string, items: string[] | undefined): void {
  if (!items || items.length === 0) return;
  w.write(2, `${title}:\n`);
  for (const item of items) for (const line of item.split("\n")) w.write(3, `${line}\n`);
}

function describeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

/** Print `Limits:` and `Requests:` with one sorted resource per line. */
export function describeResources(
  w: DescribeWriter,
  r: ResourceRequirements | undefined,
  level: number,
): void {
  for (const [title, list] of [
    ["Limits", r?.limits],
    ["Requests", r?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(cmp);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${canonical(list![n])}\n`);
  }
}

/** Render a probe as kubectl does: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet as { host?: string; path?: string; port: number | string; scheme?: string };
    const host = g.host ?? "";
    const hostPort = host.includes(":") ? `[${host}]:${g.port}` : `${host}:${g.port}`;
    return `http-get ${(g.scheme ?? "HTTP").toLowerCase()}://${hostPort}${g.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) {
    const t = p.tcpSocket as { host?: string; port: number | string };
    return `tcp-socket ${t.host ?? ""}:${t.port} ${attrs}`;
  }
  const grpc = (p as { grpc?: { port: number; service?: string } }).grpc;
  if (grpc) return `grpc <pod>:${grpc.port} ${grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

function describeEnvFrom(w: DescribeWriter, c: Container): void {
  const from = (c["envFrom"] as EnvFromSource[] | undefined) ?? [];
  if (from.length === 0) return;
  w.write(2, "Environment Variables from:\n");
  for (const e of from) {
    const ref = e.configMapRef ?? e.secretRef;
    const kind = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
    const what = e.prefix ? `${kind} with prefix '${e.prefix}'` : kind;
    w.write(3, `${ref?.name ?? ""}\t${what}\tOptional: ${ref?.optional === true}\n`);
  }
}

interface EnvSource {
  fieldRef?: { apiVersion?: string; fieldPath: string };
  resourceFieldRef?: { resource: string; divisor?: string };
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
}

function describeEnv(w: DescribeWriter, c: Container, pod: Pod | null): void {
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const from = e.valueFrom as EnvSource | undefined;
    if (!from) {
      (e.value ?? "").split("\n").forEach((line, i) => {
        w.write(3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`);
      });
    } else if (from.fieldRef) {
      const value = pod ? fieldValue(pod, from.fieldRef.fieldPath) : "";
      w.write(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? "v1"}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      w.write(
        3,
        `${e.name}:\t${resourceFieldValue(c, from.resourceFieldRef.resource)} (${from.resourceFieldRef.resource})\n`,
      );
    } else if (from.secretKeyRef) {
      const s = from.secretKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${s.key}' in secret '${s.name}'>\tOptional: ${s.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      const m = from.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${m.key}' of config map '${m.name}'>\tOptional: ${m.optional === true}\n`,
      );
    }
  }
}

function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return pod.metadata[m[1] as "labels" | "annotations"]?.[m[2]] ?? "";
  const values: Record<string, string | undefined> = {
    "metadata.name": pod.metadata.name,
    "metadata.namespace": pod.metadata.namespace,
    "metadata.uid": pod.metadata.uid,
    "spec.nodeName": pod.spec.nodeName,
    "spec.serviceAccountName": pod.spec.serviceAccountName,
    "status.hostIP": pod.status?.hostIP,
    "status.podIP": pod.status?.podIP,
    "status.podIPs": pod.status?.podIPs?.map((p) => p.ip).join(","),
  };
  return values[path] ?? "";
}

// Divisors are not modelled: cpu rounds up to whole cores, memory prints bytes.
function resourceFieldValue(c: Container, resource: string): string {
  const [kind, name] = resource.split(".");
  const list = kind === "limits" ? c.resources?.limits : c.resources?.requests;
  const value = quantityValue(parseQuantity(list?.[name])).toString();
  return value === "0" && kind === "limits" ? "node allocatable" : value;
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => cmp(a.mountPath, b.mountPath));
  w.write(2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? "ro" : "rw"];
    const subPath = (m as { subPath?: string }).subPath;
    if (subPath) flags.push(`path=${JSON.stringify(subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
  const devices = (c["volumeDevices"] as { name: string; devicePath: string }[] | undefined) ?? [];
  if (devices.length > 0) {
    // kubectl reuses the Mounts "<none>" suffix here.
    w.write(2, `Devices:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const d of [...devices].sort((a, b) => cmp(a.devicePath, b.devicePath))) {
      w.write(3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}
