// The kubelet's ContainerRuntime, served by one machine's containerd (the CRI socket, in effect).
import type { Container, EnvVar, Pod } from "../api/types.ts";
import { normalizeImageRef } from "../images/ref.ts";
import type { ContainerExit, ContainerRuntime, PullResult, SandboxInfo } from "../kubelet/cri.ts";
import { containerMounts, podDir } from "../kubelet/volume-mounts.ts";
import type { ContainerMount } from "../node/container-rootfs.ts";
import { CriError } from "../node/cri-types.ts";
import type { FileTree } from "../node/filesystem.ts";
import type { Machine } from "../node/machine.ts";
import type { EventLoop } from "../util/event-loop.ts";

// The kubelet resolves every variable (values, fieldRefs, $(VAR), Service links) before it asks the
// runtime to start a container, as the CRI expects: here they are only turned into a map.
// Containers started in one burst often get the same (shared, frozen) env list: its map is made once and
// shared too, frozen, as the runtime only reads it. Safe between clusters: it depends on the list alone.
let lastEnv: EnvVar[] | undefined;
let lastMap: Record<string, string> = {};

function environment(env: EnvVar[] | undefined): Record<string, string> {
  if (env !== undefined && env === lastEnv) return lastMap;
  const out: Record<string, string> = {};
  const list = env ?? [];
  for (let i = 0; i < list.length; i++) out[list[i].name] = list[i].value ?? "";
  if (env !== undefined && Object.isFrozen(env)) {
    lastEnv = env;
    lastMap = Object.freeze(out);
  }
  return out;
}

// The file names libcni loads from the CNI config directory.
const CNI_CONFIG = /\.(conf|conflist|json)$/;

/** Adapts a machine's containerd to the kubelet's runtime interface. */
export class CriAdapter implements ContainerRuntime {
  private readonly m: Machine;
  private readonly loop: EventLoop;
  private readonly exits = new Map<string, (e: ContainerExit) => void>();
  private readonly stopped = new Map<string, () => void>();
  private readonly sandboxIPs = new Map<string, string>();

  /** The node's file tree: the kubelet writes configMap, secret and projected volumes into it. */
  get nodeFs(): FileTree {
    return this.m.fs;
  }

  constructor(machine: Machine, loop: EventLoop) {
    this.m = machine;
    this.loop = loop;
    machine.containerd.onContainerExit((e) => {
      const cb = this.exits.get(e.id);
      this.exits.delete(e.id);
      const status = machine.containerd.containerStatus(e.id);
      cb?.({
        exitCode: e.exitCode,
        reason: status.reason || (e.exitCode === 0 ? "Completed" : "Error"),
        finishedAt: e.finishedAt,
      });
      const done = this.stopped.get(e.id);
      this.stopped.delete(e.id);
      done?.();
    });
  }

  networkReady(): boolean {
    // Asked on every node status update: test the directory's names in place, without listing or throwing.
    const dir = this.m.fs.find("/etc/cni/net.d");
    if (dir?.kind !== "dir") return false;
    for (const f of dir.children.keys()) if (CNI_CONFIG.test(f)) return true;
    return false;
  }

