// One pod's lifecycle on a node: sandbox, image pulls, init containers, app containers, restarts with
// back-off, readiness, and graceful termination. Every step is driven by `sync`, which is idempotent.
import type { Pod, Service } from "../api/types.ts";
import type { EventRecorder } from "../client/events.ts";
import type { EventLoop } from "../util/event-loop.ts";
import { killContainer, stopAll } from "./container-kill.ts";
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, startContainer } from "./container-start.ts";
import type { ContainerRuntime } from "./cri.ts";
import { fieldPath, podName, restartWanted, specOf } from "./pod-containers.ts";
import { type ContainerRecord, newContainer, type PodRecord } from "./pod-state.ts";
import type { ProbeTransport } from "./probe-transport.ts";
import { type ProbeType, startProbeWorkers } from "./probe-worker.ts";

export { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS };
/** Virtual time from admitting a pod to its sandbox being ready. */
export const SANDBOX_SETUP_MS = 1000;
// The PLEG relists containers every second; a failed start shows until then.
const PLEG_RELIST_MS = 1000;

/**
 * Write a klog line to the kubelet's journal: the message, its source `file.go:line` (v1.32's where known,
 * else the file with an approximate line), and its severity (I unless said).
 */
export type KubeletLog = (message: string, where: string, severity?: "I" | "W" | "E") => void;

