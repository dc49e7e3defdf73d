// The pod READY / STATUS / RESTARTS cells, step by step as the server's pod printer computes them (FIDELITY §9.1).
import type { Container, ContainerStatus, Pod, PodStatus } from "../../../api/types.ts";
import { humanDuration, parseTime } from "../duration.ts";

/** The three computed pod cells. */
export interface PodStatusCells {
  ready: string;
  status: string;
  restarts: string;
}

function isSidecar(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function conditionTrue(status: PodStatus | undefined, type: string): boolean {
  return (status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

function terminatedAt(cs: ContainerStatus): number | undefined {
  return parseTime(cs.lastState?.terminated?.finishedAt);
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a;
  return a === undefined || a < b ? b : a;
}

/** Compute READY, STATUS and RESTARTS for a pod at time `now` (ms since epoch). */
export function podStatusCells(pod: Pod, now: number): PodStatusCells {
  const status = pod.status ?? {};
  const phase = status.phase ?? "";
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initSpecs = new Map<string, Container>();
  let total = pod.spec.containers.length;
  for (const c of pod.spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isSidecar(c)) total++;
  }

  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount;
    lastRestart = later(lastRestart, terminatedAt(cs));
    const sidecar = isSidecar(initSpecs.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, terminatedAt(cs));
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason)
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(pod.spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Walk from last to first so the lowest-index container with something to report wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount;
      lastRestart = later(lastRestart, terminatedAt(cs));
      const waiting = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning)
      reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
  }

  const deleting = Boolean(pod.metadata.deletionTimestamp);
  if (deleting && status.reason === "NodeLost") reason = "Unknown";
  else if (deleting && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration((now - lastRestart) / 1000)} ago)`;
  }
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}
