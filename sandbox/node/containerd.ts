// containerd 1.7 with its CRI plugin: sandboxes (shim + pause), containers, exits, logs.
import type { ImageCatalog } from "../images/catalog.ts";
import { normalizeImageRef } from "../images/ref.ts";
import {
  containerFreshNamespaces,
  resolveArgv,
  runtimeEnv,
  sandboxFreshNamespaces,
  startError,
} from "./container-command.ts";
import { createContainerContext } from "./container-context.ts";
import { type ExecHook, runInContainer } from "./container-exec.ts";
import { createRootfs } from "./container-rootfs.ts";
import { containerHostname, execTargetOf } from "./containerd-exec-target.ts";
import { ImageStore, type Schedule } from "./containerd-images.ts";
import {
  type Container,
  markContainerExited,
  randomHex,
  type Sandbox,
  sandboxStatus,
} from "./containerd-records.ts";
import { containerCgroup, startShimAndPause } from "./containerd-shim.ts";
import {
  type ContainerConfig,
  type ContainerExitEvent,
  type ContainerStatus,
  CriError,
  type DaemonHook,
  type ExecTarget,
  type LogLine,
  type NetworkHook,
  type PodSandboxConfig,
  type PodSandboxStatus,
} from "./cri-types.ts";
import type { FileTree } from "./filesystem.ts";
import { LogBuffer } from "./log-buffer.ts";
import { type NamespaceRegistry, NsSet } from "./namespaces.ts";
import type { NetnsNames } from "./netns.ts";
import { type ExitInfo, type ProcessTable, SIG } from "./processes.ts";
import { attachSandboxNetwork } from "./sandbox-network.ts";
import type { SocketTable } from "./sockets.ts";

/** Config for {@link Containerd}. */
export interface ContainerdConfig {
  processes: ProcessTable;
  namespaces: NamespaceRegistry;
  netns: NetnsNames;
  sockets: SocketTable;
  catalog: ImageCatalog;
  schedule: Schedule;
  /** Uniform random numbers in [0, 1), seeded by the caller. */
  random: () => number;
  /** An integer in [0, n) from the same stream (Math.floor(random() * n)): draws no float to box. */
  randomInt?: (n: number) => number;
  hostname: string;
  hostIp: string;
  pauseImage: string;
  network: NetworkHook;
  /** The node's file tree, where bind mounts' host directories live. */
  fs?: FileTree;
}

/** Model containerd's CRI service for one node. */
export class Containerd {
  readonly images: ImageStore;
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly containers = new Map<string, Container>();
  private readonly exitListeners = new Set<(e: ContainerExitEvent) => void>();
  private network: NetworkHook;
  private readonly daemonHooks = new Map<string, DaemonHook>();
  private execHook: ExecHook | undefined;
  private readonly c: ContainerdConfig;
  private readonly randomInt: (n: number) => number;

  constructor(config: ContainerdConfig) {
    for (const key of [
      "processes",
      "namespaces",
      "netns",
      "sockets",
      "catalog",
      "schedule",
      "random",
      "network",
    ] as const) {
      if (!config?.[key]) throw new Error(`Containerd: config.${key} is required`);
    }
    if (!config.hostname || !config.hostIp)
      throw new Error("Containerd: config.hostname and config.hostIp are required");
    this.c = config;
    const random = config.random;
    this.randomInt = config.randomInt ?? ((n) => Math.floor(random() * n));
    this.network = config.network;
    this.images = new ImageStore(config.catalog, config.schedule);
    config.processes.onExit((info) => this.onProcessExit(info));
  }

  /** Replace the CNI hook (the CNI model installs its own). */
  setNetworkHook(hook: NetworkHook): void {
    this.network = hook;
  }

  /** Give a daemon (by executable name) its node-side behaviour. */
  setDaemonHook(daemon: string, hook: DaemonHook): void {
    this.daemonHooks.set(daemon, hook);
  }

  /** Give containers' own shells what `kubectl exec` gets: the kubelet's files and the network tools. */
  setExecHook(hook: ExecHook): void {
    this.execHook = hook;
  }

  /** Describe a container for exec; throws containerd's not-found error. */
  execTarget(id: string): ExecTarget {
    const c = this.container(id);
    const s = this.sandbox(c.status.podSandboxId);
    const img = this.images.resolve(c.status.imageId);
    return execTargetOf(c, s, img?.program, this.c.hostname, this.c.processes);
  }

  /** Listen for container exits; returns an unsubscribe function. */
  onContainerExit(cb: (e: ContainerExitEvent) => void): () => void {
    this.exitListeners.add(cb);
    return () => this.exitListeners.delete(cb);
  }

  /** Pull an image; cb gets containerd's error text or the image ID. */
  pullImage(ref: string, cb: (err: string | null, imageId: string) => void): () => void {
    return this.images.pull(ref, cb);
  }

