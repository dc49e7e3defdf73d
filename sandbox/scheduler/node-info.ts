// The scheduler's per-node snapshot: what is allocatable and what the pods on it already request.
import { controllerOf } from "../api/owners.ts";
import type { Node, Pod, Taint } from "../api/types.ts";
import { bytes, milliCPU } from "../util/quantity.ts";
import { NodeTable } from "./node-table.ts";
import type { OwnerSpread } from "./owner-spread.ts";

/** Requests of one pod, summed over its containers (init containers take the max, as kube-scheduler does). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  // Not memoized: summing a pod's few containers is cheaper than a WeakMap entry per pod object, and the
  // filters and scores read the sum once per scheduling attempt (PodFacts).
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers ?? []) {
    cpu += milliCPU(c.resources?.requests?.cpu);
    memory += bytes(c.resources?.requests?.memory);
  }
  for (const c of pod.spec.initContainers ?? []) {
    cpu = Math.max(cpu, milliCPU(c.resources?.requests?.cpu));
    memory = Math.max(memory, bytes(c.resources?.requests?.memory));
  }
  return { cpu, memory };
}

/** The uid of the pod's controller, if it has one. */
export function ownerUid(pod: Pod): string | undefined {
  return controllerOf(pod)?.uid;
}

/** A node plus the load already placed on it. */
export class NodeInfo {
  private current!: Node;
  // The scheduler's pods-per-owner counts, shared by all its nodes.
  private readonly spread: OwnerSpread;
  // The numbers filters and scores read live in the table, at this node's position in the scheduling order.
  private readonly table: NodeTable;
  /** This node's position in the table (the scheduler moves it down when an earlier node goes). */
  slot: number;
  /** The node's spec.unschedulable and spec.taints, kept here so filtering a node reads one object. */
  unschedulable = false;
  taints: Taint[] | undefined = undefined;

  constructor(node: Node, spread: OwnerSpread, table: NodeTable = new NodeTable()) {
    this.spread = spread;
    this.table = table;
    this.slot = table.add();
    this.node = node;
  }

  /** The node as last seen. */
  get node(): Node {
    return this.current;
  }

  set node(n: Node) {
    const t = this.table;
    const at = this.slot;
    const a = n.status?.allocatable;
    // Allocatable is parsed when the node is set: filters and scores read it for every pod on every node.
    if (!this.current || a !== this.current.status?.allocatable) {
      t.allocCPU[at] = milliCPU(a?.cpu);
      t.allocMemory[at] = bytes(a?.memory);
      t.allocPods[at] = Number(a?.pods ?? 110);
      t.forgetScore(at);
    }
    this.current = n;
    this.unschedulable = !!n.spec?.unschedulable;
    this.taints = n.spec?.taints;
    t.plain[at] = !this.unschedulable && !this.taints ? 1 : 0;
  }

  /** Requested cpu of the pods placed here, in millicores. */
  get requestedCPU(): number {
    return this.table.reqCPU[this.slot];
  }

  /** Requested memory of the pods placed here, in bytes. */
  get requestedMemory(): number {
    return this.table.reqMemory[this.slot];
  }

  /** Pods placed here. */
  get pods(): number {
    return this.table.pods[this.slot];
  }

  /** Allocatable cpu in millicores. */
  allocCPU(): number {
    return this.table.allocCPU[this.slot];
  }

  /** Allocatable memory in bytes. */
  allocMemory(): number {
    return this.table.allocMemory[this.slot];
  }

  /** Allocatable pod slots. */
  allocPods(): number {
    return this.table.allocPods[this.slot];
  }

  /** Account a pod placed on this node (sign -1 removes it). */
  account(pod: Pod, sign: 1 | -1): void {
    const r = podRequests(pod);
    const t = this.table;
    t.reqCPU[this.slot] += sign * r.cpu;
    t.reqMemory[this.slot] += sign * r.memory;
    t.pods[this.slot] += sign;
    t.forgetScore(this.slot);
    // Spreading counts no terminating pod (PodTopologySpread skips them); their requests still hold the node.
    if (!pod.metadata.deletionTimestamp) this.accountOwner(pod, sign);
  }

  /** Count a pod, or stop counting it (-1), among its controller's pods on this node. */
  accountOwner(pod: Pod, sign: 1 | -1): void {
    const owner = ownerUid(pod);
    if (owner) this.spread.add(owner, this, sign);
  }
}
