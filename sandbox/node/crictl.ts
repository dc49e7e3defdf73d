// `crictl` v1.32 against the node's containerd: ps, pods, images, inspect(p), logs, stop, rm, rmp, stopp.
import { splitRef } from "../images/ref.ts";
import type { Containerd } from "./containerd.ts";
import { CriError } from "./cri-types.ts";
import { inspectContainerJson, inspectPodJson } from "./crictl-inspect.ts";
import { goTabwriter, humanDuration, humanSize, rfc3339Nano } from "./go-format.ts";
import type { CommandOutput } from "./ps.ts";

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: "", exitCode: 0 });
const fatal = (msg: string): CommandOutput => ({ stdout: "", stderr: `FATA[0000] ${msg}\n`, exitCode: 1 });
const trunc = (id: string) => id.replace(/^sha256:/, "").slice(0, 13);
const STATE: Record<string, string> = {
  CONTAINER_CREATED: "Created",
  CONTAINER_RUNNING: "Running",
  CONTAINER_EXITED: "Exited",
  SANDBOX_READY: "Ready",
  SANDBOX_NOTREADY: "NotReady",
};

function flags(args: readonly string[]): {
  has: (f: string) => boolean;
  value: (f: string) => string | undefined;
  rest: string[];
} {
  const rest: string[] = [];
  const seen = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-")) {
      rest.push(a);
      continue;
    }
    const [k, inline] = a.split("=", 2);
    const takes = ["--name", "--pod", "-p", "--state", "-s", "--namespace", "--tail", "--label"].includes(k);
    seen.set(k, inline ?? (takes ? (args[++i] ?? "") : ""));
  }
  return { has: (f) => seen.has(f), value: (f) => seen.get(f), rest };
}

function ps(cd: Containerd, args: readonly string[], now: number): CommandOutput {
  const f = flags(args);
  const all = f.has("-a") || f.has("--all");
  const name = f.value("--name");
  const pod = f.value("--pod") ?? f.value("-p");
  const state = (f.value("--state") ?? f.value("-s"))?.toLowerCase();
  const pods = new Map(cd.listPodSandboxes().map((s) => [s.id, s]));
  const rows = cd
    .listContainers()
    .filter((c) => (state ? STATE[c.state].toLowerCase() === state : all || c.state === "CONTAINER_RUNNING"))
    .filter((c) => !name || new RegExp(name).test(c.name))
    .filter((c) => !pod || c.podSandboxId.startsWith(pod));
  if (f.has("-q") || f.has("--quiet")) return ok(rows.map((c) => `${c.id}\n`).join(""));
  const table = [["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"]];
  for (const c of rows) {
    const sb = pods.get(c.podSandboxId);
    table.push([
      trunc(c.id),
      trunc(c.imageId),
      `${humanDuration(now - c.createdAt)} ago`,
      STATE[c.state],
      c.name,
      String(c.attempt),
      trunc(c.podSandboxId),
      c.labels["io.kubernetes.pod.name"] ?? sb?.config.name ?? "unknown",
      c.labels["io.kubernetes.pod.namespace"] ?? sb?.config.namespace ?? "unknown",
    ]);
  }
  return ok(goTabwriter(table));
}

function pods(cd: Containerd, args: readonly string[], now: number): CommandOutput {
  const f = flags(args);
  const name = f.value("--name");
  const ns = f.value("--namespace");
  const list = cd
    .listPodSandboxes()
    .filter((s) => !name || new RegExp(name).test(s.config.name))
    .filter((s) => !ns || new RegExp(ns).test(s.config.namespace));
  if (f.has("-q") || f.has("--quiet")) return ok(list.map((s) => `${s.id}\n`).join(""));
  const table = [["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"]];
  for (const s of list) {
    table.push([
      trunc(s.id),
      `${humanDuration(now - s.createdAt)} ago`,
      STATE[s.state],
      s.config.name,
      s.config.namespace,
      String(s.config.attempt ?? 0),
      "(default)",
    ]);
  }
  return ok(goTabwriter(table));
}

