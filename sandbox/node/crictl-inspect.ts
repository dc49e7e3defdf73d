// `crictl inspectp` and `crictl inspect` JSON, trimmed to the fields lessons use.
import type { Containerd } from "./containerd.ts";
import { rfc3339Nano } from "./go-format.ts";

const nanos = (ms: number) => `${rfc3339Nano(ms).slice(0, 19)}.${String(ms % 1000).padStart(3, "0")}000000Z`;

/** Render `crictl inspectp <id>`: status (with network.ip) and info (with the netns path in the runtime spec). */
export function inspectPodJson(cd: Containerd, id: string): string {
  const s = cd.podSandboxStatus(id);
  const c = s.config;
  const namespaces: Array<Record<string, string>> = [
    { type: "pid" },
    { type: "ipc" },
    { type: "uts" },
    { type: "mount" },
    { type: "network", ...(s.netnsPath ? { path: s.netnsPath } : {}) },
    { type: "cgroup" },
  ].filter((n) => !(c.hostNetwork && (n.type === "network" || n.type === "uts")));
  const doc = {
    status: {
      id: s.id,
      metadata: { attempt: c.attempt ?? 0, name: c.name, namespace: c.namespace, uid: c.uid },
      state: s.state,
      createdAt: nanos(s.createdAt),
      network: { additionalIps: [], ip: s.ip },
      linux: {
        namespaces: {
          options: {
            ipc: c.hostIPC ? "NODE" : "POD",
            network: c.hostNetwork ? "NODE" : "POD",
            pid: c.hostPID ? "NODE" : c.shareProcessNamespace ? "POD" : "CONTAINER",
            targetId: "",
            userNsParams: null,
          },
        },
      },
      labels: c.labels ?? {},
      annotations: c.annotations ?? {},
      runtimeHandler: "",
    },
    info: {
      pid: s.pid,
      processStatus: s.state === "SANDBOX_READY" ? "running" : "deleted",
      netNamespaceClosed: s.state !== "SANDBOX_READY",
      image: "registry.k8s.io/pause:3.10",
      snapshotter: "overlayfs",
      runtimeHandler: "",
      runtimeType: "io.containerd.runc.v2",
      runtimeOptions: { systemd_cgroup: true },
      runtimeSpec: {
        ociVersion: "1.1.0",
        process: { user: { uid: 65535, gid: 65535 }, args: ["/pause"], cwd: "/" },
        hostname: c.hostNetwork ? undefined : (c.hostname ?? c.name),
        linux: { namespaces },
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Render `crictl inspect <id>` for a container. */
export function inspectContainerJson(cd: Containerd, id: string): string {
  const s = cd.containerStatus(id);
  const doc = {
    status: {
      id: s.id,
      metadata: { attempt: s.attempt, name: s.name },
      state: s.state,
      createdAt: nanos(s.createdAt),
      startedAt: s.startedAt ? nanos(s.startedAt) : "1970-01-01T00:00:00Z",
      finishedAt: s.finishedAt ? nanos(s.finishedAt) : "1970-01-01T00:00:00Z",
      exitCode: s.exitCode,
      image: { annotations: {}, image: s.image, runtimeHandler: "", userSpecifiedImage: "" },
      imageRef: s.imageRef,
      reason: s.reason,
      message: s.message,
      labels: s.labels,
      annotations: s.annotations,
      imageId: s.imageId,
    },
    info: {
      sandboxID: s.podSandboxId,
      pid: s.state === "CONTAINER_RUNNING" ? s.pid : 0,
      snapshotter: "overlayfs",
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
