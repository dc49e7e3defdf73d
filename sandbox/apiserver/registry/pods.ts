// The pod registry's own steps: the strategy's create step (pkg/registry/core/pod/strategy.go
// PrepareForCreate) and the binding subresource's change to the pod (storage.go assignPod).
import { computePodQOS } from "../../api/qos.ts";
import type { KubeObject, Pod } from "../../api/types.ts";
import { conflictMessage } from "../errors.ts";

/** Replace whatever status a new pod carries with the one every pod starts from: Pending, and its QoS class. */
export function preparePod(obj: KubeObject): void {
  const pod = obj as Pod;
  pod.status = { phase: "Pending", qosClass: computePodQOS(pod) };
}

/**
 * The pod the pods/binding subresource stores: spec.nodeName and a PodScheduled condition set at `now`. A pod
 * already bound or being deleted is a Conflict, worded as the real registry words it.
 */
export function boundPod(cur: Pod, nodeName: string, now: string): Pod {
  const name = cur.metadata.name ?? "";
  if (cur.metadata.deletionTimestamp)
    throw conflictMessage(name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (cur.spec.nodeName)
    throw conflictMessage(name, `pod ${name} is already assigned to node "${cur.spec.nodeName}"`);
  // Only spec.nodeName and the status change: the rest is shared with the stored object, which is never
  // changed in place (keys keep their order, as a copy-then-set would leave them).
  const status = cur.status ?? {};
  const conds = (status.conditions ?? []).filter((c) => c.type !== "PodScheduled");
  conds.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: now });
  return {
    ...cur,
    spec: { ...cur.spec, nodeName },
    status: { ...status, conditions: conds, phase: status.phase ?? "Pending" },
  };
}