function images(cd: Containerd, args: readonly string[]): CommandOutput {
  const f = flags(args);
  const rows: string[][] = [];
  for (const img of cd.images.list()) {
    for (const tag of img.repoTags) {
      const { repo, tag: t } = splitRef(tag);
      rows.push([repo, t, trunc(img.id), humanSize(img.sizeBytes)]);
    }
  }
  rows.sort((a, b) => (a[0] + ":" + a[1] < b[0] + ":" + b[1] ? -1 : 1));
  if (f.has("-q") || f.has("--quiet"))
    return ok([...new Set(cd.images.list().map((i) => `${i.id}\n`))].join(""));
  return ok(goTabwriter([["IMAGE", "TAG", "IMAGE ID", "SIZE"], ...rows]));
}

function logs(cd: Containerd, args: readonly string[]): CommandOutput {
  const f = flags(args);
  const id = f.rest[0];
  if (!id) return fatal("ID cannot be empty");
  let lines = cd.containerLogs(id);
  const tail = f.value("--tail");
  if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  const ts = f.has("-t") || f.has("--timestamps");
  const fmt = (l: (typeof lines)[number]) => `${ts ? `${rfc3339Nano(l.time)} ` : ""}${l.text}\n`;
  return {
    stdout: lines
      .filter((l) => l.stream === "stdout")
      .map(fmt)
      .join(""),
    stderr: lines
      .filter((l) => l.stream === "stderr")
      .map(fmt)
      .join(""),
    exitCode: 0,
  };
}

/** Run `crictl <subcommand> ...` against a containerd. */
export function runCrictl(cd: Containerd, args: readonly string[], now: number): CommandOutput {
  const [sub, ...rest] = args;
  const ids = rest.filter((a) => !a.startsWith("-"));
  try {
    switch (sub) {
      case "ps":
        return ps(cd, rest, now);
      case "pods":
        return pods(cd, rest, now);
      case "images":
      case "image":
      case "img":
        return images(cd, rest);
      case "logs":
        return logs(cd, rest);
      case "inspectp":
        if (ids.length === 0) return fatal("ID cannot be empty");
        return ok(ids.map((id) => inspectPodJson(cd, id)).join(""));
      case "inspect":
        if (ids.length === 0) return fatal("ID cannot be empty");
        return ok(ids.map((id) => inspectContainerJson(cd, id)).join(""));
      case "stop": {
        if (ids.length === 0) return fatal("ID cannot be empty");
        const t = flags(rest).value("--timeout") ?? flags(rest).value("-t");
        for (const id of ids) cd.stopContainer(id, Number(t ?? 0), now);
        return ok(ids.map((id) => `${id}\n`).join(""));
      }
      case "rm":
        for (const id of ids) cd.removeContainer(id);
        return ok(ids.map((id) => `${id}\n`).join(""));
      case "stopp":
        for (const id of ids) cd.stopPodSandbox(id, now);
        return ok(ids.map((id) => `Stopped sandbox ${id}\n`).join(""));
      case "rmp":
        for (const id of ids) cd.removePodSandbox(id, now);
        return ok(ids.map((id) => `Removed sandbox ${id}\n`).join(""));
      case "version":
        return ok(
          "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  1.7.24\nRuntimeApiVersion:  v1\n",
        );
      case undefined:
        return { stdout: "", stderr: "crictl: missing command; try 'crictl --help'\n", exitCode: 1 };
      default:
        return { stdout: "", stderr: `No help topic for '${sub}'\n`, exitCode: 3 };
    }
  } catch (e) {
    if (!(e instanceof CriError)) throw e;
    const what =
      sub === "stop"
        ? `stopping the container "${ids[0]}"`
        : sub === "inspectp"
          ? "getting the pod sandbox status"
          : sub === "logs"
            ? "failed to get container"
            : `${sub} failed`;
    return fatal(`${what}: rpc error: code = NotFound desc = ${e.message}`);
  }
}
