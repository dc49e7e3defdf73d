// What a pod sandbox runs on the node: one containerd-shim-runc-v2 for the pod, and the pause process
// holding the pod's namespaces, in the pod's cgroup.
import type { ImageProgram } from "../images/types.ts";
import { flatJoin } from "../util/flat-string.ts";
import { type ContainerRuntimeState, createContainerContext } from "./container-context.ts";
import type { Schedule } from "./containerd-images.ts";
import type { PodSandboxConfig } from "./cri-types.ts";
import { LogBuffer } from "./log-buffer.ts";
import type { NsSet } from "./namespaces.ts";
import type { ProcessTable } from "./processes.ts";
import type { SocketTable } from "./sockets.ts";

const SOCK = "/run/containerd/containerd.sock";

/** The node's process and socket tables, and its timer. */
export interface ShimHost {
  processes: ProcessTable;
  sockets: SocketTable;
  schedule: Schedule;
}

/** The sandbox's shim and pause process as started. */
export interface StartedSandbox {
  shimPid: number;
  pausePid: number;
  cgroupParent: string;
  logs: ContainerRuntimeState;
}

/** Name a container's cgroup under its pod's (runc's systemd driver: `<parent>/cri-containerd-<id>.scope`). */
export function containerCgroup(cgroupParent: string, id: string): string {
  // A rope: its pieces (the pod's cgroup and the id) are kept by the sandbox and container records anyway,
  // so three rope nodes cost less than a flat copy of the ~170 characters per container.
  return cgroupParent + "/cri-containerd-" + id + ".scope";
}

/** Start the shim for sandbox `id` and, under it, the pause image's process in namespaces `ns`. */
export function startShimAndPause(
  host: ShimHost,
  pause: ImageProgram,
  config: PodSandboxConfig,
  id: string,
  ns: NsSet,
  ip: string,
  now: number,
): StartedSandbox {
  const shim = host.processes.spawn({
    argv: ["/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", id, "-address", SOCK],
    ppid: 1,
    now,
    cgroup: "/system.slice/containerd.service",
    threads: 12,
    rssKb: 12800,
    vszKb: 1_238_000,
  });
  const cgroupParent =
    config.cgroupParent ??
    flatJoin([
      "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod",
      config.uid.replace(/-/g, "_"),
      ".slice",
    ]);
  const logs: ContainerRuntimeState = { mainPid: 0, logs: new LogBuffer(), cancels: [], exited: false };
  const ctx = createContainerContext({
    processes: host.processes,
    sockets: host.sockets,
    schedule: host.schedule,
    program: pause,
    argv: ["/pause"],
    env: {},
    hostname: config.hostname ?? config.name,
    podIp: ip,
    ns,
    shimPid: shim.pid,
    cgroup: containerCgroup(cgroupParent, id),
    now,
    state: logs,
  });
  pause.start(ctx);
  return { shimPid: shim.pid, pausePid: logs.mainPid, cgroupParent, logs };
}
