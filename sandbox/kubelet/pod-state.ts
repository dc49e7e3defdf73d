// The kubelet's private record of each pod it runs, and how that record becomes a PodStatus.
import { computePodQOS } from "../api/qos.ts";
import type {
  Condition,
  Container,
  ContainerStatus,
  Pod,
  PodStatus,
  VolumeMountStatus,
} from "../api/types.ts";
import { rfc3339 } from "../util/time.ts";
import type { StatusMemo } from "./status-memo.ts";

/** Where one container is in its life. */
export interface ContainerRecord {
  name: string;
  /** The container's mounts as its status reports them (frozen; absent when it has none). */
  mounts: readonly VolumeMountStatus[] | undefined;
  image: string;
  /** Normalized image reference once known. */
  imageRef?: string;
  imageID?: string;
  id?: string;
  state: "waiting" | "running" | "terminated";
  reason?: string;
  message?: string;
  exitCode?: number;
  startedAt?: number;
  finishedAt?: number;
  restartCount: number;
  last?: { exitCode: number; reason: string; startedAt: number; finishedAt: number; id: string };
  ready: boolean;
  /** Virtual time before which a restart or pull must not be tried. */
  backoffUntil: number;
  backoffMs: number;
  /** Image pull back-off, kept apart from the crash back-off. */
  pullBackoffMs: number;
  /** An image pull or start is in flight. */
  busy: boolean;
  init: boolean;
  /** An init container with restartPolicy Always (a native sidecar): it keeps running beside the app. */
  sidecar: boolean;
  /** Running and past its startup probe (if any): the `started` of its status. */
  started: boolean;
  /** The kubelet is killing the running container (failed probe or postStart hook): restart it whatever its exit code. */
  kubeletKilled?: boolean;
  /** Why the last start failed after the container ran (PostStartHookError), shown until the restart. */
  startError?: { reason: string; message: string; shown: boolean };
  /** The postStart hook has not finished: the container runs but is not yet reported running. */
  hooking?: boolean;
  /** Ask the readiness worker for an immediate run (set when the container has a readiness probe). */
  triggerReadiness?: () => void;
}

/** Everything the kubelet tracks for one pod. */
export interface PodRecord {
  uid: string;
  key: string;
  pod: Pod;
  sandboxId?: string;
  ip?: string;
  sandboxReadyAt?: number;
  /** When the sandbox (pause container and network) may be created. */
  sandboxDueAt?: number;
  /** When termination stopped the sandbox (its pause container and network). */
  sandboxStoppedAt?: number;
  admittedAt: number;
  containers: ContainerRecord[];
  inits: ContainerRecord[];
  terminal?: "Succeeded" | "Failed";
  killing: boolean;
  readyAt?: number;
  /** Whether every container was ready at the last status computation (for transition times). */
  wasReady?: boolean;
  initializedAt?: number;
  /** The prober's workers for this pod have been started. */
  probesStarted?: boolean;
  /** The frozen podIPs list of the last status built, reused while the address stays. */
  podIPs?: { ip: string }[];
  /** What the status manager last built this pod's status from (kept by status-memo.ts). */
  statusMemo?: StatusMemo;
  /** Waiting in the status manager's list for the end of the instant. */
  queued: boolean;
}

/** A fresh container record. */
export function newContainer(c: Container, init: boolean, podHasInits = init): ContainerRecord {
  // Every field is present from the start, so that all records share one shape for the engine.
  return {
    name: c.name,
    mounts: mountStatuses(c),
    image: c.image ?? "",
    imageRef: undefined,
    imageID: undefined,
    id: undefined,
    state: "waiting",
    // The kubelet's default waiting reason is PodInitializing for every container of a pod with init containers.
    reason: podHasInits ? "PodInitializing" : "ContainerCreating",
    message: undefined,
    exitCode: undefined,
    startedAt: undefined,
    finishedAt: undefined,
    restartCount: 0,
    last: undefined,
    ready: false,
    backoffUntil: 0,
    backoffMs: 0,
    pullBackoffMs: 0,
    busy: false,
    init,
    sidecar: init && c.restartPolicy === "Always",
    started: false,
    kubeletKilled: undefined,
    startError: undefined,
    hooking: undefined,
    triggerReadiness: undefined,
  };
}

// A pod's QoS class follows from its spec alone, and specs are never changed in place.
const qosBySpec = new WeakMap<Pod["spec"], string>();

function qosClass(pod: Pod): string {
  let qos = qosBySpec.get(pod.spec);
  if (qos === undefined) {
    qos = pod.status?.qosClass || computePodQOS(pod);
    qosBySpec.set(pod.spec, qos);
  }
  return qos;
}

