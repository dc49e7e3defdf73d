// One pod's lifecycle on a node: sandbox, image pulls, init containers, app containers, restarts with
// back-off, readiness, and graceful termination. Every step is driven by `sync`, which is idempotent.
import type { Container, Pod, Service } from "../api/types.ts";
import type { EventRecorder } from "../client/events.ts";
import type { EventLoop } from "../util/event-loop.ts";
import { containerEnv, expandCommand } from "./container-env.ts";
import type { ContainerExit, ContainerRuntime } from "./cri.ts";
import { type ContainerRecord, newContainer, type PodRecord } from "./pod-state.ts";
import type { ProbeTransport } from "./probe-transport.ts";
import { startProbeWorkers } from "./probe-worker.ts";

/** Container restart back-off: 10 s doubling to 5 min, reset after 10 min of clean running. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_MS = 600_000;
/** Virtual time from admitting a pod to its sandbox being ready. */
export const SANDBOX_SETUP_MS = 1000;

/** What a pod worker needs from its kubelet. */
export interface PodWorkerHost {
  loop: EventLoop;
  runtime: ContainerRuntime;
  recorder: EventRecorder;
  /** Ask for `sync` of this pod again (after something changed). */
  resync(rec: PodRecord): void;
  /** Report that the pod is gone from the node; the kubelet deletes the API object. */
  finished(rec: PodRecord): void;
  log(line: string): void;
  /** The node's address (status.hostIP). */
  nodeIP: string;
  /** The Services a container in `namespace` may see right now (its namespace's and default's). */
  services(namespace: string): Service[];
  /** How HTTP, TCP and exec probes reach the pod, when the node's network is modelled. */
  probes(): ProbeTransport | undefined;
  /** Whether the kubelet is running; a stopped kubelet probes nothing. */
  active(): boolean;
  /** Mount the pod's volumes (WaitForAttachAndMount); true once they are all in place. */
  volumes?(rec: PodRecord): boolean;
}

/** Format a virtual duration as Go prints time.Duration (`1.234s`, `523ms`). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
  return `${s}s`;
}

function spec(rec: PodRecord, c: ContainerRecord): Container {
  const list = c.init ? (rec.pod.spec.initContainers ?? []) : rec.pod.spec.containers;
  return list.find((x) => x.name === c.name)!;
}

function fieldPath(_rec: PodRecord, c: ContainerRecord): string {
  const list = c.init ? "initContainers" : "containers";
  return `spec.${list}{${c.name}}`;
}

function shouldRestart(pod: Pod, exitCode: number): boolean {
  const p = pod.spec.restartPolicy ?? "Always";
  return p === "Always" || (p === "OnFailure" && exitCode !== 0);
}

// A container killed for failing its liveness probe restarts unless the policy is Never, whatever its exit code.
function restartWanted(rec: PodRecord, c: ContainerRecord): boolean {
  if (c.livenessKilled) return (rec.pod.spec.restartPolicy ?? "Always") !== "Never";
  return shouldRestart(rec.pod, c.exitCode!);
}

/** Build the record for a pod the kubelet has just admitted. */
export function admit(pod: Pod, key: string, now: number): PodRecord {
  return {
    uid: pod.metadata.uid!,
    key,
    pod,
    admittedAt: now,
    containers: pod.spec.containers.map((c) => newContainer(c, false)),
    inits: (pod.spec.initContainers ?? []).map((c) => newContainer(c, true)),
    killing: false,
  };
}

/** Advance a pod as far as it can go right now. */
export function sync(host: PodWorkerHost, rec: PodRecord): void {
  if (rec.pod.metadata.deletionTimestamp) {
    kill(host, rec);
    return;
  }
  if (rec.terminal || rec.killing) return;
  if (!rec.sandboxId) {
    // SyncPod waits for the pod's volumes before it asks the runtime for a sandbox.
    if (host.volumes && !host.volumes(rec)) return;
    // Creating the pause container and wiring the network takes the runtime about a second.
    if (rec.sandboxDueAt === undefined) {
      rec.sandboxDueAt = host.loop.now() + SANDBOX_SETUP_MS;
      host.loop.schedule(SANDBOX_SETUP_MS, () => host.resync(rec));
      return;
    }
    if (host.loop.now() < rec.sandboxDueAt) return;
    if (!createSandbox(host, rec)) return;
  }
  startProbeWorkers(host, rec, (r, c) => killForLiveness(host, r, c));
  for (const c of rec.inits) {
    if (c.state === "terminated" && c.exitCode === 0) continue;
    step(host, rec, c);
    return;
  }
  if (rec.inits.length && rec.initializedAt === undefined) rec.initializedAt = host.loop.now();
  // Containers start in spec order: a container's image pull holds back the ones after it, as in SyncPod.
  for (const c of rec.containers) {
    step(host, rec, c);
    if (c.busy) break;
  }
  const allReady = rec.containers.length > 0 && rec.containers.every((c) => c.ready);
  if (allReady !== rec.wasReady) {
    rec.wasReady = allReady;
    rec.readyAt = host.loop.now();
  }
  const policy = rec.pod.spec.restartPolicy ?? "Always";
  if (
    policy !== "Always" &&
    rec.containers.every((c) => c.state === "terminated" && !restartWanted(rec, c))
  ) {
    rec.terminal = rec.containers.every((c) => c.exitCode === 0) ? "Succeeded" : "Failed";
    for (const c of rec.containers) c.ready = false;
  }
}

