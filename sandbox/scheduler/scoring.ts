// Score plugins: higher is better, each in [0, 100], summed with kube-scheduler's default weights.
import type { PodFacts } from "./filters.ts";
import type { NodeTable } from "./node-table.ts";

/** NodeResourcesFit (LeastAllocated): prefer nodes with more free cpu and memory after placing the pod. */
function leastAllocated(f: PodFacts, t: NodeTable, at: number): number {
  // Pods without requests count as 100m cpu and 200Mi memory here, as the scheduler's non-zero defaults do.
  const podCPU = f.cpu || 100;
  const podMemory = f.memory || 200 * 2 ** 20;
  // The node's last score still holds while its load is unchanged and the pod asks for the same amounts
  // (the table forgets it when either changes): most nodes score most pods of a workload alike.
  if (t.laCPU[at] === podCPU && t.laMemory[at] === podMemory) return t.la[at];
  const cpu = t.reqCPU[at] + podCPU;
  const mem = t.reqMemory[at] + podMemory;
  const allocCPU = t.allocCPU[at];
  const allocMemory = t.allocMemory[at];
  const fc = allocCPU > 0 ? Math.max(0, (allocCPU - cpu) / allocCPU) : 0;
  const fm = allocMemory > 0 ? Math.max(0, (allocMemory - mem) / allocMemory) : 0;
  const score = Math.floor(((fc + fm) / 2) * 100);
  t.la[at] = score;
  t.laCPU[at] = podCPU;
  t.laMemory[at] = podMemory;
  return score;
}

/** Spreading: prefer nodes holding fewer pods (`same`) of the pod's controller (default topology spread). */
export function spread(f: PodFacts, same: number, maxSame: number): number {
  // No siblings here scores (maxSame - 0) / maxSame, exactly 1: the full 100 without dividing.
  if (!f.owner || maxSame === 0 || same === 0) return 100;
  return Math.floor(((maxSame - same) / maxSame) * 100);
}

/** Score the node at `at` for a pod (spread weighs double, as PodTopologySpread's default weight does). */
export function score(f: PodFacts, t: NodeTable, at: number, maxSame: number, same: number): number {
  return leastAllocated(f, t, at) + 2 * spread(f, same, maxSame);
}
