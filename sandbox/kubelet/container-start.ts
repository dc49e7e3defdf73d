// Starting a container (startContainer in kuberuntime): the CRI start, the Created/Started events, the
// postStart hook, and what its failure does; and how an exit is recorded and its restart back-off set.

import { containerEnv, expandCommand } from "./container-env.ts";
import { killContainer } from "./container-kill.ts";
import type { ContainerExit } from "./cri.ts";
import { runHook } from "./lifecycle-hooks.ts";
import { fieldPath, restartWanted, specOf } from "./pod-containers.ts";
import type { ContainerRecord, PodRecord } from "./pod-state.ts";
import type { PodWorkerHost } from "./pod-worker.ts";

/** Container restart back-off: 10 s doubling to 5 min, reset after 10 min of clean running. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_MS = 600_000;

/** Create and start a container, then run its postStart hook before calling it running. */
export function startContainer(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord): void {
  const container = specOf(rec, c);
  const fp = fieldPath(c);
  // The kubelet resolves the environment itself and hands the runtime literal values.
  const env = containerEnv(rec.pod, container, host.services(rec.pod.metadata.namespace ?? "default"), {
    podIP: rec.ip ?? "",
    hostIP: host.nodeIP,
  });
  const command = expandCommand(container.command, env);
  const args = expandCommand(container.args, env);
  const resolved = { ...container, env, ...(command ? { command } : {}), ...(args ? { args } : {}) };
  // A process that ends at once reports its exit inside the start call; it is replayed once recorded.
  let early: ContainerExit | undefined;
  let live = false;
  const res = host.runtime.startContainer(rec.sandboxId!, rec.pod, resolved, (exit) => {
    if (live) onExit(host, rec, c, exit);
    else early = exit;
  });
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
  c.startedAt = host.loop.now();
  c.kubeletKilled = false;
  c.startError = undefined;
  c.started = false;
  c.ready = false;
  live = true;
  const hook = container.lifecycle?.postStart;
  if (!hook || early) {
    markRunning(rec, c);
    if (early) onExit(host, rec, c, early);
    return;
  }
  // Until the hook returns, SyncPod is blocked: the pod keeps showing what it showed before.
  c.hooking = true;
  c.busy = true;
  const out = runHook(host.probes(), hook, container, rec.pod, { podIP: rec.ip ?? "", containerId: res.id });
  const finish = () => {
    if (!c.hooking || c.id !== res.id) return;
    c.busy = false;
    if (out.ok) {
      c.hooking = false;
      markRunning(rec, c);
      return;
    }
    postStartFailed(host, rec, c, out.message);
  };
  if (out.delayMs > 0)
    host.loop.schedule(out.delayMs, () => {
      finish();
      host.resync(rec);
    });
  else finish();
}

function markRunning(rec: PodRecord, c: ContainerRecord): void {
  const container = specOf(rec, c);
  c.state = "running";
  c.reason = undefined;
  c.message = undefined;
  c.started = !container.startupProbe;
  // A regular init container is never ready; a sidecar or app container is, unless a probe decides.
  c.ready = (!c.init || c.sidecar) && c.started && !container.readinessProbe;
  if (c.started && container.readinessProbe && (!c.init || c.sidecar)) c.triggerReadiness?.();
}

// The hook failed: the kubelet kills the container and reports PostStartHookError for the start.
function postStartFailed(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, message: string): void {
  const fp = fieldPath(c);
  host.recorder.record(rec.pod, "Warning", "FailedPostStartHook", message, fp);
  const err = `failed to "StartContainer" for "${c.name}" with PostStartHookError: ${JSON.stringify(message)}`;
  host.log(
    `"Error syncing pod, skipping" err=${JSON.stringify(err)} pod="${rec.pod.metadata.namespace}/${rec.pod.metadata.name}" podUID="${rec.uid}"`,
    "pod_workers.go:1301",
    "E",
  );
  c.kubeletKilled = true;
  c.startError = { reason: "PostStartHookError", message, shown: false };
  const grace = rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  killContainer(host, rec, c, "FailedPostStartHook", grace, () => {});
}

/** Record a container's exit and, if it will restart, when (CrashLoopBackOff doubling). */
export function onExit(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, exit: ContainerExit): void {
  if (c.state !== "running" && !c.hooking) return;
  c.hooking = false;
  c.busy = false;
  c.state = "terminated";
  c.exitCode = exit.exitCode;
  c.reason = exit.reason;
  c.finishedAt = exit.finishedAt;
  c.ready = false;
  c.started = false;
  const completedInit = c.init && !c.sidecar && exit.exitCode === 0;
  if (!rec.killing && !rec.terminal && restartWanted(rec, c) && !completedInit) {
    const ranFor = exit.finishedAt - (c.startedAt ?? exit.finishedAt);
    if (ranFor >= BACKOFF_RESET_MS) c.backoffMs = 0;
    // The first crash restarts at once; each later one waits twice as long as the last.
    c.backoffUntil = c.backoffMs ? exit.finishedAt + c.backoffMs : exit.finishedAt;
    c.backoffMs = c.backoffMs ? Math.min(c.backoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
  }
  host.resync(rec);
}
