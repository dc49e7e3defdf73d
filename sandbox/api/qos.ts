// A pod's QoS class, as Kubernetes' core helper computes it (pkg/apis/core/helper/qos ComputePodQOS): the API
// server stores it at create, and the kubelet and kubectl read the same answer.

import { parseQuantity } from "../util/quantity.ts";
import type { Container, Pod } from "./types.ts";

const TRACKED = ["cpu", "memory"];

// Sum the positive cpu/memory quantities of a requests or limits list into `into`; return the names seen.
function addPositive(into: Map<string, number>, list: Record<string, unknown> | undefined): Set<string> {
  const seen = new Set<string>();
  for (const name of TRACKED) {
    const v = parseQuantity(list?.[name]);
    if (v === undefined || v <= 0) continue;
    into.set(name, (into.get(name) ?? 0) + v);
    seen.add(name);
  }
  return seen;
}

/** Compute Guaranteed, Burstable or BestEffort from the pod's containers and init containers. */
export function computePodQOS(pod: Pod): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers: Container[] = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of containers) {
    addPositive(requests, c.resources?.requests);
    if (addPositive(limits, c.resources?.limits).size !== TRACKED.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

/** Return the pod's stored QoS class, or compute it (an object that never went through the server). */
export function podQOS(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod);
}
