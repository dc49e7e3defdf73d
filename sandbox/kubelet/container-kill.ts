// Stopping containers as killContainer does: a Killing event, the preStop hook, then SIGTERM with what is
// left of the grace period (at least 2 s). On pod deletion sidecars wait for the app containers, last first.

import { runHook } from "./lifecycle-hooks.ts";
import { fieldPath, specOf } from "./pod-containers.ts";
import type { ContainerRecord, PodRecord } from "./pod-state.ts";
import type { PodWorkerHost } from "./pod-worker.ts";

// The kubelet's minimumGracePeriodInSeconds: never SIGKILL without a short window.
const MIN_GRACE_S = 2;

/** Run a container's preStop hook (if any); `then` gets the ms it took. */
function preStop(
  host: PodWorkerHost,
  rec: PodRecord,
  c: ContainerRecord,
  graceS: number,
  then: (ms: number) => void,
): void {
  const container = specOf(rec, c);
  const handler = container.lifecycle?.preStop;
  if (!handler || graceS <= 0 || !c.id) {
    then(0);
    return;
  }
  const out = runHook(host.probes(), handler, container, rec.pod, { podIP: rec.ip ?? "", containerId: c.id });
  // The event leaves the message out so that secrets in it do not reach the API server.
  if (!out.ok)
    host.recorder.record(rec.pod, "Warning", "FailedPreStopHook", "PreStopHook failed", fieldPath(c));
  const ms = Math.min(out.delayMs, graceS * 1000);
  if (ms > 0) host.loop.schedule(ms, () => then(ms));
  else then(0);
}

/** The steps of killing one container, split so that pod termination can order the SIGTERMs. */
export function killContainer(
  host: PodWorkerHost,
  rec: PodRecord,
  c: ContainerRecord,
  message: string,
  graceS: number,
  done: () => void,
  waitTurn?: (go: (waitedMs: number) => void) => void,
): void {
  host.recorder.record(rec.pod, "Normal", "Killing", message || `Stopping container ${c.name}`, fieldPath(c));
  const id = c.id!;
  preStop(host, rec, c, graceS, (hookMs) => {
    let left = graceS - Math.floor(hookMs / 1000);
    const stop = (waitedMs: number) => {
      left -= Math.floor(waitedMs / 1000);
      // The 2 s floor only matters once the hook or the wait used up part of the budget.
      host.runtime.stopContainer(id, left < graceS ? Math.max(left, MIN_GRACE_S) : graceS, done);
    };
    if (waitTurn && left > 0) waitTurn(stop);
    else stop(0);
  });
}

/** Stop the given containers: regular ones at once, sidecars after them in reverse start order. */
export function stopAll(
  host: PodWorkerHost,
  rec: PodRecord,
  running: ContainerRecord[],
  graceS: number,
  done: () => void,
): void {
  const regular = running.filter((c) => !c.sidecar);
  const sidecars = rec.inits.filter((c) => c.sidecar && running.includes(c));
  let left = running.length;
  if (left === 0) {
    done();
    return;
  }
  const startedAt = host.loop.now();
  let regularLeft = regular.length;
  let waiting: Array<{ ready: () => boolean; go: () => void }> = [];
  const exited = new Set<ContainerRecord>();
  // A sidecar's turn comes when every regular container and every later sidecar has exited.
  const turnFor = (c: ContainerRecord) => (go: (waitedMs: number) => void) => {
    const later = sidecars.slice(sidecars.indexOf(c) + 1);
    const ready = () => regularLeft === 0 && later.every((s) => exited.has(s));
    const fire = () => go(host.loop.now() - startedAt);
    if (ready()) fire();
    else waiting.push({ ready, go: fire });
  };
  const onDone = (c: ContainerRecord) => () => {
    c.state = "terminated";
    c.ready = false;
    exited.add(c);
    if (!c.sidecar) regularLeft--;
    const due = waiting.filter((w) => w.ready());
    waiting = waiting.filter((w) => !due.includes(w));
    for (const w of due) w.go();
    if (--left === 0) done();
  };
  for (const c of [...regular, ...sidecars]) {
    killContainer(host, rec, c, "", graceS, onDone(c), c.sidecar ? turnFor(c) : undefined);
  }
}
