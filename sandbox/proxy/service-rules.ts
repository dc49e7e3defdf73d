// The per-service-port part of a kube-proxy sync: KUBE-SERVICES captures, SVC/SVL/EXT chains and endpoint chains.
import type { EndpointSlice } from "../api/types.ts";
import { sharedRule } from "../node/iptables/parse-rule.ts";
import type { ChainSpec, Rule } from "../node/iptables/types.ts";
import { extChain, sepChain, svcChain, svlChain } from "./chain-names.ts";
import { categorizeEndpoints, type EndpointInfo, endpointsFor, type ServicePortInfo } from "./endpoints.ts";
import type { SyncInput } from "./sync.ts";

/**
 * Collect rules per chain, parsing each from kube-proxy's iptables-restore argument order. The rules are
 * shared parses (the same argv gives the same object), which the model copies when it stores them.
 */
export function writer() {
  const chains = new Map<string, Rule[]>();
  return {
    chain(name: string) {
      if (!chains.has(name)) chains.set(name, []);
    },
    rule(chain: string, ...args: (string | string[])[]) {
      this.add(chain, sharedRule(args.flat()));
    },
    /** Add an already parsed rule. */
    add(chain: string, rule: Rule) {
      let rules = chains.get(chain);
      if (!rules) {
        rules = [];
        chains.set(chain, rules);
      }
      rules.push(rule);
    },
    specs: (): ChainSpec[] => [...chains].map(([name, rules]) => ({ name, rules })),
  };
}

export type Writer = ReturnType<typeof writer>;

/**
 * Write one service port's filter and nat rules, following kube-proxy's syncProxyRules loop body;
 * `slices` are the EndpointSlices to take its endpoints from (input.endpointSlices, or just its service's).
 */
export function writeServicePort(
  info: ServicePortInfo,
  input: SyncInput,
  filter: Writer,
  nat: Writer,
  slices: EndpointSlice[] = input.endpointSlices,
): void {
  writePortRules(info, endpointsFor(info, slices, input.nodeName), input, filter, nat);
}

