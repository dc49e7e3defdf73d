// Service defaults (SetDefaults_Service), plus the IP-family fields the real registry fills in on create.
import { child, isObj, type Obj, objects, setDefault } from "./shape.ts";

/** Fill in a service's defaults. */
export function defaultService(svc: Obj): void {
  const spec = child(svc, "spec");
  setDefault(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    const cfg = isObj(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : {};
    if (!isObj(cfg.clientIP) || typeof cfg.clientIP.timeoutSeconds !== "number") {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
    }
  }
  setDefault(spec, "type", "ClusterIP");
  for (const p of objects(spec.ports)) {
    setDefault(p, "protocol", "TCP");
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === "")
      p.targetPort = p.port;
  }
  const type = spec.type;
  const external =
    type === "NodePort" ||
    type === "LoadBalancer" ||
    (type === "ClusterIP" && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (external) setDefault(spec, "externalTrafficPolicy", "Cluster");
  if (type === "ClusterIP" || type === "NodePort" || type === "LoadBalancer")
    setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (type === "LoadBalancer" && typeof spec.allocateLoadBalancerNodePorts !== "boolean")
    spec.allocateLoadBalancerNodePorts = true;
  // The registry, not defaulting, sets these in the real server; the model has a single-stack IPv4 cluster.
  if (type !== "ExternalName") {
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ["IPv4"];
    const headlessNoSelector =
      (spec.clusterIP === "None" || (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === "None")) &&
      !isObj(spec.selector);
    setDefault(spec, "ipFamilyPolicy", headlessNoSelector ? "RequireDualStack" : "SingleStack");
  }
}