  /** Create and start a pod sandbox: a shim, a pause process and the pod's namespaces. */
  runPodSandbox(config: PodSandboxConfig, now: number): string {
    if (!config?.name || !config.namespace || !config.uid)
      throw new CriError("sandbox config must have name, namespace and uid");
    const pause = this.images.resolve(this.c.pauseImage) ?? this.images.preload(this.c.pauseImage);
    const id = randomHex(this.randomInt, 64);
    const host = this.c.namespaces.initial;
    const ns = this.c.namespaces.derive(host, sandboxFreshNamespaces(config));
    let netnsName = "";
    let ip = this.c.hostIp;
    if (!config.hostNetwork) {
      const deps = { namespaces: this.c.namespaces, netns: this.c.netns, hook: this.network };
      const attached = attachSandboxNetwork(deps, id, config, randomHex(this.randomInt, 32));
      ns.net = attached.net;
      netnsName = attached.netnsName;
      ip = attached.ip;
    }
    const { shimPid, pausePid, cgroupParent, logs } = startShimAndPause(
      this.c,
      pause.program,
      config,
      id,
      ns,
      ip,
      now,
    );
    this.sandboxes.set(id, {
      id,
      config: { ...config },
      state: "SANDBOX_READY",
      createdAt: now,
      shimPid,
      pausePid,
      ns,
      ip,
      netnsName,
      cgroupParent,
      logs,
    });
    return id;
  }

  private sandbox(id: string): Sandbox {
    const s =
      this.sandboxes.get(id) ??
      [...this.sandboxes.values()].find((x) => id.length >= 4 && x.id.startsWith(id));
    if (!s) throw new CriError(`an error occurred when try to find sandbox: not found`);
    return s;
  }

  /** Stop a sandbox: kill its containers and pause, detach its network. */
  stopPodSandbox(id: string, now: number): void {
    const s = this.sandbox(id);
    for (const c of this.containers.values()) {
      if (c.status.podSandboxId === s.id && c.status.state === "CONTAINER_RUNNING")
        this.c.processes.signal(c.status.pid, SIG.KILL, now);
    }
    if (s.state === "SANDBOX_READY") {
      s.state = "SANDBOX_NOTREADY";
      this.c.processes.signal(s.pausePid, SIG.KILL, now);
      this.c.processes.exit(s.shimPid, 0, now);
    }
    if (s.netnsName) {
      this.network.teardown(s.id);
      this.c.netns.remove(s.netnsName);
    }
  }

  /** Remove a stopped sandbox and its containers. */
  removePodSandbox(id: string, now: number): void {
    const s = this.sandbox(id);
    if (s.state === "SANDBOX_READY") this.stopPodSandbox(s.id, now);
    for (const [cid, c] of this.containers) if (c.status.podSandboxId === s.id) this.containers.delete(cid);
    this.sandboxes.delete(s.id);
  }

  /** Create a container in a sandbox from a local image. */
  createContainer(sandboxId: string, config: ContainerConfig, now: number): string {
    const s = this.sandbox(sandboxId);
    if (s.state !== "SANDBOX_READY") throw new CriError(`sandbox container "${s.id}" is not running`);
    const img = this.images.resolve(config.image);
    if (!img)
      throw new CriError(
        `failed to get image "${normalizeImageRef(config.image)}": image "${normalizeImageRef(config.image)}" not found`,
      );
    const id = randomHex(this.randomInt, 64);
    this.containers.set(id, {
      config: { ...config },
      run: { mainPid: 0, logs: new LogBuffer(), cancels: [], exited: false },
      rootfs: createRootfs(now, config.mounts ?? [], this.c.fs, img.program.files),
      status: {
        id,
        podSandboxId: s.id,
        name: config.name,
        attempt: config.attempt ?? 0,
        state: "CONTAINER_CREATED",
        image: normalizeImageRef(config.image),
        imageRef: img.repoDigests[0],
        imageId: img.id,
        createdAt: now,
        startedAt: 0,
        finishedAt: 0,
        exitCode: 0,
        reason: "",
        message: "",
        pid: 0,
        labels: config.labels ?? {}, // the request's maps, as the config keeps them: never changed
        annotations: config.annotations ?? {},
      },
    });
    return id;
  }

  private container(id: string): Container {
    const c =
      this.containers.get(id) ??
      [...this.containers.values()].find((x) => id.length >= 4 && x.status.id.startsWith(id));
    if (!c) throw new CriError(`an error occurred when try to find container "${id}": not found`);
    return c;
  }

