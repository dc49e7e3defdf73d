// kubectl describe node.
import type { Event, Lease, Node, Pod } from "../../api/types.ts";
import { rfc1123z } from "./duration.ts";
import { describeEvents } from "./events.ts";
import { cmp, printAnnotations, printLabels, printTaints } from "./multiline.ts";
import { describeNodeResources } from "./node-resources.ts";
import { canonical } from "./quantity.ts";
import { type DescribeWriter, tabbedString } from "./writer.ts";

const ROLE_PREFIX = "node-role.kubernetes.io/";

/** List a node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort(cmp);
}

/** Describe a node given its non-terminated pods and its lease (null: the lease lookup failed). */
export function describeNode(
  node: Node,
  pods: Pod[],
  lease: Lease | null,
  events: Event[] | null,
  now: number,
): string {
  return tabbedString((w) => {
    const status = node.status ?? {};
    w.write(0, `Name:\t${node.metadata.name ?? ""}\n`);
    const roles = nodeRoles(node);
    w.write(0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
    printLabels(w, "Labels", node.metadata.labels);
    printAnnotations(w, "Annotations", node.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaints(w, "Taints", node.spec.taints);
    w.write(0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
    describeLease(w, node.metadata.name ?? "", lease);
    if (status.conditions && status.conditions.length > 0) {
      w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of status.conditions) {
        w.write(
          1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t` +
            `${c.reason ?? ""} \t${c.message ?? ""}\n`,
        );
      }
    }
    w.write(0, "Addresses:\n");
    for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [
      ["Capacity", status.capacity],
      ["Allocatable", status.allocatable],
    ] as const) {
      if (!list || Object.keys(list).length === 0) continue;
      w.write(0, `${title}:\n`);
      for (const name of Object.keys(list).sort(cmp)) w.write(0, `  ${name}:\t${canonical(list[name])}\n`);
    }
    const info = status.nodeInfo;
    w.write(0, "System Info:\n");
    w.write(0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
    w.write(0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
    w.write(0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
    w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
    w.write(0, `  OS Image:\t${info?.osImage ?? ""}\n`);
    w.write(0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
    w.write(0, `  Architecture:\t${info?.architecture ?? ""}\n`);
    w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
    w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ""}\n`);
    if (node.spec.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec.podCIDRs && node.spec.podCIDRs.length > 0)
      w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}\n`);
    if (node.spec.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResources(w, pods, node, now);
    if (events) describeEvents(w, events, now);
  });
}

function describeLease(w: DescribeWriter, nodeName: string, lease: Lease | null): void {
  if (!lease) {
    // The model's stand-in for the NotFound error text kubectl embeds here.
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${nodeName}" not found\n`);
    return;
  }
  w.write(0, "Lease:\n");
  w.write(1, `HolderIdentity:\t${lease.spec.holderIdentity ?? "<unset>"}\n`);
  w.write(1, `AcquireTime:\t${lease.spec.acquireTime ? rfc1123z(lease.spec.acquireTime) : "<unset>"}\n`);
  w.write(1, `RenewTime:\t${lease.spec.renewTime ? rfc1123z(lease.spec.renewTime) : "<unset>"}\n`);
}
