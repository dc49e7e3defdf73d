// The records containerd keeps per sandbox and container, and how their status reads and changes.
import type { ContainerRuntimeState } from "./container-context.ts";
import type {
  ContainerConfig,
  ContainerExitEvent,
  ContainerStatus,
  PodSandboxConfig,
  PodSandboxStatus,
  SandboxState,
} from "./cri-types.ts";
import type { FileTree } from "./filesystem.ts";
import type { NsSet } from "./namespaces.ts";

/** containerd's record of one pod sandbox. */
export interface Sandbox {
  id: string;
  config: PodSandboxConfig;
  state: SandboxState;
  createdAt: number;
  shimPid: number;
  pausePid: number;
  ns: NsSet;
  ip: string;
  netnsName: string;
  cgroupParent: string;
  logs: ContainerRuntimeState;
}

/** containerd's record of one container. */
export interface Container {
  status: ContainerStatus;
  config: ContainerConfig;
  run: ContainerRuntimeState;
  /** The container's writable root; a restart is a new container with a fresh one. */
  rootfs: FileTree;
}

/** A sandbox's CRI status (no IP for host-network sandboxes). */
export function sandboxStatus(s: Sandbox): PodSandboxStatus {
  return {
    id: s.id,
    config: { ...s.config },
    state: s.state,
    createdAt: s.createdAt,
    ip: s.config.hostNetwork ? "" : s.ip,
    netnsPath: s.netnsName ? `/var/run/netns/${s.netnsName}` : "",
    pid: s.pausePid,
  };
}

/** Record that a container's main process ended with `code`: its timers stop; returns the exit event. */
export function markContainerExited(c: Container, code: number, now: number): ContainerExitEvent {
  c.run.exited = true;
  for (const cancel of c.run.cancels.splice(0)) cancel();
  Object.assign(c.status, {
    state: "CONTAINER_EXITED",
    exitCode: code,
    finishedAt: now,
    reason: code === 0 ? "Completed" : "Error",
  });
  return { id: c.status.id, podSandboxId: c.status.podSandboxId, exitCode: code, finishedAt: now };
}

const HEX_CODES = [..."0123456789abcdef"].map((c) => c.charCodeAt(0));

/** A random lowercase hex ID of `n` digits (containerd's sandbox and container IDs). */
export function randomHex(randomInt: (n: number) => number, n: number): string {
  // Built as one flat string: appending a character at a time keeps a rope of n pieces alive per ID.
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = HEX_CODES[randomInt(16)];
  return String.fromCharCode(...codes);
}