/** Write one service port's rules from its endpoints (as endpointsFor lists them). */
export function writePortRules(
  info: ServicePortInfo,
  endpoints: EndpointInfo[],
  input: SyncInput,
  filter: Writer,
  nat: Writer,
): void {
  const { spn, protocol: proto } = info;
  const eps = categorizeEndpoints(info, endpoints);
  const clusterChain = svcChain(spn, proto);
  const localChain = svlChain(spn, proto);
  const externalChain = extChain(spn, proto);
  const hasInternal = eps.hasAny && (!info.internalPolicyLocal || eps.local.length > 0);
  const hasExternal = eps.hasAny && (!info.externalPolicyLocal || eps.local.length > 0);
  const internalChain = info.internalPolicyLocal ? localChain : clusterChain;
  const externalPolicyChain = info.externalPolicyLocal ? localChain : clusterChain;
  const usesExternal =
    eps.hasAny && (info.nodePort !== 0 || info.loadBalancerIPs.length > 0 || info.externalIPs.length > 0);
  const noEndpoints = !eps.hasAny;
  const intTarget = noEndpoints ? "REJECT" : "DROP";
  const filterComment = `${spn} has no ${noEndpoints ? "" : "local "}endpoints`;
  const dport = (ip: string, port: number) => ["-m", proto, "-p", proto, "-d", ip, "--dport", String(port)];
  const clusterIP = dport(info.clusterIP, info.port);

  if (hasInternal)
    nat.rule(
      "KUBE-SERVICES",
      "-m",
      "comment",
      "--comment",
      `${spn} cluster IP`,
      clusterIP,
      "-j",
      internalChain,
    );
  else filter.rule("KUBE-SERVICES", "-m", "comment", "--comment", filterComment, clusterIP, "-j", intTarget);
  for (const [ips, what] of [
    [info.externalIPs, "external IP"],
    [info.loadBalancerIPs, "loadbalancer IP"],
  ] as const) {
    for (const ip of ips) {
      if (eps.hasAny)
        nat.rule(
          "KUBE-SERVICES",
          "-m",
          "comment",
          "--comment",
          `${spn} ${what}`,
          dport(ip, info.port),
          "-j",
          externalChain,
        );
      if (!hasExternal)
        filter.rule(
          "KUBE-EXTERNAL-SERVICES",
          "-m",
          "comment",
          "--comment",
          filterComment,
          dport(ip, info.port),
          "-j",
          intTarget,
        );
    }
  }
  if (info.nodePort !== 0) {
    if (eps.hasAny) {
      nat.rule(
        "KUBE-NODEPORTS",
        "-m",
        "comment",
        "--comment",
        spn,
        "-m",
        proto,
        "-p",
        proto,
        "--dport",
        String(info.nodePort),
        "-j",
        externalChain,
      );
    }
    if (!hasExternal) {
      filter.rule(
        "KUBE-EXTERNAL-SERVICES",
        "-m",
        "comment",
        "--comment",
        filterComment,
        "-m",
        "addrtype",
        "--dst-type",
        "LOCAL",
        "-m",
        proto,
        "-p",
        proto,
        "--dport",
        String(info.nodePort),
        "-j",
        intTarget,
      );
    }
  }

  if (hasInternal) {
    const masq = ["-m", "comment", "--comment", `${spn} cluster IP`, ...clusterIP];
    if (input.masqueradeAll) nat.rule(internalChain, masq, "-j", "KUBE-MARK-MASQ");
    else if (input.clusterCIDR)
      nat.rule(internalChain, masq, "!", "-s", input.clusterCIDR, "-j", "KUBE-MARK-MASQ");
  }
  if (usesExternal) {
    nat.chain(externalChain);
    if (!info.externalPolicyLocal) {
      nat.rule(
        externalChain,
        "-m",
        "comment",
        "--comment",
        `masquerade traffic for ${spn} external destinations`,
        "-j",
        "KUBE-MARK-MASQ",
      );
    } else {
      if (input.clusterCIDR) {
        nat.rule(
          externalChain,
          "-m",
          "comment",
          "--comment",
          `pod traffic for ${spn} external destinations`,
          "-s",
          input.clusterCIDR,
          "-j",
          clusterChain,
        );
      }
      nat.rule(
        externalChain,
        "-m",
        "comment",
        "--comment",
        `masquerade LOCAL traffic for ${spn} external destinations`,
        "-m",
        "addrtype",
        "--src-type",
        "LOCAL",
        "-j",
        "KUBE-MARK-MASQ",
      );
      nat.rule(
        externalChain,
        "-m",
        "comment",
        "--comment",
        `route LOCAL traffic for ${spn} external destinations`,
        "-m",
        "addrtype",
        "--src-type",
        "LOCAL",
        "-j",
        clusterChain,
      );
    }
    if (hasExternal) nat.rule(externalChain, "-j", externalPolicyChain);
  }
  const usesClusterChain =
    eps.cluster.length > 0 && (!info.internalPolicyLocal || (usesExternal && !info.externalPolicyLocal));
  if (usesClusterChain) writeEndpointJumps(nat, spn, proto, clusterChain, eps.cluster);
  if (eps.local.length > 0 && (info.internalPolicyLocal || info.externalPolicyLocal)) {
    writeEndpointJumps(nat, spn, proto, localChain, eps.local);
  }
  for (const ep of eps.reachable) {
    const chain = sepChain(spn, proto, ep.key);
    nat.rule(chain, "-m", "comment", "--comment", spn, "-s", ep.ip, "-j", "KUBE-MARK-MASQ");
    nat.rule(
      chain,
      "-m",
      "comment",
      "--comment",
      spn,
      "-m",
      proto,
      "-p",
      proto,
      "-j",
      "DNAT",
      "--to-destination",
      ep.key,
    );
  }
}

function writeEndpointJumps(
  nat: Writer,
  spn: string,
  proto: string,
  chain: string,
  endpoints: EndpointInfo[],
): void {
  nat.chain(chain);
  endpoints.forEach((ep, i) => {
    const left = endpoints.length - i;
    // kube-proxy writes 1/n with 10 decimals; the kernel then stores round(p × 2^31).
    const statistic =
      left > 1 ? ["-m", "statistic", "--mode", "random", "--probability", (1 / left).toFixed(10)] : [];
    nat.rule(
      chain,
      "-m",
      "comment",
      "--comment",
      `${spn} -> ${ep.key}`,
      statistic,
      "-j",
      sepChain(spn, proto, ep.key),
    );
  });
}