  runPodSandbox(pod: Pod): SandboxInfo | { error: string } {
    try {
      const id = this.m.containerd.runPodSandbox(
        {
          name: pod.metadata.name!,
          namespace: pod.metadata.namespace!,
          uid: pod.metadata.uid!,
          hostname: pod.spec.hostname ?? pod.metadata.name,
          labels: pod.metadata.labels,
          annotations: pod.metadata.annotations,
          hostNetwork: !!pod.spec.hostNetwork,
          shareProcessNamespace: !!pod.spec.shareProcessNamespace,
        },
        this.loop.now(),
      );
      const ip = pod.spec.hostNetwork ? this.m.ip : this.m.containerd.podSandboxIp(id);
      this.sandboxIPs.set(id, ip);
      return { id, ip };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  stopPodSandbox(id: string): void {
    try {
      if (this.m.containerd.podSandboxStatus(id).state !== "SANDBOX_READY") return;
      this.m.containerd.stopPodSandbox(id, this.loop.now());
    } catch {
      // Already gone.
    }
  }

  removePodSandbox(id: string): void {
    const now = this.loop.now();
    let uid = "";
    try {
      uid = this.m.containerd.podSandboxStatus(id).config.uid;
      // Removing a sandbox that is still ready stops it first.
      this.m.containerd.removePodSandbox(id, now);
    } catch {
      // Already gone.
    }
    this.sandboxIPs.delete(id);
    // The pod is gone for good (this runs only on deletion), so its emptyDirs go with it.
    if (uid) this.m.fs.remove(podDir(uid));
  }

  imagePresent(image: string): boolean {
    return this.m.containerd.images.resolve(image) !== undefined;
  }

  pullImage(image: string, done: (r: PullResult) => void): void {
    const start = this.loop.now();
    this.m.containerd.pullImage(image, (err) => {
      if (err) return done({ ok: false, error: err });
      const img = this.m.containerd.images.resolve(image)!;
      done({
        ok: true,
        sizeBytes: img.sizeBytes,
        digest: img.repoDigests[0] ?? "",
        durationMs: this.loop.now() - start,
      });
    });
  }

  startContainer(
    sandboxId: string,
    pod: Pod,
    c: Container,
    onExit: (e: ContainerExit) => void,
  ): { id: string } | { error: string } {
    const now = this.loop.now();
    try {
      const id = this.m.containerd.createContainer(
        sandboxId,
        {
          name: c.name,
          image: c.image ?? "",
          command: c.command,
          args: c.args,
          env: environment(c.env),
          mounts: this.prepareMounts(pod, c),
          stdin: c.stdin === true,
          ...(c.workingDir ? { workingDir: c.workingDir } : {}),
          labels: {
            "io.kubernetes.container.name": c.name,
            "io.kubernetes.pod.name": pod.metadata.name!,
            "io.kubernetes.pod.namespace": pod.metadata.namespace!,
            "io.kubernetes.pod.uid": pod.metadata.uid!,
          },
        },
        now,
      );
      this.exits.set(id, onExit);
      this.m.containerd.startContainer(id, now);
      return { id };
    } catch (err) {
      const msg = err instanceof CriError || err instanceof Error ? err.message : String(err);
      return { error: msg };
    }
  }

  // The kubelet's volume setup: create what the container's mounts need on the node, then name them.
  private prepareMounts(pod: Pod, c: Container): ContainerMount[] {
    const { mounts, prepare } = containerMounts(pod, c);
    const now = this.loop.now();
    for (const p of prepare) {
      if (this.m.fs.exists(p.path)) continue;
      const parent = p.path.slice(0, p.path.lastIndexOf("/")) || "/";
      if (p.kind === "dir") {
        this.m.fs.mkdirp(p.path, now);
        if (p.mode !== undefined) this.m.fs.lookup(p.path).mode = p.mode;
      } else {
        this.m.fs.mkdirp(parent, now);
        this.m.fs.writeFile(p.path, "", now);
      }
    }
    // An exact-size copy: the container's config keeps the list, which was grown by push (room for 17).
    return mounts.slice();
  }

  stopContainer(id: string, graceSeconds: number, done: () => void): void {
    let running = false;
    try {
      running = this.m.containerd.containerStatus(id).state === "CONTAINER_RUNNING";
    } catch {
      running = false;
    }
    if (!running) {
      done();
      return;
    }
    this.stopped.set(id, done);
    this.m.containerd.stopContainer(id, graceSeconds, this.loop.now());
  }

  probeTCP(sandboxId: string, port: number): boolean {
    try {
      const net = this.m.containerd.sandboxNamespaces(sandboxId).net;
      return !!this.m.sockets.lookup(net, "tcp", port);
    } catch {
      return false;
    }
  }

  imageID(image: string): string {
    return this.m.containerd.images.resolve(image)?.repoDigests[0] ?? "";
  }

  imageRef(image: string): string {
    return normalizeImageRef(image);
  }
}
