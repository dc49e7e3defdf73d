// The status manager asks for a pod's status far more often than anything in it changes (probe runs,
// its own write coming back through the watch). This remembers what the last status was built from, so
// the kubelet can tell without building it again that it would match what the API already holds.
import type { PodStatus } from "../api/types.ts";
import type { ContainerRecord, PodRecord } from "./pod-state.ts";

/** What a pod's last status computation saw and which API status it matched. */
export interface StatusMemo {
  /** Every record field buildStatus reads, flattened (objects by identity; none is changed in place). */
  inputs: unknown[];
  /** The API status known to equal what those inputs build (the one compared equal, or the one written). */
  matched: PodStatus | undefined;
}

/** Start an empty memo. */
export function newStatusMemo(): StatusMemo {
  return { inputs: [], matched: undefined };
}

// Writes v at i; returns whether it was there already.
function put(inputs: unknown[], i: number, v: unknown): boolean {
  if (i < inputs.length && inputs[i] === v) return true;
  inputs[i] = v;
  return false;
}

function putContainer(inputs: unknown[], i: number, c: ContainerRecord): boolean {
  // `put` comes first in each `&&` so that every slot is refreshed even after a difference.
  let same = put(inputs, i, c.name);
  same = put(inputs, i + 1, c.image) && same;
  same = put(inputs, i + 2, c.imageRef) && same;
  same = put(inputs, i + 3, c.imageID) && same;
  same = put(inputs, i + 4, c.id) && same;
  same = put(inputs, i + 5, c.state) && same;
  same = put(inputs, i + 6, c.reason) && same;
  same = put(inputs, i + 7, c.message) && same;
  same = put(inputs, i + 8, c.exitCode) && same;
  same = put(inputs, i + 9, c.startedAt) && same;
  same = put(inputs, i + 10, c.finishedAt) && same;
  same = put(inputs, i + 11, c.restartCount) && same;
  same = put(inputs, i + 12, c.last) && same;
  same = put(inputs, i + 13, c.ready) && same;
  same = put(inputs, i + 14, c.init) && same;
  same = put(inputs, i + 15, c.sidecar) && same;
  same = put(inputs, i + 16, c.started) && same;
  return same;
}
const PER_CONTAINER = 17;

/** Record the record's current status inputs in the memo; true when they are the ones recorded last time. */
export function sameStatusInputs(rec: PodRecord, memo: StatusMemo): boolean {
  const inputs = memo.inputs;
  let same = put(inputs, 0, rec.pod.spec);
  same = put(inputs, 1, rec.terminal) && same;
  same = put(inputs, 2, rec.admittedAt) && same;
  same = put(inputs, 3, rec.sandboxReadyAt) && same;
  same = put(inputs, 4, rec.initializedAt) && same;
  same = put(inputs, 5, rec.readyAt) && same;
  same = put(inputs, 6, rec.ip) && same;
  same = put(inputs, 7, rec.inits.length) && same;
  same = put(inputs, 8, rec.containers.length) && same;
  let i = 9;
  for (const c of rec.inits) {
    same = putContainer(inputs, i, c) && same;
    i += PER_CONTAINER;
  }
  for (const c of rec.containers) {
    same = putContainer(inputs, i, c) && same;
    i += PER_CONTAINER;
  }
  if (inputs.length !== i) {
    inputs.length = i;
    same = false;
  }
  return same;
}
