// kube-proxy's view of services and endpoints: one entry per service port, and the endpoints it may use.
import type { EndpointSlice, Service } from "../api/types.ts";
import { servicePortName } from "./chain-names.ts";

/** One proxied service port (kube-proxy's servicePortInfo). */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  portName: string;
  /** `<ns>/<svc>[:<port>]`, used in comments and chain hashes. */
  spn: string;
  protocol: "tcp" | "udp" | "sctp";
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
}

/** One endpoint of a service port, with the conditions kube-proxy reads from its EndpointSlice. */
export interface EndpointInfo {
  ip: string;
  port: number;
  /** `ip:port`, used in comments, chain hashes and ordering. */
  key: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  local: boolean;
}

/** List the service ports kube-proxy proxies: skips ExternalName and headless services. */
export function servicePorts(service: Service): ServicePortInfo[] {
  const spec = service.spec;
  const clusterIP = spec.clusterIP ?? "";
  if (spec.type === "ExternalName" || clusterIP === "" || clusterIP === "None") return [];
  const namespace = service.metadata.namespace ?? "default";
  const name = service.metadata.name ?? "";
  const loadBalancerIPs = (service.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
  const externalIPs = spec.externalIPs ?? [];
  return (spec.ports ?? []).map((p) => {
    const nodePort = p.nodePort ?? 0;
    const externallyAccessible = nodePort !== 0 || loadBalancerIPs.length > 0 || externalIPs.length > 0;
    return {
      namespace,
      name,
      portName: p.name ?? "",
      spn: servicePortName(namespace, name, p.name),
      protocol: (p.protocol ?? "TCP").toLowerCase() as ServicePortInfo["protocol"],
      clusterIP,
      port: p.port,
      nodePort,
      externalIPs,
      loadBalancerIPs,
      externalPolicyLocal: externallyAccessible && spec.externalTrafficPolicy === "Local",
      internalPolicyLocal: spec.internalTrafficPolicy === "Local",
    };
  });
}

/** Collect a service port's endpoints from its EndpointSlices, deduplicated and sorted by `ip:port`. */
export function endpointsFor(
  info: ServicePortInfo,
  slices: EndpointSlice[],
  nodeName: string,
): EndpointInfo[] {
  const byKey = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    if (slice.metadata.namespace !== info.namespace) continue;
    if (slice.metadata.labels?.["kubernetes.io/service-name"] !== info.name || slice.addressType !== "IPv4")
      continue;
    for (const port of slice.ports ?? []) {
      if ((port.name ?? "") !== info.portName || (port.protocol ?? "TCP").toLowerCase() !== info.protocol)
        continue;
      if (port.port === undefined) continue;
      for (const ep of slice.endpoints) {
        const ip = ep.addresses[0];
        if (!ip) continue;
        const ready = ep.conditions?.ready ?? true;
        const key = `${ip}:${port.port}`;
        if (byKey.has(key)) continue;
        byKey.set(key, {
          ip,
          port: port.port,
          key,
          ready,
          serving: ep.conditions?.serving ?? true,
          terminating: ep.conditions?.terminating ?? false,
          local: ep.nodeName === nodeName,
        });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface CategorizedEndpoints {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  /** Endpoints that get a KUBE-SEP chain on this node. */
  reachable: EndpointInfo[];
  hasAny: boolean;
}

/**
 * Split endpoints for Cluster and Local traffic policy, like kube-proxy's CategorizeEndpoints.
 * Topology-aware routing (hints) is not modelled: every ready endpoint is a cluster endpoint.
 */
export function categorizeEndpoints(info: ServicePortInfo, endpoints: EndpointInfo[]): CategorizedEndpoints {
  const externallyAccessible =
    info.nodePort !== 0 || info.loadBalancerIPs.length > 0 || info.externalIPs.length > 0;
  const usesCluster = !info.internalPolicyLocal || (externallyAccessible && !info.externalPolicyLocal);
  const usesLocal = info.internalPolicyLocal || info.externalPolicyLocal;
  const fallback = (eps: EndpointInfo[]) => eps.filter((e) => e.serving && e.terminating);
  let cluster: EndpointInfo[] = [];
  let hasAny = false;
  if (usesCluster) {
    cluster = endpoints.filter((e) => e.ready);
    if (cluster.length === 0) cluster = fallback(endpoints);
    hasAny = cluster.length > 0;
  }
  if (!usesLocal) return { cluster, local: [], reachable: cluster, hasAny };
  if (endpoints.some((e) => e.ready || (e.serving && e.terminating))) hasAny = true;
  const localReady = endpoints.filter((e) => e.local && e.ready);
  const local = localReady.length > 0 ? localReady : fallback(endpoints.filter((e) => e.local));
  if (!usesCluster) return { cluster, local, reachable: local, hasAny };
  const merged = new Map([...cluster, ...local].map((e) => [e.key, e]));
  return { cluster, local, reachable: [...merged.values()], hasAny };
}
