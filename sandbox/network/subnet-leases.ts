// flannel's kube subnet manager as the flanneld daemons see it: which node holds which pod subnet.
// Deviation from real flannel: every real flanneld runs its own node informer; the model keeps one shared
// cache and tells each running flanneld about lease changes (N informers over N nodes would cost N² memory
// and N² deliveries of every node status heartbeat).
import type { Node } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { Informer } from "../client/informer.ts";

/** The annotation prefix flanneld writes on its node. */
export const FLANNEL_ANNOTATION = "flannel.alpha.coreos.com/";

/** What a flanneld does when another node's lease appears or goes. */
export interface LeaseListener {
  added(node: string, subnet: string): void;
  removed(node: string, subnet: string): void;
}

/** A node's lease: its pod CIDR, once its own flanneld has published a backend on it. */
function leaseOf(n: Node): string | undefined {
  const cidr = n.spec.podCIDR;
  return cidr && n.metadata.annotations?.[`${FLANNEL_ANNOTATION}backend-type`] ? cidr : undefined;
}

/** The cluster's subnet leases, watched once for every flanneld. */
export class SubnetLeases {
  private readonly informer: Informer<Node>;
  private readonly leases = new Map<string, string>();
  private readonly listeners = new Set<LeaseListener>();

  constructor(api: ApiServer) {
    this.informer = new Informer<Node>(api, "nodes");
    this.informer.on({
      add: (n) => this.observe(n.metadata.name!, leaseOf(n)),
      update: (_o, n) => this.observe(n.metadata.name!, leaseOf(n)),
      delete: (n) => this.observe(n.metadata.name!, undefined),
    });
  }

  /** Follow lease changes; the leases known now are replayed as additions. Returns the unsubscribe. */
  subscribe(l: LeaseListener): () => void {
    this.informer.start();
    this.listeners.add(l);
    for (const [node, subnet] of this.leases) l.added(node, subnet);
    return () => this.listeners.delete(l);
  }

  private observe(node: string, subnet: string | undefined): void {
    const prev = this.leases.get(node);
    if (prev === subnet) return;
    if (subnet) this.leases.set(node, subnet);
    else this.leases.delete(node);
    for (const l of this.listeners) {
      if (prev) l.removed(node, prev);
      if (subnet) l.added(node, subnet);
    }
  }
}
