// The records containerd keeps per sandbox and container.
import type { ContainerRuntimeState } from "./container-context.ts";
import type { ContainerConfig, ContainerStatus, PodSandboxConfig, SandboxState } from "./cri-types.ts";
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
