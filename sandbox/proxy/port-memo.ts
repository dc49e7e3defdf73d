// One node's memory of the rules each service port wrote, so a sync after an unrelated change replays them.
import type { EndpointSlice, Service } from "../api/types.ts";
import { sharedRule } from "../node/iptables/parse-rule.ts";
import type { Rule } from "../node/iptables/types.ts";
import { type EndpointInfo, endpointsFor, type ServicePortInfo, servicePorts } from "./endpoints.ts";
import { type Writer, writePortRules } from "./service-rules.ts";
import type { SyncInput } from "./sync.ts";
import { sameItems } from "./unchanged.ts";

/** One writer call: a chain declared, or a rule added, in the filter or nat table. */
interface Op {
  nat: boolean;
  chain: string;
  rule?: Rule;
}

interface Written {
  /** The service's EndpointSlices the endpoints were read from. */
  slices: EndpointSlice[];
  endpoints: EndpointInfo[];
  clusterCIDR: string;
  masqueradeAll: boolean;
  ops: Op[];
}

function recorder(to: Writer, nat: boolean, ops: Op[]): Writer {
  const w: Writer = {
    chain(chain) {
      ops.push({ nat, chain });
      to.chain(chain);
    },
    rule(chain, ...args) {
      const rule = sharedRule(args.flat());
      ops.push({ nat, chain, rule });
      to.add(chain, rule);
    },
    add(chain, rule) {
      ops.push({ nat, chain, rule });
      to.add(chain, rule);
    },
    specs: () => to.specs(),
  };
  return w;
}

// Whether an endpoint is on this node only matters to a port with a Local traffic policy
// (categorizeEndpoints reads it for nothing else), so other ports' rules are the same on every node.
function sameEndpoints(a: readonly EndpointInfo[], b: readonly EndpointInfo[], withLocal: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.key !== y.key ||
      x.ip !== y.ip ||
      x.port !== y.port ||
      x.ready !== y.ready ||
      x.serving !== y.serving ||
      x.terminating !== y.terminating ||
      (withLocal && x.local !== y.local)
    )
      return false;
  }
  return true;
}

/**
 * Remember, per Service object (stored API objects are never changed in place), its ports and what each
 * port wrote for the endpoints it last had. One PortMemo may serve all of a cluster's kube-proxies: a port
 * with a Local traffic policy is remembered per node, any other port once for all nodes.
 */
export class PortMemo {
  private readonly ports = new WeakMap<Service, ServicePortInfo[]>();
  private readonly written = new WeakMap<ServicePortInfo, Map<string, Written>>();

  /** The service's proxied ports, the same objects for the same Service object. */
  portsOf(service: Service): ServicePortInfo[] {
    let ports = this.ports.get(service);
    if (!ports) {
      ports = servicePorts(service);
      this.ports.set(service, ports);
    }
    return ports;
  }

  /** Write a port's rules like writeServicePort, replaying the last ones when nothing they depend on changed. */
  write(info: ServicePortInfo, slices: EndpointSlice[], input: SyncInput, filter: Writer, nat: Writer): void {
    const local = info.internalPolicyLocal || info.externalPolicyLocal;
    let byNode = this.written.get(info);
    if (!byNode) {
      byNode = new Map();
      this.written.set(info, byNode);
    }
    const node = local ? input.nodeName : "";
    const last = byNode.get(node);
    const masqueradeAll = !!input.masqueradeAll;
    let endpoints: EndpointInfo[] | undefined;
    if (last && last.clusterCIDR === input.clusterCIDR && last.masqueradeAll === masqueradeAll) {
      // The same slice objects give the same endpoints; other slices may still give equal ones.
      let same = sameItems(last.slices, slices);
      if (!same) {
        endpoints = endpointsFor(info, slices, input.nodeName);
        same = sameEndpoints(last.endpoints, endpoints, local);
        if (same) Object.assign(last, { slices, endpoints });
      }
      if (same) {
        replay(last.ops, filter, nat);
        return;
      }
    }
    endpoints ??= endpointsFor(info, slices, input.nodeName);
    const key = signature(info, endpoints, input.clusterCIDR, masqueradeAll);
    let ops = opsByInput.get(key);
    if (ops) replay(ops, filter, nat);
    else {
      ops = [];
      writePortRules(info, endpoints, input, recorder(filter, false, ops), recorder(nat, true, ops));
      if (opsByInput.size >= 4096) opsByInput.clear();
      opsByInput.set(key, ops);
    }
    byNode.set(node, { slices, endpoints, clusterCIDR: input.clusterCIDR, masqueradeAll, ops });
  }
}

function replay(ops: readonly Op[], filter: Writer, nat: Writer): void {
  for (const op of ops) {
    const w = op.nat ? nat : filter;
    if (op.rule) w.add(op.chain, op.rule);
    else w.chain(op.chain);
  }
}

// Every cluster boots the same services with the same endpoints: a port's writes are a pure function of
// what writePortRules reads, so they are remembered by that text (bounded) and shared between clusters.
const opsByInput = new Map<string, Op[]>();

function signature(
  info: ServicePortInfo,
  endpoints: readonly EndpointInfo[],
  clusterCIDR: string,
  masqueradeAll: boolean,
): string {
  let key = `${info.namespace}\u0000${info.name}\u0000${info.portName}\u0000${info.spn}\u0000${info.protocol}\u0000${info.clusterIP}\u0000${info.port}\u0000${info.nodePort}\u0000${info.externalIPs.join(",")}\u0000${info.loadBalancerIPs.join(",")}\u0000${info.externalPolicyLocal}\u0000${info.internalPolicyLocal}\u0000${clusterCIDR}\u0000${masqueradeAll}`;
  for (const e of endpoints)
    key += `\u0001${e.key}\u0000${e.ip}\u0000${e.port}\u0000${+e.ready}${+e.serving}${+e.terminating}${+e.local}`;
  return key;
}
