// The namespace controller: empties a Terminating namespace, then removes its `kubernetes` finalizer.
import { RESOURCES } from "../api/resources.ts";
import type { Namespace } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { InformerFactory } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";

/** The namespace controller. */
export class NamespaceController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly informers: InformerFactory;

  constructor(api: ApiServer, informers: InformerFactory) {
    this.api = api;
    this.informers = informers;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    informers.for<Namespace>("namespaces").on({
      add: (n) => n.metadata.deletionTimestamp && this.queue.add(n.metadata.name!),
      update: (_o, n) => n.metadata.deletionTimestamp && this.queue.add(n.metadata.name!),
    });
  }

  /** Delete everything in a terminating namespace; finalize it once nothing is left. */
  reconcile(name: string): void {
    const ns = this.informers.for<Namespace>("namespaces").get(name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const rt of RESOURCES) {
      if (!rt.namespaced) continue;
      const items = this.api.list(rt.plural, { namespace: name }).items;
      remaining += items.length;
      for (const o of items) {
        if (o.metadata.deletionTimestamp) continue;
        try {
          this.api.delete(rt.plural, name, o.metadata.name!, { propagationPolicy: "Background" });
        } catch {
          // Gone already.
        }
      }
    }
    if (remaining > 0) {
      // Pods take their grace period to go; look again shortly, as the real controller requeues.
      this.queue.addAfter(name, 1000);
      return;
    }
    const done = clone(ns);
    done.spec = { ...(done.spec ?? {}), finalizers: [] };
    try {
      this.api.updateStatus("namespaces", done);
    } catch {
      this.queue.addAfter(name, 1000);
    }
  }
}
