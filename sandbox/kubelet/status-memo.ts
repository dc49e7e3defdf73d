// The status manager asks for a pod's status far more often than anything in it changes (probe runs,
// its own write coming back through the watch). This remembers what the last status was built from, so
// the kubelet can tell without building it again that it would match what the API already holds.
import type { Condition, ContainerStatus, PodStatus } from "../api/types.ts";
import type { ContainerRecord, PodRecord } from "./pod-state.ts";

/** What a pod's last status computation saw and which API status it matched. */
export interface StatusMemo {
  /** Every record field buildStatus reads, flattened (objects by identity; none is changed in place). */
  inputs: unknown[];
  /** The API status known to equal what those inputs build (the one compared equal, or the one written). */
  matched: PodStatus | undefined;
}

/** The memo kept on a record, made empty on first use. */
export function statusMemoOf(rec: PodRecord): StatusMemo {
  let memo = rec.statusMemo;
  if (memo === undefined) {
    memo = { inputs: [], matched: undefined };
    rec.statusMemo = memo;
  }
  return memo;
}

// One chain of comparisons, then a rewrite of every slot only when something differs: this runs on
// every flush, mostly in code too cold to be optimized, so it stays a flat run of property reads.
function sameContainer(k: unknown[], i: number, c: ContainerRecord): boolean {
  if (
    k[i] === c.name &&
    k[i + 1] === c.image &&
    k[i + 2] === c.imageRef &&
    k[i + 3] === c.imageID &&
    k[i + 4] === c.id &&
    k[i + 5] === c.state &&
    k[i + 6] === c.reason &&
    k[i + 7] === c.message &&
    k[i + 8] === c.exitCode &&
    k[i + 9] === c.startedAt &&
    k[i + 10] === c.finishedAt &&
    k[i + 11] === c.restartCount &&
    k[i + 12] === c.last &&
    k[i + 13] === c.ready &&
    k[i + 14] === c.init &&
    k[i + 15] === c.sidecar &&
    k[i + 16] === c.started
  )
    return true;
  k[i] = c.name;
  k[i + 1] = c.image;
  k[i + 2] = c.imageRef;
  k[i + 3] = c.imageID;
  k[i + 4] = c.id;
  k[i + 5] = c.state;
  k[i + 6] = c.reason;
  k[i + 7] = c.message;
  k[i + 8] = c.exitCode;
  k[i + 9] = c.startedAt;
  k[i + 10] = c.finishedAt;
  k[i + 11] = c.restartCount;
  k[i + 12] = c.last;
  k[i + 13] = c.ready;
  k[i + 14] = c.init;
  k[i + 15] = c.sidecar;
  k[i + 16] = c.started;
  return false;
}
const PER_CONTAINER = 17;
const PER_POD = 9;

/** Record the record's current status inputs in the memo; true when they are the ones recorded last time. */
export function sameStatusInputs(rec: PodRecord, memo: StatusMemo): boolean {
  let k = memo.inputs;
  const size = PER_POD + PER_CONTAINER * (rec.inits.length + rec.containers.length);
  // A new size can only mean a first call (containers are fixed at admission); start from a clean slate,
  // an exact-size list (pushing a slot at a time kept room for 40 slots a pod).
  let same = k.length === size;
  if (!same) {
    k = new Array<unknown>(size).fill(undefined);
    memo.inputs = k;
  }
  if (
    !(
      k[0] === rec.pod.spec &&
      k[1] === rec.terminal &&
      k[2] === rec.admittedAt &&
      k[3] === rec.sandboxReadyAt &&
      k[4] === rec.initializedAt &&
      k[5] === rec.readyAt &&
      k[6] === rec.ip &&
      k[7] === rec.killing &&
      k[8] === rec.sandboxStoppedAt
    )
  ) {
    k[0] = rec.pod.spec;
    k[1] = rec.terminal;
    k[2] = rec.admittedAt;
    k[3] = rec.sandboxReadyAt;
    k[4] = rec.initializedAt;
    k[5] = rec.readyAt;
    k[6] = rec.ip;
    k[7] = rec.killing;
    k[8] = rec.sandboxStoppedAt;
    same = false;
  }
  // Indexed loops: for-of allocates an iterator in code not yet optimized.
  let i = PER_POD;
  const inits = rec.inits;
  for (let j = 0; j < inits.length; j++) {
    if (!sameContainer(k, i, inits[j])) same = false;
    i += PER_CONTAINER;
  }
  const apps = rec.containers;
  for (let j = 0; j < apps.length; j++) {
    if (!sameContainer(k, i, apps[j])) same = false;
    i += PER_CONTAINER;
  }
  return same;
}

/** Tell at a glance that two pod statuses differ (phase, IP, container flags, condition statuses); false proves nothing. */
export function plainlyDiffers(a: PodStatus, b: PodStatus): boolean {
  // Each check is one that jsonEqual would also fail; anything unusual is left to jsonEqual.
  if (a.phase !== b.phase || a.podIP !== b.podIP) return true;
  return (
    listsDiffer(a.containerStatuses, b.containerStatuses, containerDiffers) ||
    listsDiffer(a.initContainerStatuses, b.initContainerStatuses, containerDiffers) ||
    listsDiffer(a.conditions, b.conditions, conditionDiffers)
  );
}

// Two lists of status entries differ plainly by length or by one pair of entries; non-objects prove nothing.
function listsDiffer<T extends object>(
  x: T[] | undefined,
  y: T[] | undefined,
  differs: (p: T, q: T) => boolean,
): boolean {
  if (!Array.isArray(x) || !Array.isArray(y)) return false;
  if (x.length !== y.length) return true;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (typeof p !== "object" || typeof q !== "object" || p === null || q === null) return false;
    if (differs(p, q)) return true;
  }
  return false;
}

function containerDiffers(p: ContainerStatus, q: ContainerStatus): boolean {
  return (
    p.ready !== q.ready ||
    p.started !== q.started ||
    p.restartCount !== q.restartCount ||
    p.containerID !== q.containerID
  );
}

function conditionDiffers(p: Condition, q: Condition): boolean {
  return p.type !== q.type || p.status !== q.status;
}
