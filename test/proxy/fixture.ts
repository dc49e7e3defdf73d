// The default cluster's services and EndpointSlices as kube-proxy on `controlplane` sees them.
import type { EndpointSlice, Service } from "../../sandbox/api/types.ts";
import { appendRule, createIptables, newChain, useTable } from "../../sandbox/node/iptables/model.ts";
import { parseRuleArgs } from "../../sandbox/node/iptables/parse-rule.ts";
import type { Iptables } from "../../sandbox/node/iptables/types.ts";
import { applyProxyRules } from "../../sandbox/proxy/apply.ts";
import { buildNatRules, type SyncInput } from "../../sandbox/proxy/sync.ts";

/** Build a Service. */
export function service(ns: string, name: string, spec: Service["spec"]): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { namespace: ns, name }, spec };
}

/** Build an EndpointSlice for a service with ready endpoints `[ip, nodeName]`. */
export function slice(
  ns: string,
  svc: string,
  ports: EndpointSlice["ports"],
  endpoints: [string, string, boolean?][],
): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { namespace: ns, name: `${svc}-abcde`, labels: { "kubernetes.io/service-name": svc } },
    addressType: "IPv4",
    ports,
    endpoints: endpoints.map(([ip, nodeName, ready]) => ({
      addresses: [ip],
      nodeName,
      conditions: { ready: ready ?? true },
    })),
  };
}

export const kubernetesService = service("default", "kubernetes", {
  type: "ClusterIP",
  clusterIP: "10.96.0.1",
  ports: [{ name: "https", protocol: "TCP", port: 443, targetPort: 6443 }],
});

export const kubeDnsService = service("kube-system", "kube-dns", {
  type: "ClusterIP",
  clusterIP: "10.96.0.10",
  ports: [
    { name: "dns", protocol: "UDP", port: 53, targetPort: 53 },
    { name: "dns-tcp", protocol: "TCP", port: 53, targetPort: 53 },
    { name: "metrics", protocol: "TCP", port: 9153, targetPort: 9153 },
  ],
});

export const webService = service("default", "web", {
  type: "NodePort",
  clusterIP: "10.104.22.7",
  ports: [{ protocol: "TCP", port: 80, targetPort: 80, nodePort: 30080 }],
});

export const defaultSlices: EndpointSlice[] = [
  slice(
    "default",
    "kubernetes",
    [{ name: "https", protocol: "TCP", port: 6443 }],
    [["172.30.1.2", "controlplane"]],
  ),
  slice(
    "kube-system",
    "kube-dns",
    [
      { name: "dns", protocol: "UDP", port: 53 },
      { name: "dns-tcp", protocol: "TCP", port: 53 },
      { name: "metrics", protocol: "TCP", port: 9153 },
    ],
    [
      ["10.244.0.2", "controlplane"],
      ["10.244.0.3", "controlplane"],
    ],
  ),
  slice(
    "default",
    "web",
    [{ name: "", protocol: "TCP", port: 80 }],
    [
      ["10.244.1.2", "node01"],
      ["10.244.2.3", "node02"],
      ["10.244.1.4", "node01"],
    ],
  ),
];

/** The sync input for kube-proxy on the control-plane node of the default cluster. */
export function defaultInput(): SyncInput {
  return {
    services: [kubernetesService, kubeDnsService, webService],
    endpointSlices: defaultSlices,
    nodeName: "controlplane",
    nodeIPs: ["172.30.1.2"],
    clusterCIDR: "10.244.0.0/16",
  };
}

// What kubelet set up before kube-proxy started (not kube-proxy's, but present on every real node).
function seedKubelet(ipt: Iptables): void {
  for (const t of ["mangle", "nat", "filter"] as const) newChain(useTable(ipt, t), "KUBE-KUBELET-CANARY");
  const filter = useTable(ipt, "filter");
  newChain(filter, "KUBE-FIREWALL");
  appendRule(filter, "INPUT", parseRuleArgs(["-j", "KUBE-FIREWALL"]));
  appendRule(filter, "OUTPUT", parseRuleArgs(["-j", "KUBE-FIREWALL"]));
}

/** Build a node's iptables after kubelet's setup and one kube-proxy sync of the default cluster. */
export function defaultNode(input: SyncInput = defaultInput()): Iptables {
  const ipt = createIptables();
  seedKubelet(ipt);
  applyProxyRules(ipt, buildNatRules(input));
  return ipt;
}
