// Not modelled from kube-proxy v1.32 iptables mode: conntrack cleanup, partial syncs, session affinity (-m recent), topology hints, loadBalancerSourceRanges (KUBE-FW-), healthCheckNodePort, nfacct counters, --nodeport-addresses, large-cluster mode, IPv6/dual-stack, and the ipvs and nftables modes.
import type { EndpointSlice, Service } from "../api/types.ts";
import { sharedRule } from "../node/iptables/parse-rule.ts";
import type { ChainSpec, Rule } from "../node/iptables/types.ts";
import { type ServicePortInfo, servicePorts } from "./endpoints.ts";
import { fixedRules } from "./fixed-rules.ts";
import type { PortMemo } from "./port-memo.ts";
import { writer, writeServicePort } from "./service-rules.ts";

export interface SyncInput {
  services: Service[];
  endpointSlices: EndpointSlice[];
  nodeName: string;
  /** The node's addresses (kept for callers; rules use `-m addrtype --dst-type LOCAL` instead). */
  nodeIPs: string[];
  /** The pod CIDR kube-proxy's local-traffic detector uses; empty disables the `! -s` masquerade rule. */
  clusterCIDR: string;
  masqueradeAll?: boolean;
  /** Bit of the masquerade mark (default 14, i.e. 0x4000). */
  masqueradeBit?: number;
}

/** A jump rule kube-proxy ensures in a built-in chain (EnsureRule with Prepend). */
export interface JumpRule {
  table: "filter" | "nat";
  chain: string;
  rule: Rule;
}

/** Everything one kube-proxy sync writes to a node's iptables. */
export interface ProxyRules {
  /** Ensured in this order, each prepended when missing, so later ones end up first. */
  jumps: JumpRule[];
  /** The `*filter` part of the iptables-restore --noflush input. */
  filter: ChainSpec[];
  /** The `*nat` part of the iptables-restore --noflush input. */
  nat: ChainSpec[];
}

/** The empty chain kube-proxy creates in mangle, nat and filter to notice when iptables is flushed. */
export const CANARY_CHAIN = "KUBE-PROXY-CANARY";

const NEW = ["-m", "conntrack", "--ctstate", "NEW"];
const JUMPS: [JumpRule["table"], string, string, string, string[]][] = [
  ["filter", "KUBE-EXTERNAL-SERVICES", "INPUT", "kubernetes externally-visible service portals", NEW],
  ["filter", "KUBE-EXTERNAL-SERVICES", "FORWARD", "kubernetes externally-visible service portals", NEW],
  ["filter", "KUBE-NODEPORTS", "INPUT", "kubernetes health check service ports", []],
  ["filter", "KUBE-SERVICES", "FORWARD", "kubernetes service portals", NEW],
  ["filter", "KUBE-SERVICES", "OUTPUT", "kubernetes service portals", NEW],
  ["filter", "KUBE-FORWARD", "FORWARD", "kubernetes forwarding rules", []],
  ["filter", "KUBE-PROXY-FIREWALL", "INPUT", "kubernetes load balancer firewall", NEW],
  ["filter", "KUBE-PROXY-FIREWALL", "OUTPUT", "kubernetes load balancer firewall", NEW],
  ["filter", "KUBE-PROXY-FIREWALL", "FORWARD", "kubernetes load balancer firewall", NEW],
  ["nat", "KUBE-SERVICES", "OUTPUT", "kubernetes service portals", []],
  ["nat", "KUBE-SERVICES", "PREROUTING", "kubernetes service portals", []],
  ["nat", "KUBE-POSTROUTING", "POSTROUTING", "kubernetes postrouting rules", []],
  // Copies of kubelet's own jumps; on a real node kubelet created them first, so they stay last.
  ["filter", "KUBE-FIREWALL", "INPUT", "", []],
  ["filter", "KUBE-FIREWALL", "OUTPUT", "", []],
];

let jumpList: JumpRule[] | undefined;

