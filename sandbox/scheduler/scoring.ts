// Score plugins: higher is better, each in [0, 100], summed with kube-scheduler's default weights.
import type { Pod } from "../api/types.ts";
import { type NodeInfo, podRequests } from "./node-info.ts";

/** NodeResourcesFit (LeastAllocated): prefer nodes with more free cpu and memory after placing the pod. */
export function leastAllocated(pod: Pod, ni: NodeInfo): number {
  // Pods without requests count as 100m cpu and 200Mi memory here, as the scheduler's non-zero defaults do.
  const r = podRequests(pod);
  const cpu = ni.requestedCPU + (r.cpu || 100);
  const mem = ni.requestedMemory + (r.memory || 200 * 2 ** 20);
  const fc = ni.allocCPU() > 0 ? Math.max(0, (ni.allocCPU() - cpu) / ni.allocCPU()) : 0;
  const fm = ni.allocMemory() > 0 ? Math.max(0, (ni.allocMemory() - mem) / ni.allocMemory()) : 0;
  return Math.floor(((fc + fm) / 2) * 100);
}

/** Spreading: prefer nodes holding fewer pods of the same controller (default topology spread). */
export function spread(pod: Pod, ni: NodeInfo, maxSame: number): number {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
  if (!owner || maxSame === 0) return 100;
  const same = ni.owners.get(owner) ?? 0;
  return Math.floor(((maxSame - same) / maxSame) * 100);
}

/** Score a node for a pod (spread weighs double, as PodTopologySpread's default weight does). */
export function score(pod: Pod, ni: NodeInfo, maxSame: number): number {
  return leastAllocated(pod, ni) + 2 * spread(pod, ni, maxSame);
}
