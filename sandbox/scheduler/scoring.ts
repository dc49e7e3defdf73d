// Score plugins: higher is better, each in [0, 100], summed with kube-scheduler's default weights.
import type { PodFacts } from "./filters.ts";
import type { NodeInfo } from "./node-info.ts";

/** NodeResourcesFit (LeastAllocated): prefer nodes with more free cpu and memory after placing the pod. */
function leastAllocated(f: PodFacts, ni: NodeInfo): number {
  // Pods without requests count as 100m cpu and 200Mi memory here, as the scheduler's non-zero defaults do.
  const cpu = ni.requestedCPU + (f.cpu || 100);
  const mem = ni.requestedMemory + (f.memory || 200 * 2 ** 20);
  const allocCPU = ni.allocCPU();
  const allocMemory = ni.allocMemory();
  const fc = allocCPU > 0 ? Math.max(0, (allocCPU - cpu) / allocCPU) : 0;
  const fm = allocMemory > 0 ? Math.max(0, (allocMemory - mem) / allocMemory) : 0;
  return Math.floor(((fc + fm) / 2) * 100);
}

/** Spreading: prefer nodes holding fewer pods (`same`) of the pod's controller (default topology spread). */
export function spread(f: PodFacts, same: number, maxSame: number): number {
  if (!f.owner || maxSame === 0) return 100;
  return Math.floor(((maxSame - same) / maxSame) * 100);
}

/** Score a node for a pod (spread weighs double, as PodTopologySpread's default weight does). */
export function score(f: PodFacts, ni: NodeInfo, maxSame: number, same: number): number {
  return leastAllocated(f, ni) + 2 * spread(f, same, maxSame);
}