// The jumps never vary: every sync shares one list (the model stores copies of its rules).
function jumpRules(): JumpRule[] {
  jumpList ??= JUMPS.map(([table, dst, chain, comment, extra]) => ({
    table,
    chain,
    rule: sharedRule([...extra, ...(comment ? ["-m", "comment", "--comment", comment] : []), "-j", dst]),
  }));
  return jumpList;
}

function compare(a: ServicePortInfo, b: ServicePortInfo): number {
  const ka = `${a.spn}\u0000${a.protocol}`;
  const kb = `${b.spn}\u0000${b.protocol}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// Each service's IPv4 EndpointSlices, by namespace and name (the only slices endpointsFor reads for its ports).
function slicesByService(slices: EndpointSlice[]): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const name = slice.metadata.labels?.["kubernetes.io/service-name"];
    const ns = slice.metadata.namespace;
    if (ns === undefined || name === undefined || slice.addressType !== "IPv4") continue;
    const key = `${ns}\u0000${name}`;
    const list = out.get(key);
    if (list) list.push(slice);
    else out.set(key, [slice]);
  }
  return out;
}

const NO_SLICES: EndpointSlice[] = [];

/**
 * Build the rules one full kube-proxy (v1.32, iptables mode) sync programs on a node. With a node's
 * `memo`, service ports whose Service object and endpoints are as last time replay their rules.
 */
export function buildNatRules(input: SyncInput, memo?: PortMemo): ProxyRules {
  const mark = `0x${(1 << (input.masqueradeBit ?? 14)).toString(16)}`;
  const filter = writer();
  const nat = writer();
  for (const c of [
    "KUBE-SERVICES",
    "KUBE-EXTERNAL-SERVICES",
    "KUBE-FORWARD",
    "KUBE-NODEPORTS",
    "KUBE-PROXY-FIREWALL",
  ])
    filter.chain(c);
  for (const c of ["KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ"]) nat.chain(c);
  const fixed = fixedRules(mark);
  nat.add("KUBE-POSTROUTING", fixed.postroutingReturn);
  nat.add("KUBE-POSTROUTING", fixed.postroutingXor);
  nat.add("KUBE-POSTROUTING", fixed.postroutingMasquerade);
  nat.add("KUBE-MARK-MASQ", fixed.markMasq);
  // --iptables-localhost-nodeports defaults to true, so kube-proxy owns this copy of kubelet's rule too.
  filter.add("KUBE-FIREWALL", fixed.localnetGuard);

  // Real kube-proxy walks a Go map here, so rule order in KUBE-SERVICES varies; the model sorts by port name.
  const ports = input.services.flatMap((s) => (memo ? memo.portsOf(s) : servicePorts(s))).sort(compare);
  const slices = slicesByService(input.endpointSlices);
  for (const info of ports) {
    const own = slices.get(`${info.namespace}\u0000${info.name}`) ?? NO_SLICES;
    if (memo) memo.write(info, own, input, filter, nat);
    else writeServicePort(info, input, filter, nat, own);
  }

  nat.add("KUBE-SERVICES", fixed.nodePorts);
  filter.add("KUBE-FORWARD", fixed.forwardInvalid);
  filter.add("KUBE-FORWARD", fixed.forwardMarked);
  filter.add("KUBE-FORWARD", fixed.forwardTracked);
  return { jumps: jumpRules(), filter: filter.specs(), nat: nat.specs() };
}

/** Run buildNatRules `iterations` times with an injected clock and report the elapsed time and rule count. */
export function measureSync(
  input: SyncInput,
  options: { iterations: number; now: () => number },
): { ms: number; rules: number } {
  const start = options.now();
  let result = buildNatRules(input);
  for (let i = 1; i < options.iterations; i++) result = buildNatRules(input);
  const rules =
    [...result.filter, ...result.nat].reduce((n, c) => n + c.rules.length, 0) + result.jumps.length;
  return { ms: options.now() - start, rules };
}
