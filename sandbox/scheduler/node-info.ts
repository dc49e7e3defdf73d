// The scheduler's per-node snapshot: what is allocatable and what the pods on it already request.
import { controllerOf } from "../api/owners.ts";
import type { Node, Pod, Taint } from "../api/types.ts";
import { bytes, milliCPU } from "../util/quantity.ts";
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
  requestedCPU = 0;
  requestedMemory = 0;
  pods = 0;
  // The scheduler's pods-per-owner counts, shared by all its nodes.
  private readonly spread: OwnerSpread;
  /** The count of the owner being scored on this node, valid while `sameStamp` is the pick's stamp. */
  sameCount = 0;
  sameStamp = 0;
  // Allocatable is parsed when the node is set: filters and scores read it for every pod on every node.
  private cpu = 0;
  private memory = 0;
  private slots = 0;
  /** The node's spec.unschedulable and spec.taints, kept here so filtering a node reads one object. */
  unschedulable = false;
  taints: Taint[] | undefined = undefined;

  constructor(node: Node, spread: OwnerSpread) {
    this.node = node;
    this.spread = spread;
  }

  /** The node as last seen. */
  get node(): Node {
    return this.current;
  }

  set node(n: Node) {
    const a = n.status?.allocatable;
    if (!this.current || a !== this.current.status?.allocatable) {
      this.cpu = milliCPU(a?.cpu);
      this.memory = bytes(a?.memory);
      this.slots = Number(a?.pods ?? 110);
    }
    this.current = n;
    this.unschedulable = !!n.spec?.unschedulable;
    this.taints = n.spec?.taints;
  }

  /** Allocatable cpu in millicores. */
  allocCPU(): number {
    return this.cpu;
  }

  /** Allocatable memory in bytes. */
  allocMemory(): number {
    return this.memory;
  }

  /** Allocatable pod slots. */
  allocPods(): number {
    return this.slots;
  }

  /** Account a pod placed on this node (sign -1 removes it). */
  account(pod: Pod, sign: 1 | -1): void {
    const r = podRequests(pod);
    this.requestedCPU += sign * r.cpu;
    this.requestedMemory += sign * r.memory;
    this.pods += sign;
    // Spreading counts no terminating pod (PodTopologySpread skips them); their requests still hold the node.
    if (!pod.metadata.deletionTimestamp) this.accountOwner(pod, sign);
  }

  /** Count a pod, or stop counting it (-1), among its controller's pods on this node. */
  accountOwner(pod: Pod, sign: 1 | -1): void {
    const owner = ownerUid(pod);
    if (owner) this.spread.add(owner, this, sign);
  }
}