  /** Start a created container: resolve its command line and run the image program. */
  startContainer(id: string, now: number): void {
    const c = this.container(id);
    if (c.status.state !== "CONTAINER_CREATED")
      throw new CriError(`container ${c.status.id} is not in created state`);
    const s = this.sandbox(c.status.podSandboxId);
    const img = this.images.resolve(c.status.imageId)!;
    const program = img.program;
    const argv = resolveArgv(program, c.config);
    const msg = startError(program, argv);
    if (msg) {
      Object.assign(c.status, {
        state: "CONTAINER_EXITED",
        exitCode: 128,
        reason: "StartError",
        message: msg,
        startedAt: 0,
        finishedAt: now,
      });
      throw new CriError(msg);
    }
    const ns = this.c.namespaces.derive(s.ns, containerFreshNamespaces(s.config));
    c.status.state = "CONTAINER_RUNNING";
    c.status.startedAt = now;
    const ctx = createContainerContext({
      processes: this.c.processes,
      sockets: this.c.sockets,
      schedule: this.c.schedule,
      program,
      argv,
      env: runtimeEnv(program, c.config),
      hostname: containerHostname(s, this.c.hostname),
      podIp: s.ip,
      stdinOpen: c.config.stdin === true,
      ns,
      shimPid: s.shimPid,
      cgroup: containerCgroup(s.cgroupParent, c.status.id),
      now,
      state: c.run,
      rootfs: c.rootfs,
      runScript: (sh, script, at, cwd) => {
        const t = this.execTarget(c.status.id);
        return runInContainer(t, [sh, "-c", script], "", { now: at, cwd, ...this.execHook?.(t, at) });
      },
      attach: (daemon, ictx, pid) =>
        this.daemonHooks.get(daemon)?.(ictx, {
          pid,
          labels: { ...(c.config.labels ?? {}) },
          podIp: s.ip,
          net: s.ns.net,
        }),
    });
    program.start(ctx);
    c.run.logs.compact();
    c.status.pid = c.run.mainPid;
    if (c.status.state === "CONTAINER_RUNNING" && c.run.mainPid <= 0) this.markExited(c, 0, now);
  }

  /** Stop a running container: SIGTERM, then SIGKILL after the timeout (at once for 0). */
  stopContainer(id: string, timeoutSec: number, now: number): void {
    const c = this.container(id);
    if (c.status.state !== "CONTAINER_RUNNING") return;
    const pid = c.run.mainPid;
    if (timeoutSec <= 0) {
      this.c.processes.signal(pid, SIG.KILL, now);
      return;
    }
    this.c.processes.signal(pid, SIG.TERM, now);
    if (c.status.state === "CONTAINER_RUNNING") {
      this.c.schedule(timeoutSec * 1000, () => {
        if (c.status.state === "CONTAINER_RUNNING" && c.run.mainPid === pid)
          this.c.processes.signal(pid, SIG.KILL, now + timeoutSec * 1000);
      });
    }
  }

  /** Remove a container that is not running. */
  removeContainer(id: string): void {
    const c = this.container(id);
    if (c.status.state === "CONTAINER_RUNNING") {
      throw new CriError(`failed to remove container "${c.status.id}": container is in running state`);
    }
    this.containers.delete(c.status.id);
  }

  /** List containers, newest first; optionally only one sandbox's or one state's. */
  listContainers(
    filter: { podSandboxId?: string; state?: ContainerStatus["state"] } = {},
  ): ContainerStatus[] {
    return [...this.containers.values()]
      .map((c) => ({ ...c.status }))
      .filter(
        (s) =>
          (!filter.podSandboxId || s.podSandboxId === filter.podSandboxId) &&
          (!filter.state || s.state === filter.state),
      )
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Report one container's status. */
  containerStatus(id: string): ContainerStatus {
    return { ...this.container(id).status };
  }

  /** Return a container's log lines (a fresh copy). */
  containerLogs(id: string): LogLine[] {
    return this.container(id).run.logs.lines();
  }

  /** List sandboxes, newest first. */
  listPodSandboxes(): PodSandboxStatus[] {
    return [...this.sandboxes.values()]
      .map((s) => sandboxStatus(s))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Report one sandbox's status. */
  podSandboxStatus(id: string): PodSandboxStatus {
    return sandboxStatus(this.sandbox(id));
  }

  /** A sandbox's pod IP as its status reports it (empty for host-network sandboxes), without the status. */
  podSandboxIp(id: string): string {
    const s = this.sandbox(id);
    return s.config.hostNetwork ? "" : s.ip;
  }

  /** The namespaces of a sandbox's pause process (for nsenter and the CNI model). */
  sandboxNamespaces(id: string): NsSet {
    return new NsSet(this.sandbox(id).ns);
  }

  private markExited(c: Container, code: number, now: number): void {
    const event = markContainerExited(c, code, now);
    for (const l of [...this.exitListeners]) l(event);
  }

  private onProcessExit(info: ExitInfo): void {
    for (const c of this.containers.values()) {
      if (c.status.state === "CONTAINER_RUNNING" && c.run.mainPid === info.pid) {
        this.markExited(c, info.code, info.atMs);
        return;
      }
    }
    for (const s of this.sandboxes.values()) {
      if (s.pausePid === info.pid && s.state === "SANDBOX_READY") {
        // A dead pause process leaves the sandbox NotReady; the kubelet will recreate the pod sandbox.
        s.state = "SANDBOX_NOTREADY";
        s.logs.exited = true;
      }
    }
  }
}