function createSandbox(host: PodWorkerHost, rec: PodRecord): boolean {
  const pod = rec.pod;
  if (!pod.spec.hostNetwork && !host.runtime.networkReady()) {
    host.recorder.record(
      pod,
      "Warning",
      "NetworkNotReady",
      "network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
    );
    return false;
  }
  const res = host.runtime.runPodSandbox(pod);
  if ("error" in res) {
    host.recorder.record(
      pod,
      "Warning",
      "FailedCreatePodSandBox",
      `Failed to create pod sandbox: ${res.error}`,
    );
    rec.sandboxDueAt = host.loop.now() + BACKOFF_INITIAL_MS;
    host.loop.schedule(BACKOFF_INITIAL_MS, () => host.resync(rec));
    return false;
  }
  rec.sandboxId = res.id;
  rec.ip = res.ip;
  rec.sandboxReadyAt = host.loop.now();
  return true;
}

function step(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord): void {
  if (c.busy) return;
  const now = host.loop.now();
  if (c.state === "running") return;
  if (c.state === "terminated") {
    if (!restartWanted(rec, c)) return;
    if (c.init && c.exitCode === 0) return;
    // Back-off: the first restart is immediate, later ones wait and show CrashLoopBackOff.
    if (now < c.backoffUntil) {
      const podName = `${rec.pod.metadata.name}_${rec.pod.metadata.namespace}(${rec.uid})`;
      c.last = {
        exitCode: c.exitCode!,
        reason: c.reason!,
        startedAt: c.startedAt!,
        finishedAt: c.finishedAt!,
        id: c.id!,
      };
      c.state = "waiting";
      c.reason = "CrashLoopBackOff";
      c.message = `back-off ${goDuration(c.backoffUntil - c.finishedAt!)} restarting failed container=${c.name} pod=${podName}`;
      host.recorder.record(
        rec.pod,
        "Warning",
        "BackOff",
        `Back-off restarting failed container ${c.name} in pod ${podName}`,
        fieldPath(rec, c),
      );
      host.loop.schedule(c.backoffUntil - now, () => host.resync(rec));
      return;
    }
    c.last = {
      exitCode: c.exitCode!,
      reason: c.reason!,
      startedAt: c.startedAt!,
      finishedAt: c.finishedAt!,
      id: c.id!,
    };
    startContainer(host, rec, c);
    return;
  }
  if (now < c.backoffUntil) return;
  ensureImage(host, rec, c, () => startContainer(host, rec, c));
}

function ensureImage(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, then: () => void): void {
  const container = spec(rec, c);
  const image = c.image;
  const policy = container.imagePullPolicy ?? "IfNotPresent";
  const fp = fieldPath(rec, c);
  c.imageRef = host.runtime.imageRef(image);
  if (policy === "Never" || (policy === "IfNotPresent" && host.runtime.imagePresent(image))) {
    if (!host.runtime.imagePresent(image)) {
      c.state = "waiting";
      c.reason = "ErrImageNeverPull";
      c.message = `Container image "${image}" is not present with pull policy of Never`;
      host.recorder.record(rec.pod, "Warning", "ErrImageNeverPull", c.message, fp);
      return;
    }
    host.recorder.record(
      rec.pod,
      "Normal",
      "Pulled",
      `Container image "${image}" already present on machine`,
      fp,
    );
    then();
    return;
  }
  c.busy = true;
  host.recorder.record(rec.pod, "Normal", "Pulling", `Pulling image "${image}"`, fp);
  host.runtime.pullImage(image, (r) => {
    c.busy = false;
    if (rec.pod.metadata.deletionTimestamp || rec.killing) return host.resync(rec);
    if (r.ok) {
      const d = goDuration(r.durationMs);
      host.recorder.record(
        rec.pod,
        "Normal",
        "Pulled",
        `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${r.sizeBytes} bytes.`,
        fp,
      );
      c.pullBackoffMs = 0;
      then();
      host.resync(rec);
    } else {
      host.recorder.record(rec.pod, "Warning", "Failed", `Failed to pull image "${image}": ${r.error}`, fp);
      host.recorder.record(rec.pod, "Warning", "Failed", "Error: ErrImagePull", fp);
      c.state = "waiting";
      c.reason = "ErrImagePull";
      c.message = r.error;
      c.pullBackoffMs = c.pullBackoffMs ? Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
      c.backoffUntil = host.loop.now() + c.pullBackoffMs;
      host.resync(rec);
      // After the failed pull the kubelet shows ImagePullBackOff until the back-off expires.
      host.loop.schedule(1000, () => {
        if (c.reason !== "ErrImagePull" || c.busy) return;
        c.reason = "ImagePullBackOff";
        c.message = `Back-off pulling image "${image}"`;
        host.recorder.record(rec.pod, "Normal", "BackOff", `Back-off pulling image "${image}"`, fp);
        host.recorder.record(rec.pod, "Warning", "Failed", "Error: ImagePullBackOff", fp);
        host.resync(rec);
      });
      host.loop.schedule(c.pullBackoffMs, () => host.resync(rec));
    }
  });
}

