// The clusterrole-aggregation controller: a ClusterRole with an aggregationRule (admin, edit, view, or a
// user's own) holds the rules of every ClusterRole its selectors match, kept up to date as those change.

import type { RoleObject } from "../api/types.ts";
import { aggregatedRules, sameRules } from "../apiserver/rbac/bootstrap/aggregate.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { InformerFactory } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";

/** Keeps aggregated ClusterRoles' rules equal to the union of the roles they select. */
export class ClusterRoleAggregationController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly aggregators = new Set<string>();

  constructor(api: ApiServer, informers: InformerFactory) {
    this.api = api;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    const changed = (r: RoleObject) => {
      const name = r.metadata.name ?? "";
      if (r.aggregationRule) this.aggregators.add(name);
      else this.aggregators.delete(name);
      // Any change may matter to any aggregator: the real controller requeues them all too.
      for (const a of this.aggregators) this.queue.add(a);
    };
    informers.for<RoleObject>("clusterroles").on({
      add: changed,
      update: (_, r) => changed(r),
      delete: (r) => {
        this.aggregators.delete(r.metadata.name ?? "");
        for (const a of this.aggregators) this.queue.add(a);
      },
    });
  }

  /** Recompute one aggregated ClusterRole's rules and write them if they differ. */
  reconcile(name: string): void {
    const role = this.api.tryGet<RoleObject>("clusterroles", undefined, name);
    if (!role?.aggregationRule) return;
    const rules = aggregatedRules(role, this.api.list<RoleObject>("clusterroles").items);
    if (sameRules(rules, role.rules)) return;
    try {
      this.api.mutate<RoleObject>("clusterroles", undefined, name, (r) => {
        r.rules = clone(rules);
        return true;
      });
    } catch {
      // Deleted meanwhile.
    }
  }
}
