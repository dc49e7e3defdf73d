// Pods per controller per node, for spreading replicas. Kept by owner (not by node) so that scoring a pod
// visits only the nodes holding its siblings instead of looking its owner up on every feasible node.
import type { NodeInfo } from "./node-info.ts";

/** Counts of each controller's pods on each node (terminating pods left out). */
export class OwnerSpread {
  private readonly byOwner = new Map<string, Map<NodeInfo, number>>();

  /** Count a pod of `owner` on `ni`, or stop counting one (-1). */
  add(owner: string, ni: NodeInfo, sign: 1 | -1): void {
    let counts = this.byOwner.get(owner);
    const n = (counts?.get(ni) ?? 0) + sign;
    if (n <= 0) {
      if (!counts) return;
      counts.delete(ni);
      if (counts.size === 0) this.byOwner.delete(owner);
      return;
    }
    if (!counts) {
      counts = new Map();
      this.byOwner.set(owner, counts);
    }
    counts.set(ni, n);
  }

  /** The nodes holding pods of `owner`, with how many each. */
  of(owner: string): ReadonlyMap<NodeInfo, number> | undefined {
    return this.byOwner.get(owner);
  }

  /** Drop a node's counts (the node is gone). */
  forget(ni: NodeInfo): void {
    for (const [owner, counts] of this.byOwner)
      if (counts.delete(ni) && counts.size === 0) this.byOwner.delete(owner);
  }
}
