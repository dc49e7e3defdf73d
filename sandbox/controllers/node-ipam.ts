// The node IPAM controller (--allocate-node-cidrs): gives each node a /24 from the cluster CIDR.
import type { Node } from "../api/types.ts";
import { numberToIp, parseCidr } from "../apiserver/allocators.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { InformerFactory } from "../client/informer.ts";

/** Allocates node pod CIDRs in registration order. */
export class NodeIpamController {
  private readonly api: ApiServer;
  private readonly base: number;
  private readonly count: number;
  private readonly used = new Set<number>();
  private readonly byNode = new Map<string, number>();
  private readonly indexes = new Map<string, number>();

  constructor(api: ApiServer, informers: InformerFactory, clusterCIDR: string, maskSize = 24) {
    this.api = api;
    const { base, bits } = parseCidr(clusterCIDR);
    this.base = base;
    this.count = 2 ** (maskSize - bits);
    informers.for<Node>("nodes").on({
      add: (n) => this.assign(n),
      update: (_o, n) => this.assign(n),
      delete: (n) => this.release(n),
    });
  }

  private index(cidr: string): number {
    // Every node heartbeat comes back through assign: parse each node's range once.
    let i = this.indexes.get(cidr);
    if (i === undefined) {
      i = (parseCidr(cidr).base - this.base) / 256;
      this.indexes.set(cidr, i);
    }
    return i;
  }

  private assign(n: Node): void {
    if (n.spec.podCIDR) {
      const i = this.index(n.spec.podCIDR);
      this.used.add(i);
      this.byNode.set(n.metadata.name!, i);
      return;
    }
    // The write below comes back as an update before the cache shows it: allocate once per node.
    if (this.byNode.has(n.metadata.name!)) return;
    let i = 0;
    while (this.used.has(i) && i < this.count) i++;
    if (i >= this.count) return;
    this.used.add(i);
    this.byNode.set(n.metadata.name!, i);
    const cidr = `${numberToIp(this.base + i * 256)}/24`;
    try {
      this.api.mutate<Node>("nodes", undefined, n.metadata.name!, (o) => {
        if (o.spec.podCIDR) return false;
        o.spec.podCIDR = cidr;
        o.spec.podCIDRs = [cidr];
        return true;
      });
    } catch {
      this.used.delete(i);
      this.byNode.delete(n.metadata.name!);
    }
  }

  private release(n: Node): void {
    if (n.spec.podCIDR) this.used.delete(this.index(n.spec.podCIDR));
    this.byNode.delete(n.metadata.name!);
  }
}
