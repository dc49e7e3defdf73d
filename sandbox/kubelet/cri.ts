// The Container Runtime Interface as the kubelet sees it: the only door from the kubelet to containerd.
import type { Container, Pod } from "../api/types.ts";
import type { FileTree } from "../node/filesystem.ts";

/** The outcome of an image pull. */
export type PullResult =
  | { ok: true; sizeBytes: number; digest: string; durationMs: number }
  | { ok: false; error: string };

/** How a container process ended. */
export interface ContainerExit {
  exitCode: number;
  /** `Completed`, `Error`, `OOMKilled`... as the runtime reports it. */
  reason: string;
  finishedAt: number;
}

/** A started pod sandbox. */
export interface SandboxInfo {
  id: string;
  ip?: string;
}

/** What the kubelet asks of the container runtime. */
export interface ContainerRuntime {
  /** The node's filesystem, which the kubelet shares with the runtime; it writes pod volumes there. */
  readonly nodeFs?: FileTree;
  /** Whether the runtime's network (CNI) is ready; false until a CNI config exists. */
  networkReady(): boolean;
  /** Create the pause container and, unless hostNetwork, the pod's network namespace and IP. */
  runPodSandbox(pod: Pod): SandboxInfo | { error: string };
  /** Stop a sandbox: kill the pause container and tear down its network (StopPodSandbox). */
  stopPodSandbox(id: string): void;
  /** Stop and remove a sandbox and everything in it. */
  removePodSandbox(id: string): void;
  /** Whether an image is already on the node. */
  imagePresent(image: string): boolean;
  /** Pull an image; `done` runs later in virtual time. */
  pullImage(image: string, done: (r: PullResult) => void): void;
  /** Create and start a container in a sandbox; `onExit` runs when its main process ends. */
  startContainer(
    sandboxId: string,
    pod: Pod,
    container: Container,
    onExit: (e: ContainerExit) => void,
  ): { id: string } | { error: string };
  /** Stop a container with SIGTERM, then SIGKILL after `graceSeconds`; `done` runs once it is gone. */
  stopContainer(id: string, graceSeconds: number, done: () => void): void;
  /** Whether something in the sandbox accepts connections on a TCP port (readiness probes). */
  probeTCP(sandboxId: string, port: number): boolean;
  /** The image's ID as the runtime reports it (`docker.io/library/nginx@sha256:...`). */
  imageID(image: string): string;
  /** The normalized reference (`docker.io/library/nginx:latest`). */
  imageRef(image: string): string;
}