// A container status's parts shared between pods and versions, frozen (stored objects are never changed
// in place): the empty last state, and the running and waiting states built last (containers started in
// one burst share them).
const NO_LAST_STATE: ContainerStatus["lastState"] = Object.freeze({});
let lastRunning: NonNullable<ContainerStatus["state"]> = Object.freeze({
  running: Object.freeze({ startedAt: "" }),
});
let lastWaiting: NonNullable<ContainerStatus["state"]> = Object.freeze({
  waiting: Object.freeze({ reason: "" }),
});

function runningState(startedAt: string): NonNullable<ContainerStatus["state"]> {
  if (lastRunning.running?.startedAt !== startedAt)
    lastRunning = Object.freeze({ running: Object.freeze({ startedAt }) });
  return lastRunning;
}

function waitingState(
  reason: string | undefined,
  message: string | undefined,
): NonNullable<ContainerStatus["state"]> {
  const w = lastWaiting.waiting;
  if (w === undefined || w.reason !== reason || w.message !== message || "message" in w !== !!message)
    lastWaiting = Object.freeze({
      waiting: Object.freeze(message ? { message, reason } : { reason }),
    });
  return lastWaiting;
}

function containerState(r: ContainerRecord): NonNullable<ContainerStatus["state"]> {
  if (r.state === "running") return runningState(rfc3339(r.startedAt!));
  if (r.state === "terminated")
    return {
      terminated: {
        containerID: `containerd://${r.id}`,
        exitCode: r.exitCode!,
        finishedAt: rfc3339(r.finishedAt!),
        reason: r.reason,
        startedAt: rfc3339(r.startedAt!),
      },
    };
  return waitingState(r.reason, r.message);
}

function containerStatus(r: ContainerRecord): ContainerStatus {
  // containerID leads when present (key order shows in JSON output); the rest follow in a fixed order.
  const st = {} as ContainerStatus;
  if (r.id) st.containerID = `containerd://${r.id}`;
  st.image = r.imageRef ?? r.image;
  st.imageID = r.imageID ?? "";
  st.lastState = r.last
    ? {
        terminated: {
          containerID: `containerd://${r.last.id}`,
          exitCode: r.last.exitCode,
          finishedAt: rfc3339(r.last.finishedAt),
          reason: r.last.reason,
          startedAt: rfc3339(r.last.startedAt),
        },
      }
    : NO_LAST_STATE;
  st.name = r.name;
  // A regular init container that completed counts as ready (the prober manager's UpdatePodStatus).
  st.ready = r.ready || (r.init && !r.sidecar && r.state === "terminated" && r.exitCode === 0);
  st.restartCount = r.restartCount;
  st.started = r.state === "running" && r.started;
  st.state = containerState(r);
  if (r.mounts) st.volumeMounts = r.mounts as VolumeMountStatus[];
  return st;
}

// What the status says of each mount: a read-only one also says it is not recursively read-only.
function mountStatuses(c: Container): readonly VolumeMountStatus[] | undefined {
  const mounts = c.volumeMounts;
  if (!mounts || mounts.length === 0) return undefined;
  return Object.freeze(
    mounts.map((m) =>
      Object.freeze(
        m.readOnly
          ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: "Disabled" }
          : { mountPath: m.mountPath, name: m.name },
      ),
    ),
  );
}

// The condition built last per type and status, frozen: pods started in one burst report the same
// conditions at the same second, and every stored pod version keeps its status (stored objects are never
// changed in place: the API's mutate copies a status before changing it).
const lastConds = new Map<string, Condition>();

function cond(
  type: string,
  ok: boolean,
  at: number | undefined,
  fallback: number,
  reason?: string,
  message?: string,
): Condition {
  const status = ok ? "True" : "False";
  const time = rfc3339(at ?? fallback);
  // A completed pod's conditions carry the reason without a message.
  const withReason = !ok && !!reason;
  const msg = withReason && reason !== "PodCompleted" ? message : undefined;
  const slot = ok ? type : `${type}/`;
  const last = lastConds.get(slot);
  if (
    last !== undefined &&
    last.lastTransitionTime === time &&
    last.reason === (withReason ? reason : undefined) &&
    last.message === msg &&
    "message" in last === (withReason && reason !== "PodCompleted")
  )
    return last;
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: time };
  // Added after the others, as the spread it replaces placed them (key order shows in JSON output).
  if (withReason) {
    c.reason = reason;
    if (reason !== "PodCompleted") c.message = message;
  }
  lastConds.set(slot, Object.freeze(c));
  return c;
}

function pendingInits(rec: PodRecord): string[] {
  return rec.inits
    .filter((c) =>
      c.sidecar ? !(c.state === "running" && c.started) : !(c.state === "terminated" && c.exitCode === 0),
    )
    .map((c) => c.name);
}

