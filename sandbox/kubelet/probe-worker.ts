// The prober's workers (pkg/kubelet/prober/worker.go): one per container and probe type, ticking every
// periodSeconds from the pod's admission. A result counts only after failureThreshold / successThreshold
// runs in a row. Startup gates the others; readiness sets the ready flag; liveness or startup failure kills.
import type { Container, Probe } from "../api/types.ts";
import { fieldPath, specOf } from "./pod-containers.ts";
import type { ContainerRecord, PodRecord } from "./pod-state.ts";
import type { PodWorkerHost } from "./pod-worker.ts";
import { type ProbeTarget, runProbe } from "./prober.ts";

/** The probe types the kubelet runs. */
export type ProbeType = "Readiness" | "Liveness" | "Startup";

/** What the pod worker does when a liveness or startup probe gives up on a container. */
export type ProbeKill = (rec: PodRecord, c: ContainerRecord, type: ProbeType) => void;

interface WorkerState {
  containerId?: string;
  last?: "success" | "failure";
  run: number;
  onHold: boolean;
  /** The pod object `container` was looked up in (specs are never changed in place). */
  pod?: PodRecord["pod"];
  container?: Container;
  /** Reused for every run: runProbe only reads it. */
  target: ProbeTarget;
}

function probeOf(c: Container, type: ProbeType): Probe | undefined {
  if (type === "Startup") return c.startupProbe;
  return type === "Readiness" ? c.readinessProbe : c.livenessProbe;
}

function doProbe(
  host: PodWorkerHost,
  rec: PodRecord,
  c: ContainerRecord,
  type: ProbeType,
  st: WorkerState,
  kill: ProbeKill,
): void {
  if (!host.active() || c.state !== "running" || !c.id || !rec.sandboxId) return;
  if (st.containerId !== c.id) {
    // A new container: start from the initial result (readiness: not ready) and resume probing.
    st.containerId = c.id;
    st.onHold = false;
    st.run = 0;
    st.last = undefined;
  }
  if (st.onHold) return;
  // Startup probing stops once it has passed; the other probes wait for it.
  if ((type === "Startup") === c.started) return;
  if (st.pod !== rec.pod || !st.container) {
    st.pod = rec.pod;
    st.container = specOf(rec, c);
  }
  const container = st.container;
  const probe = probeOf(container, type)!;
  const now = host.loop.now();
  if (now - (c.startedAt ?? now) < (probe.initialDelaySeconds ?? 0) * 1000) return;
  const target = st.target;
  target.podIP = rec.ip ?? "";
  target.sandboxId = rec.sandboxId;
  target.containerId = c.id;
  const out = runProbe(host.probes(), host.runtime, probe, container, target);
  if (out.result === "unknown") {
    // An errored probe is reported but its result is thrown away.
    host.recorder.record(
      rec.pod,
      "Warning",
      "Unhealthy",
      `${type} probe errored and resulted in unknown state: ${out.output}`,
      fieldPath(c),
    );
    return;
  }
  if (out.result === "failure")
    host.recorder.record(
      rec.pod,
      "Warning",
      "Unhealthy",
      `${type} probe failed: ${out.output}`,
      fieldPath(c),
    );
  if (st.last === out.result) st.run++;
  else {
    st.last = out.result;
    st.run = 1;
  }
  const needed = out.result === "failure" ? (probe.failureThreshold ?? 3) : (probe.successThreshold ?? 1);
  if (st.run < needed) return;
  if (type === "Readiness") {
    const ready = out.result === "success";
    if (c.ready !== ready) {
      c.ready = ready;
      host.resync(rec);
    }
    return;
  }
  if (type === "Startup" && out.result === "success") {
    c.started = true;
    if (!container.readinessProbe) c.ready = !c.init || c.sidecar;
    else c.triggerReadiness?.();
    host.resync(rec);
    return;
  }
  if (out.result === "failure") {
    // Stop probing until a new container replaces the one being killed.
    st.onHold = true;
    st.run = 0;
    kill(rec, c, type);
  }
}

/** Start the probe workers of a pod's app containers and sidecars (prober manager AddPod). */
export function startProbeWorkers(host: PodWorkerHost, rec: PodRecord, kill: ProbeKill): void {
  if (rec.probesStarted) return;
  rec.probesStarted = true;
  for (let i = 0; i < rec.inits.length; i++)
    if (rec.inits[i].sidecar) startWorkers(host, rec, rec.inits[i], kill);
  for (let i = 0; i < rec.containers.length; i++) startWorkers(host, rec, rec.containers[i], kill);
}

const PROBE_TYPES: readonly ProbeType[] = ["Startup", "Liveness", "Readiness"];

// One container's workers, one per probe it has. The closures live in startWorker: a container without
// probes (most) makes none and no context for them.
function startWorkers(host: PodWorkerHost, rec: PodRecord, c: ContainerRecord, kill: ProbeKill): void {
  const container = specOf(rec, c);
  if (!container) return;
  for (let i = 0; i < PROBE_TYPES.length; i++) {
    const probe = probeOf(container, PROBE_TYPES[i]);
    if (probe) startWorker(host, rec, c, PROBE_TYPES[i], probe, kill);
  }
}

function startWorker(
  host: PodWorkerHost,
  rec: PodRecord,
  c: ContainerRecord,
  type: ProbeType,
  probe: Probe,
  kill: ProbeKill,
): void {
  const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  const st: WorkerState = {
    run: 0,
    onHold: false,
    target: { podIP: "", sandboxId: "", containerId: "" },
  };
  const run = () => doProbe(host, rec, c, type, st, kill);
  const tick = () => {
    if (rec.killing || rec.terminal) return;
    run();
    host.loop.schedule(period, tick);
  };
  host.loop.schedule(0, tick);
  // The status manager asks for an immediate readiness run when it sees the container running.
  if (type === "Readiness") c.triggerReadiness = () => host.loop.schedule(0, run);
}
