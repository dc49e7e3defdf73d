// The pod strategy's create step (pkg/registry/core/pod/strategy.go PrepareForCreate).
import { computePodQOS } from "../../api/qos.ts";
import type { KubeObject, Pod } from "../../api/types.ts";

/** Replace whatever status a new pod carries with the one every pod starts from: Pending, and its QoS class. */
export function preparePod(obj: KubeObject): void {
  const pod = obj as Pod;
  pod.status = { phase: "Pending", qosClass: computePodQOS(pod) };
}