// A status's one-address list (podIPs) is frozen and kept on the record, shared by every status version
// that names the address (stored objects are never changed in place).
function podIPList(rec: PodRecord, ip: string): { ip: string }[] {
  let list = rec.podIPs;
  if (list === undefined || list[0].ip !== ip) {
    list = ipList(ip);
    rec.podIPs = list;
  }
  return list;
}

/** A frozen one-address list (a node's hostIPs), to be shared by every status that names the address. */
export function ipList(ip: string): { ip: string }[] {
  return Object.freeze([Object.freeze({ ip })]) as { ip: string }[];
}

/** Find a status's condition of one type (a loop: no callback to allocate on the status path). */
export function conditionOf(status: PodStatus | undefined, type: string): Condition | undefined {
  const list = status?.conditions;
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) if (list[i].type === type) return list[i];
  return undefined;
}

// An app container runs or ran: the pod has left Pending.
function anyRunning(rec: PodRecord): boolean {
  const apps = rec.containers;
  for (let i = 0; i < apps.length; i++) {
    const c = apps[i];
    if (
      c.state === "running" ||
      (c.state === "terminated" && (c.restartCount > 0 || (rec.killing && c.startedAt !== undefined))) ||
      c.last
    )
      return true;
  }
  return false;
}

/** Build the PodStatus the kubelet reports for a record; `hostIP` is the node's address, `hostIPs` its ipList. */
export function buildStatus(
  rec: PodRecord,
  hostIP: string,
  hostIPs: { ip: string }[],
  scheduled: Condition | undefined,
): PodStatus {
  const pod = rec.pod;
  const apps = rec.containers;
  const inits = rec.inits;
  // Indexed loops and no closures: this runs for every status write, often in code not yet optimized,
  // where for-of and closures allocate.
  // Sidecars count toward readiness, listed before the app containers (GenerateContainersReadyCondition).
  // The names joined with spaces as they are found (no list to join).
  let notReady: string | undefined;
  for (let i = 0; i < inits.length; i++)
    if (inits[i].sidecar && !inits[i].ready)
      notReady = notReady === undefined ? inits[i].name : `${notReady} ${inits[i].name}`;
  for (let i = 0; i < apps.length; i++)
    if (!apps[i].ready) notReady = notReady === undefined ? apps[i].name : `${notReady} ${apps[i].name}`;
  // Once initialized a pod stays so, even while a sidecar restarts.
  const initsDone = inits.length === 0 || rec.initializedAt !== undefined;
  let phase: PodStatus["phase"] = "Pending";
  // A terminal phase waits until the pod cannot have running containers (mergePodStatus): containers
  // stopped by deletion leave the pod Running until it is removed.
  if (rec.terminal) phase = rec.terminal;
  else if (initsDone && anyRunning(rec)) phase = "Running";
  const t0 = rec.admittedAt;
  const allReady = notReady === undefined && apps.length > 0 && !rec.terminal;
  // Only a False condition of a live pod shows the message.
  const notReadyMsg = allReady || rec.terminal ? "" : `containers with unready status: [${notReady ?? ""}]`;
  const conditions: Condition[] = [
    cond(
      "PodReadyToStartContainers",
      !!rec.sandboxReadyAt && !rec.terminal && rec.sandboxStoppedAt === undefined,
      rec.sandboxStoppedAt ?? rec.sandboxReadyAt,
      t0,
    ),
    initsDone
      ? cond("Initialized", true, rec.initializedAt, t0)
      : cond(
          "Initialized",
          false,
          t0,
          t0,
          "ContainersNotInitialized",
          `containers with incomplete status: [${pendingInits(rec).join(" ")}]`,
        ),
    cond(
      "Ready",
      allReady,
      rec.readyAt,
      t0,
      rec.terminal ? "PodCompleted" : "ContainersNotReady",
      notReadyMsg,
    ),
    cond(
      "ContainersReady",
      allReady,
      rec.readyAt,
      t0,
      rec.terminal ? "PodCompleted" : "ContainersNotReady",
      notReadyMsg,
    ),
    scheduled ?? cond("PodScheduled", true, t0, t0),
  ];
  const status: PodStatus = {
    conditions,
    containerStatuses: apps.map(containerStatus),
    hostIP,
    hostIPs,
  };
  if (inits.length) status.initContainerStatuses = inits.map(containerStatus);
  status.phase = phase;
  if (rec.ip) {
    status.podIP = rec.ip;
    status.podIPs = podIPList(rec, rec.ip);
  }
  status.qosClass = qosClass(pod);
  status.startTime = rfc3339(t0);
  return status;
}
