// The scheduler's per-node snapshot: what is allocatable and what the pods on it already request.
import type { Node, Pod } from "../api/types.ts";
import { bytes, milliCPU } from "../util/quantity.ts";

/** Requests of one pod, summed over its containers (init containers take the max, as kube-scheduler does). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  // Filters and scores ask once per candidate node; cached objects never change, so compute once.
  let r = requestsOf.get(pod);
  if (!r) {
    r = sumRequests(pod);
    requestsOf.set(pod, r);
  }
  return r;
}

const requestsOf = new WeakMap<Pod, { cpu: number; memory: number }>();

function sumRequests(pod: Pod): { cpu: number; memory: number } {
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

/** A node plus the load already placed on it. */
export class NodeInfo {
  node: Node;
  requestedCPU = 0;
  requestedMemory = 0;
  pods = 0;
  /** Pods per owner uid, used to spread replicas of one controller. */
  readonly owners = new Map<string, number>();

  constructor(node: Node) {
    this.node = node;
  }

  /** Allocatable cpu in millicores. */
  allocCPU(): number {
    return milliCPU(this.node.status?.allocatable?.cpu);
  }

  /** Allocatable memory in bytes. */
  allocMemory(): number {
    return bytes(this.node.status?.allocatable?.memory);
  }

  /** Allocatable pod slots. */
  allocPods(): number {
    return Number(this.node.status?.allocatable?.pods ?? 110);
  }

  /** Account a pod placed on this node (sign -1 removes it). */
  account(pod: Pod, sign: 1 | -1): void {
    const r = podRequests(pod);
    this.requestedCPU += sign * r.cpu;
    this.requestedMemory += sign * r.memory;
    this.pods += sign;
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
    if (owner) {
      const n = (this.owners.get(owner) ?? 0) + sign;
      if (n <= 0) this.owners.delete(owner);
      else this.owners.set(owner, n);
    }
  }
}
