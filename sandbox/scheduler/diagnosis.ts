// The FailedScheduling message, worded as kube-scheduler v1.32 words it.
import type { FilterFailure } from "./filters.ts";

/** Build `0/3 nodes are available: ... preemption: 0/3 nodes are available: ...`. */
export function failureMessage(total: number, failures: FilterFailure[]): string {
  const reasons = new Map<string, number>();
  let unresolvable = 0;
  let resolvable = 0;
  for (const f of failures) {
    for (const r of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    if (f.resolvable) resolvable++;
    else unresolvable++;
  }
  const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
  const pre: string[] = [];
  if (unresolvable) pre.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (resolvable) pre.push(`${resolvable} No preemption victims found for incoming pod`);
  pre.sort();
  const head =
    total === 0
      ? "no nodes available to schedule pods"
      : `0/${total} nodes are available: ${parts.join(", ")}.`;
  if (total === 0) return head;
  return `${head} preemption: 0/${total} nodes are available: ${pre.join(", ")}.`;
}
