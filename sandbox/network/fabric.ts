// The wire between nodes: node IPs on the underlay and flannel's VTEPs on the VXLAN overlay.
import type { NodeNetwork } from "./node-network.ts";

/** Every node's network, reachable by name, underlay IP or VTEP address. */
export class Fabric {
  private readonly byName = new Map<string, NodeNetwork>();
  private readonly vteps = new Map<string, { node: NodeNetwork; mac: string }>();
  /** The pod CIDR of the whole cluster (flannel's Network). */
  readonly clusterCIDR: string;

  constructor(clusterCIDR: string) {
    this.clusterCIDR = clusterCIDR;
  }

  /** Attach a node to the underlay. */
  add(node: NodeNetwork): void {
    this.byName.set(node.name, node);
  }

  /** Find a node by name. */
  node(name: string): NodeNetwork | undefined {
    return this.byName.get(name);
  }

  /** Every node, in join order. */
  nodes(): NodeNetwork[] {
    return [...this.byName.values()];
  }

  /** Find the node that owns an underlay address. */
  byIp(ip: string): NodeNetwork | undefined {
    return this.nodes().find((n) => n.ip === ip);
  }

  /** Publish a node's VTEP (flanneld does this through the node's annotations). */
  addVtep(address: string, node: NodeNetwork, mac: string): void {
    this.vteps.set(address, { node, mac });
  }

  /** Find which node answers for a VTEP address, as the flannel.1 fdb does. */
  vtep(address: string): { node: NodeNetwork; mac: string } | undefined {
    return this.vteps.get(address);
  }
}