/** What a pod worker needs from its kubelet. */
export interface PodWorkerHost {
  loop: EventLoop;
  runtime: ContainerRuntime;
  recorder: EventRecorder;
  /** Ask for `sync` of this pod again (after something changed). */
  resync(rec: PodRecord): void;
  /** Report that the pod is gone from the node; the kubelet deletes the API object. */
  finished(rec: PodRecord): void;
  log: KubeletLog;
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

/** Build the record for a pod the kubelet has just admitted. */
export function admit(pod: Pod, key: string, now: number): PodRecord {
  // Every field is present from the start, so that all records share one shape for the engine.
  return {
    uid: pod.metadata.uid!,
    key,
    pod,
    sandboxId: undefined,
    ip: undefined,
    sandboxReadyAt: undefined,
    sandboxDueAt: undefined,
    sandboxStoppedAt: undefined,
    admittedAt: now,
    containers: pod.spec.containers.map((c) => newContainer(c, false, !!pod.spec.initContainers?.length)),
    inits: (pod.spec.initContainers ?? []).map((c) => newContainer(c, true)),
    terminal: undefined,
    killing: false,
    readyAt: undefined,
    wasReady: undefined,
    initializedAt: undefined,
    probesStarted: undefined,
    podIPs: undefined,
    statusMemo: undefined,
    queued: false,
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
  if (!rec.probesStarted) startProbeWorkers(host, rec, (r, c, type) => killForProbe(host, r, c, type));
  if (!initialize(host, rec)) return;
  // Containers start in spec order: a container's image pull holds back the ones after it, as in SyncPod.
  // Indexed loops: this runs on every sync, often in code not yet optimized, where for-of allocates.
  const apps = rec.containers;
  const inits = rec.inits;
  for (let i = 0; i < apps.length; i++) {
    const c = apps[i];
    step(host, rec, c);
    if (c.busy) break;
  }
  // Sidecars and app containers all ready.
  let allReady = apps.length > 0;
  for (let i = 0; i < inits.length; i++) if (inits[i].sidecar && !inits[i].ready) allReady = false;
  for (let i = 0; i < apps.length; i++) if (!apps[i].ready) allReady = false;
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
    // With every app container done, the kubelet stops the sidecars (last started first).
    const running = rec.inits.filter((c) => c.sidecar && c.state === "running" && c.id);
    const grace = rec.pod.spec.terminationGracePeriodSeconds ?? 30;
    stopAll(host, rec, running, grace, () => host.resync(rec));
  }
}

// Init containers in order: a regular one must complete, a sidecar must have started (and passed its
// startup probe) before the next one runs. Once the pod is initialized only sidecars are looked after.
function initialize(host: PodWorkerHost, rec: PodRecord): boolean {
  const inits = rec.inits;
  if (rec.initializedAt !== undefined || inits.length === 0) {
    for (let i = 0; i < inits.length; i++) if (inits[i].sidecar) step(host, rec, inits[i]);
    return true;
  }
  for (const c of rec.inits) {
    if (c.sidecar) {
      step(host, rec, c);
      if (c.state === "running" && c.started) continue;
      return false;
    }
    if (c.state === "terminated" && c.exitCode === 0) continue;
    step(host, rec, c);
    return false;
  }
  rec.initializedAt = host.loop.now();
  return true;
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
  // A pull, a postStart hook, or the kill after a failed hook is in flight.
  if (c.busy || c.hooking) return;
  const now = host.loop.now();
  if (c.state === "running") return;
  if (c.state === "terminated") {
    if (!restartWanted(rec, c)) return;
    if (c.init && !c.sidecar && c.exitCode === 0) return;
    // Back-off: the first restart is immediate, later ones wait and show CrashLoopBackOff.
    if (now < c.backoffUntil) {
      const pod = podName(rec);
      c.last = {
        exitCode: c.exitCode!,
        reason: c.reason!,
        startedAt: c.startedAt!,
        finishedAt: c.finishedAt!,
        id: c.id!,
      };
      c.state = "waiting";
      c.reason = "CrashLoopBackOff";
      c.message = `back-off ${goDuration(c.backoffUntil - c.finishedAt!)} restarting failed container=${c.name} pod=${pod}`;
      host.recorder.record(
        rec.pod,
        "Warning",
        "BackOff",
        `Back-off restarting failed container ${c.name} in pod ${pod}`,
        fieldPath(c),
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
    // A start that failed after the container ran (postStart) is reported until the next relist.
    if (c.startError && !c.startError.shown) {
      c.startError.shown = true;
      c.state = "waiting";
      c.reason = c.startError.reason;
      c.message = c.startError.message;
      host.loop.schedule(PLEG_RELIST_MS, () => host.resync(rec));
      return;
    }
    // Every start goes through the image manager, restarts too: `Always` pulls again, and otherwise the
    // kubelet says the image is already present (one Pulled event per start).
    ensureImage(host, rec, c, () => startContainer(host, rec, c));
    return;
  }
  if (now < c.backoffUntil) return;
  ensureImage(host, rec, c, () => startContainer(host, rec, c));
}

function ensureImage(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, then: () => void): void {
  const container = specOf(rec, c);
  const image = c.image;
  const policy = container.imagePullPolicy ?? "IfNotPresent";
  const fp = fieldPath(c);
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

/** Kill a container whose liveness or startup probe failed; its exit then restarts it (computePodActions). */
function killForProbe(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, type: ProbeType): void {
  if (c.state !== "running" || !c.id || rec.killing) return;
  const probe = type === "Startup" ? specOf(rec, c).startupProbe : specOf(rec, c).livenessProbe;
  c.kubeletKilled = true;
  const probeGrace = (probe as { terminationGracePeriodSeconds?: number } | undefined)
    ?.terminationGracePeriodSeconds;
  const grace = probeGrace ?? rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  const message = `Container ${c.name} failed ${type.toLowerCase()} probe, will be restarted`;
  killContainer(host, rec, c, message, grace, () => {});
}

/**
 * Terminate a deleted pod as syncTerminatingPod then SyncTerminatedPod do: stop every container (preStop,
 * SIGTERM, SIGKILL after the grace period; sidecars last) and the sandbox, report the stopped containers,
 * then, once the PLEG has relisted, clean up and let the status manager delete the pod.
 */
function kill(host: PodWorkerHost, rec: PodRecord): void {
  if (rec.killing) return;
  // The worker starts syncTerminatingPod at once: the PLEG cache is already newer than a running pod's last sync.
  rec.killing = true;
  const grace =
    rec.pod.metadata.deletionGracePeriodSeconds ?? rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  const running = [...rec.inits, ...rec.containers].filter(
    (c) => (c.state === "running" || c.hooking) && c.id,
  );
  // StopContainer returns when the process exits (containerd waits on the exit event, no polling).
  stopAll(host, rec, running, grace, () => {
    // A pod already in a terminal phase has nothing left to stop: it goes at once, as before.
    if (rec.terminal) return cleanUp(host, rec);
    // killPod stops the sandbox too (pause killed, network torn down); the stopped status is then reported.
    if (rec.sandboxId) {
      host.runtime.stopPodSandbox(rec.sandboxId);
      rec.sandboxStoppedAt = host.loop.now();
    }
    host.resync(rec);
    // SyncTerminatedPod waits for a PLEG cache newer than syncTerminatingPod's end: up to one relist period (1 s).
    // Volumes unmount within it (populator and reconciler loops of 100 ms), so WaitForUnmount returns at once.
    host.loop.schedule(PLEG_RELIST_MS, () => cleanUp(host, rec));
  });
}

// SyncTerminatedPod: volumes and cgroups go, then TerminatePod, whose status write is followed by the delete.
// The model removes the stopped sandbox and containers here; the kubelet's container GC removes them later.
function cleanUp(host: PodWorkerHost, rec: PodRecord): void {
  if (rec.sandboxId) host.runtime.removePodSandbox(rec.sandboxId);
  host.finished(rec);
}
