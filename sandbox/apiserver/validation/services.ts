// Service validation (ValidateService / ValidateServiceUpdate). Cluster IP and NodePort allocation
// errors belong to the allocators (see service-ranges.ts), which run after this.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, forbidden, renderedFieldError, required } from "../errors.ts";
import { dnsLabel, dnsSubdomain } from "./common.ts";
import {
  duplicateValue,
  invalidRendered,
  invalidValue,
  list,
  type Obj,
  obj,
  stringMap,
  text,
  unsupportedValue,
} from "./field.ts";
import { goIntOrString, goQuote, goStringSlice } from "./go-format.ts";
import { validateIP } from "./ip.ts";
import { nameIsDNS1035Label } from "./name-rules.ts";
import { isValidPortName, isValidPortNum } from "./names.ts";
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import { validateClusterIPs } from "./service-ips.ts";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const POLICIES = ["Cluster", "Local"];

/** The cluster IPs a service will hold: clusterIPs, else clusterIP (the strategy normalizes them so). */
export function clusterIPsOf(spec: Obj): string[] {
  const ips = list(spec.clusterIPs).map(text);
  if (ips.length > 0) return ips;
  return text(spec.clusterIP) ? [text(spec.clusterIP)] : [];
}

function isHeadless(spec: Obj): boolean {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 && ips[0] === "None";
}

function validatePort(p: Obj, requireName: boolean, names: Set<string>, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = text(p.name);
  if (requireName && !name) errs.push(required(`${at}.name`));
  else if (name) {
    errs.push(...dnsLabel(name, `${at}.name`));
    if (names.has(name)) errs.push(duplicateValue(`${at}.name`, name));
    else names.add(name);
  }
  const port = typeof p.port === "number" ? p.port : 0;
  for (const msg of isValidPortNum(port)) errs.push(invalidValue(`${at}.port`, port, msg));
  const protocol = text(p.protocol);
  if (!protocol) errs.push(required(`${at}.protocol`));
  else if (!PROTOCOLS.includes(protocol)) errs.push(unsupportedValue(`${at}.protocol`, protocol, PROTOCOLS));
  const tp = p.targetPort;
  if (typeof tp === "number")
    for (const msg of isValidPortNum(tp)) errs.push(invalidValue(`${at}.targetPort`, tp, msg));
  else
    for (const msg of isValidPortName(text(tp))) errs.push(invalidValue(`${at}.targetPort`, text(tp), msg));
  return errs;
}

function goServicePort(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:${goIntOrString(0)}, NodePort:0}`;
}

/** Validate a (defaulted) service. */
export function validateService(svc: KubeObject): FieldError[] {
  const spec = obj(svc.spec);
  const type = text(spec.type);
  const ports = list(spec.ports).map(obj);
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  if (ports.length === 0 && !isHeadless(spec) && type !== "ExternalName") errs.push(required("spec.ports"));
  if ((type === "LoadBalancer" || type === "NodePort") && isHeadless(spec)) {
    errs.push(invalidValue("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${type} services`));
  }
  if (type === "ExternalName") {
    if (clusterIPsOf(spec).length > 0)
      errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    if (list(spec.ipFamilies).length > 0)
      errs.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
    if (spec.ipFamilyPolicy !== undefined)
      errs.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
    const cname = text(spec.externalName).replace(/\.$/, "");
    if (cname) errs.push(...dnsSubdomain(cname, "spec.externalName"));
    else errs.push(required("spec.externalName"));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    errs.push(...validatePort(p, ports.length > 1, names, `spec.ports[${i}]`));
  });
  if (spec.selector !== undefined) errs.push(...validateLabels(stringMap(spec.selector), "spec.selector"));
  const affinity = text(spec.sessionAffinity);
  if (!affinity) errs.push(required("spec.sessionAffinity"));
  else if (affinity !== "ClientIP" && affinity !== "None") {
    errs.push(unsupportedValue("spec.sessionAffinity", affinity, ["ClientIP", "None"]));
  }
  if (affinity === "None" && spec.sessionAffinityConfig !== undefined) {
    errs.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }
  if (type !== "ExternalName") errs.push(...validateClusterIPs(spec, clusterIPsOf(spec)));
  list(spec.externalIPs).forEach((ip, i) => {
    errs.push(...validateIP(`spec.externalIPs[${i}]`, text(ip)));
  });
  if (!type) errs.push(required("spec.type"));
  else if (!TYPES.includes(type)) errs.push(unsupportedValue("spec.type", type, TYPES));
  if (type === "ClusterIP") {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const protocol = text(p.protocol);
    if (typeof p.nodePort === "number" && p.nodePort !== 0) {
      const key = `${protocol}/${p.nodePort}`;
      if (nodePorts.has(key)) errs.push(duplicateValue(`spec.ports[${i}].nodePort`, p.nodePort));
      nodePorts.add(key);
    }
    const port = typeof p.port === "number" ? p.port : 0;
    const key = `${protocol}/${port}`;
    if (seen.has(key))
      errs.push(renderedFieldError("FieldValueDuplicate", `spec.ports[${i}]`, goServicePort(protocol, port)));
    seen.add(key);
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== "LoadBalancer") {
    errs.push(
      forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  // The real path really lacks the `spec.` prefix here.
  if (type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined)
    errs.push(required("allocateLoadBalancerNodePorts"));
  errs.push(...validateTrafficPolicies(spec, type));
  return errs;
}

function validateTrafficPolicies(spec: Obj, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const external =
    type === "LoadBalancer" ||
    type === "NodePort" ||
    (type === "ClusterIP" && list(spec.externalIPs).length > 0);
  const etp = text(spec.externalTrafficPolicy);
  if (!external) {
    if (etp)
      errs.push(
        invalidValue("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"),
      );
  } else if (!etp) errs.push(required("spec.externalTrafficPolicy"));
  else if (!POLICIES.includes(etp)) errs.push(unsupportedValue("spec.externalTrafficPolicy", etp, POLICIES));
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined || itp === null) {
    if (type === "ClusterIP" || type === "NodePort" || type === "LoadBalancer")
      errs.push(required("spec.internalTrafficPolicy"));
  } else if (!POLICIES.includes(text(itp)))
    errs.push(unsupportedValue("spec.internalTrafficPolicy", text(itp), POLICIES));
  return errs;
}

/** Validate a service update: cluster IPs and IP families may not change once set. */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(svc.spec);
  const oldSpec = obj(old.spec);
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  if (
    text(spec.type) !== "ExternalName" &&
    text(oldSpec.type) !== "ExternalName" &&
    !(isHeadless(spec) && isHeadless(oldSpec))
  ) {
    const now = clusterIPsOf(spec);
    const before = clusterIPsOf(oldSpec);
    const changed =
      now.length === before.length
        ? before.findIndex((ip, i) => ip !== now[i])
        : before.length > 0 && now[0] !== before[0]
          ? 0
          : -1;
    if (changed >= 0)
      errs.push(
        invalidRendered(`spec.clusterIPs[${changed}]`, goStringSlice(now), "may not change once set"),
      );
    else if (before.length > now.length && now.length === 0) {
      errs.push(
        invalidRendered("spec.clusterIPs[0]", goStringSlice(now), "primary clusterIP can not be unset"),
      );
    }
  }
  errs.push(...validateService(svc));
  return errs;
}
