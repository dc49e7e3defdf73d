// The CRI-shaped types containerd exposes to the kubelet (a trimmed runtime.v1 API).
import type { ImageTools } from "../images/tools.ts";
import type { ImageContext } from "../images/types.ts";
import type { ContainerMount } from "./container-rootfs.ts";
import type { FileTree } from "./filesystem.ts";
import type { ProcessTable } from "./processes.ts";

/** A CRI call failed; the message is what containerd returns over gRPC. */
export class CriError extends Error {}

/** PodSandboxConfig, trimmed. */
export interface PodSandboxConfig {
  name: string;
  namespace: string;
  uid: string;
  attempt?: number;
  hostname?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  hostNetwork?: boolean;
  hostIPC?: boolean;
  hostPID?: boolean;
  shareProcessNamespace?: boolean;
  /** The pod's cgroup slice; defaults to a BestEffort slice named after the uid. */
  cgroupParent?: string;
}

/** ContainerConfig, trimmed. */
export interface ContainerConfig {
  name: string;
  attempt?: number;
  image: string;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Bind mounts (emptyDir and hostPath volumes): node directories shown inside the container. */
  mounts?: ContainerMount[];
  /** Keep the main process's stdin open (the pod spec's stdin, for `kubectl run -i` and attach). */
  stdin?: boolean;
  /** The container's working directory (the pod spec's workingDir), over the image's WorkingDir. */
  workingDir?: string;
}

/** CRI container states. */
export type ContainerState = "CONTAINER_CREATED" | "CONTAINER_RUNNING" | "CONTAINER_EXITED";

/** CRI sandbox states. */
export type SandboxState = "SANDBOX_READY" | "SANDBOX_NOTREADY";

/** ContainerStatus, trimmed; times are ms since epoch, 0 when unset. */
export interface ContainerStatus {
  id: string;
  podSandboxId: string;
  name: string;
  attempt: number;
  state: ContainerState;
  image: string;
  imageRef: string;
  imageId: string;
  createdAt: number;
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  reason: string;
  message: string;
  pid: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** PodSandboxStatus, trimmed. */
export interface PodSandboxStatus {
  id: string;
  config: PodSandboxConfig;
  state: SandboxState;
  createdAt: number;
  ip: string;
  netnsPath: string;
  pid: number;
}

/** An exit the kubelet can observe (containerd's TaskExit event). */
export interface ContainerExitEvent {
  id: string;
  podSandboxId: string;
  exitCode: number;
  finishedAt: number;
}

/** One line of a container log (CRI log format: time, stream, text). */
export interface LogLine {
  time: number;
  stream: "stdout" | "stderr";
  text: string;
}

/** What a network plugin needs to attach a sandbox. */
export interface NetworkRequest {
  sandboxId: string;
  podName: string;
  podNamespace: string;
  netnsName: string;
  netnsPath: string;
}

/** The CNI hook: attach or detach a sandbox's network namespace. */
export interface NetworkHook {
  setup(req: NetworkRequest): { ip: string } | { error: string };
  teardown(sandboxId: string): void;
}

/** What a daemon hook learns about the container its daemon runs in. */
export interface DaemonHookInfo {
  pid: number;
  /** The container's CRI labels (`io.kubernetes.pod.name`, ...). */
  labels: Record<string, string>;
  /** The sandbox's pod IP (the node IP for host-network pods) and net namespace inode. */
  podIp: string;
  net: number;
}

/** Node-side behaviour of a daemon (kube-proxy syncing rules, flanneld, CoreDNS); returns its cleanup. */
export type DaemonHook = (ctx: ImageContext, info: DaemonHookInfo) => (() => void) | undefined;

/** Everything `exec` needs to run a command inside a running container. */
export interface ExecTarget {
  containerId: string;
  /** The image's own executables that answer without a daemon (`nginx -v`). */
  tools?: ImageTools;
  state: ContainerState;
  binaries: readonly string[];
  env: Record<string, string>;
  hostname: string;
  podIp: string;
  net: number;
  hostNetwork: boolean;
  podNamespace: string;
  labels: Record<string, string>;
  /** The container's main pid on the node. */
  pid: number;
  /** The container's own root filesystem (its mount namespace's view). */
  rootfs: FileTree;
  /** The node's process table, for ps and /proc inside the container. */
  processes: ProcessTable;
  /** The shim that parents exec'd processes. */
  shimPid: number;
  /** The image's WorkingDir, where exec'd processes start; `/` when absent. */
  workingDir?: string;
  /** The image's busybox release (`1.28.4`), when it says; applets print per version. */
  busyboxVersion?: string;
}