function startContainer(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord): void {
  const container = spec(rec, c);
  const fp = fieldPath(rec, c);
  // The kubelet resolves the environment itself and hands the runtime literal values.
  const env = containerEnv(rec.pod, container, host.services(rec.pod.metadata.namespace ?? "default"), {
    podIP: rec.ip ?? "",
    hostIP: host.nodeIP,
  });
  const command = expandCommand(container.command, env);
  const args = expandCommand(container.args, env);
  const resolved = { ...container, env, ...(command ? { command } : {}), ...(args ? { args } : {}) };
  const res = host.runtime.startContainer(rec.sandboxId!, rec.pod, resolved, (exit) =>
    onExit(host, rec, c, exit),
  );
  if ("error" in res) {
    c.state = "waiting";
    c.reason = "RunContainerError";
    c.message = res.error;
    host.recorder.record(rec.pod, "Warning", "Failed", `Error: ${res.error}`, fp);
    return;
  }
  host.recorder.record(rec.pod, "Normal", "Created", `Created container: ${c.name}`, fp);
  host.recorder.record(rec.pod, "Normal", "Started", `Started container ${c.name}`, fp);
  // A container that ran before is being restarted: that is what RESTARTS counts.
  if (c.id) c.restartCount++;
  c.id = res.id;
  c.imageID = host.runtime.imageID(c.image);
  c.state = "running";
  c.reason = undefined;
  c.message = undefined;
  c.startedAt = host.loop.now();
  c.livenessKilled = false;
  c.ready = !c.init && !container.readinessProbe;
  if (!c.init && container.readinessProbe) c.triggerReadiness?.();
}

function onExit(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, exit: ContainerExit): void {
  if (c.state !== "running") return;
  c.state = "terminated";
  c.exitCode = exit.exitCode;
  c.reason = exit.reason;
  c.finishedAt = exit.finishedAt;
  c.ready = false;
  if (!rec.killing && restartWanted(rec, c) && !(c.init && exit.exitCode === 0)) {
    const ranFor = exit.finishedAt - (c.startedAt ?? exit.finishedAt);
    if (ranFor >= BACKOFF_RESET_MS) c.backoffMs = 0;
    // The first crash restarts at once; each later one waits twice as long as the last.
    c.backoffUntil = c.backoffMs ? exit.finishedAt + c.backoffMs : 0;
    c.backoffMs = c.backoffMs ? Math.min(c.backoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
    if (c.backoffUntil === 0) c.backoffUntil = exit.finishedAt;
  }
  host.resync(rec);
}

/** Kill a container whose liveness probe failed; its exit then restarts it (computePodActions). */
function killForLiveness(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord): void {
  if (c.state !== "running" || !c.id || rec.killing) return;
  const container = spec(rec, c);
  c.livenessKilled = true;
  host.recorder.record(
    rec.pod,
    "Normal",
    "Killing",
    `Container ${c.name} failed liveness probe, will be restarted`,
    fieldPath(rec, c),
  );
  const probeGrace = (container.livenessProbe as { terminationGracePeriodSeconds?: number } | undefined)
    ?.terminationGracePeriodSeconds;
  const grace = probeGrace ?? rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  host.runtime.stopContainer(c.id, grace, () => {});
}

/** Stop every container (SIGTERM, then SIGKILL after the grace period), remove the sandbox, report done. */
function kill(host: PodWorkerHost, rec: PodRecord): void {
  if (rec.killing) return;
  rec.killing = true;
  const grace =
    rec.pod.metadata.deletionGracePeriodSeconds ?? rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  const running = [...rec.inits, ...rec.containers].filter((c) => c.state === "running" && c.id);
  let left = running.length;
  const done = () => {
    if (rec.sandboxId) host.runtime.removePodSandbox(rec.sandboxId);
    host.finished(rec);
  };
  if (left === 0) {
    done();
    return;
  }
  for (const c of running) {
    host.recorder.record(rec.pod, "Normal", "Killing", `Stopping container ${c.name}`, fieldPath(rec, c));
    host.runtime.stopContainer(c.id!, grace, () => {
      c.state = "terminated";
      c.ready = false;
      if (--left === 0) done();
    });
  }
}
