// The QoS class kubectl shows for a pod (k8s.io/kubectl/pkg/util/qos).
import type { Container, Pod } from "../../api/types.ts";
import { parseQuantity } from "./quantity.ts";

const TRACKED = ["cpu", "memory"];

/** Return status.qosClass, or compute Guaranteed / Burstable / BestEffort from the containers. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Container[] = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const addPositive = (
    into: Map<string, bigint>,
    list: Record<string, string> | undefined,
    seen?: Set<string>,
  ) => {
    for (const [name, value] of Object.entries(list ?? {})) {
      const milli = parseQuantity(value).milli;
      if (!TRACKED.includes(name) || milli <= 0n) continue;
      into.set(name, (into.get(name) ?? 0n) + milli);
      seen?.add(name);
    }
  };
  for (const c of containers) {
    addPositive(requests, c.resources?.requests);
    const seen = new Set<string>();
    addPositive(limits, c.resources?.limits, seen);
    if (seen.size !== TRACKED.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}
